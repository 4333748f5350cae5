import SverkaDomain
import SverkaEngine
import SverkaSyntax

/// Commands about the session itself: help and settings.
enum SessionCommands {
    static let all: [CommandSpec] = [help, set]

    static let settingNames = ["format", "timer", "maxrows", "pager", "currency", "mask"]

    static let help = CommandSpec(
        syntax: CommandSyntax(name: "help", positionals: [Slot("topic", .word(.command), optional: true)]),
        group: .session,
        summary: "list the commands, or explain one",
        usage: "help [NAME]",
        examples: ["help", "help load", "help group", "help functions"]
    ) { invocation, session throws(Diagnostic) in
        let text = HelpText(registry: session.registry)
        guard case .word(let name)? = invocation.argument("topic")?.value else {
            session.output.write(text.overview())
            return .done
        }
        guard let page = text.topic(name.text) else {
            var error = Diagnostic("no help for '\(name.text)'", at: name.span)
            if let suggestion = Suggestion.closest(to: name.text, among: text.topicNames) {
                error = error.hint("did you mean 'help \(suggestion)'?")
            }
            throw error.hint("'help' lists the commands and steps")
        }
        session.output.write(page)
        return .done
    }

    static let set = CommandSpec(
        syntax: CommandSyntax(name: "set", positionals: [Slot("setting", .word(.setting)), Slot("value", .value)]),
        group: .session,
        summary: "change a setting: format, timer, maxrows, pager, currency, mask",
        usage: "set format table|csv|json|markdown | set timer on|off | set maxrows N | set pager on|off | set currency CODE|none | set mask on|off|names",
        details: ["format: how results are printed (also --format on the command line).",
                  "timer: print each statement's elapsed time on stderr.",
                  "maxrows: in table format, longer results show their first and last rows (default 40).",
                  "pager: in the interactive shell, results longer than the screen go through $PAGER (default less -S).",
                  "currency: the base currency of the analytics commands (profit, aging, reports): amounts in other currencies are converted at the rates in acc.rates (the latest rate on or before each amount's date), exactly to the kopeck. none (the default) means one currency only: amounts in several are an error, never added up.",
                  MaskSetting.help],
        examples: ["set format csv", "set timer on", "set maxrows 100", "set currency RUB", "set mask on"]
    ) { invocation, session throws(Diagnostic) in
        guard case .word(let setting)? = invocation.argument("setting")?.value,
              let argument = invocation.argument("value") else { return .done }
        let value = word(argument.value)
        switch setting.text.lowercased() {
        case "format":
            guard let format = OutputFormat(rawValue: value.lowercased()) else {
                throw Diagnostic("unknown format '\(value)'", at: argument.span)
                    .hint("formats: " + OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))
            }
            session.settings.render.format = format
        case "timer":
            session.settings.timer = try onOff(value, at: argument.span)
        case "pager":
            session.settings.pager = try onOff(value, at: argument.span)
        case "maxrows":
            guard let rows = Int(value), rows >= 2 else {
                throw Diagnostic("maxrows needs a whole number of at least 2", at: argument.span)
            }
            session.settings.render.maxRows = rows
        case "currency":
            session.settings.currency = try currency(value, at: argument.span)
        case "mask":
            session.settings.mask = try MaskSetting.level(value, at: argument.span)
        default:
            var error = Diagnostic("unknown setting '\(setting.text)'", at: setting.span)
            if let suggestion = Suggestion.closest(to: setting.text, among: settingNames) {
                error = error.hint("did you mean '\(suggestion)'?")
            }
            throw error.hint("settings: " + settingNames.joined(separator: ", "))
        }
        return .done
    }

    private static func word(_ value: ArgumentValue) -> String {
        switch value {
        case .word(let name): return name.text
        case .string(let text, _): return text
        case .expression(let expression):
            switch expression.kind {
            case .column(let name): return name.description
            case .literal(.integer(let number)): return String(number)
            case .literal(.bool(let flag)): return flag ? "on" : "off"
            default: return ""
            }
        default: return ""
        }
    }

    /// A currency code as the data writes it (`RUB`, `usd`: compared upper-cased), or none.
    private static func currency(_ value: String, at span: Span) throws(Diagnostic) -> String? {
        if ["none", "off"].contains(value.lowercased()) { return nil }
        guard let code = CurrencyCode.normalized(value), code.count <= 10, code.allSatisfy({ $0.isLetter }) else {
            throw Diagnostic("expected a currency code such as RUB, or none, not '\(value)'", at: span)
                .hint("the code is compared with the currency columns of the roles and acc.rates, upper-cased")
        }
        return code
    }

    private static func onOff(_ value: String, at span: Span) throws(Diagnostic) -> Bool {
        switch value.lowercased() {
        case "on", "true", "yes": return true
        case "off", "false", "no": return false
        default: throw Diagnostic("expected on or off, not '\(value)'", at: span)
        }
    }
}
