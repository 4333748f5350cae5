import SverkaEngine

/// Writes `help` and `help NAME` from the command registry and the language topics, so that
/// help can never disagree with what the parser accepts.
struct HelpText {
    let registry: CommandRegistry

    func overview() -> String {
        var text = "sverka — reconcile CRM and accounting data.\n\n"
        for group in CommandGroup.allCases {
            let commands = registry.commands.filter { $0.group == group }
            guard !commands.isEmpty else { continue }
            text += "\(group.rawValue):\n"
            // The block that defines a model is not a command, but it belongs with the ones that use it.
            if group == .models { text += line(ModelHelp.topic.name, ModelHelp.topic.summary) }
            for command in commands { text += line(command.name, command.summary) }
            text += "\n"
        }
        text += "Pipeline steps:\n"
        for step in LanguageHelp.steps { text += line(step.name, step.summary) }
        text += "\n" + LanguageHelp.language + "\n\n"
        text += "'help NAME' shows a command or step in full; 'help functions' lists the functions.\n"
        return text
    }

    func topic(_ name: String) -> String? {
        if name == "functions" { return functions() }
        if let command = registry.spec(named: name) {
            return page(name: command.name, summary: command.summary, usage: command.usage,
                        details: command.details, examples: command.examples, syntax: command.syntax.clauses.map(\.keyword))
        }
        if name.lowercased() == ModelHelp.topic.name {
            let model = ModelHelp.topic
            return page(name: model.name, summary: model.summary, usage: model.usage, details: model.details,
                        examples: model.examples, syntax: [])
        }
        if let step = LanguageHelp.steps.first(where: { $0.name == name.lowercased() }) {
            return page(name: step.name, summary: step.summary, usage: step.usage, details: step.details,
                        examples: step.examples, syntax: [])
        }
        if let function = FunctionCatalog.named(name) {
            return "\(function.signature)\n  \(function.summary)\(function.isAggregate ? " (aggregate, inside group)" : "")\n"
        }
        return nil
    }

    var topicNames: [String] {
        registry.commandNames + [ModelHelp.topic.name] + LanguageHelp.steps.map(\.name) + FunctionCatalog.all.map(\.name) + ["functions"]
    }

    private func functions() -> String {
        var text = "Aggregates (inside group's list):\n"
        for function in FunctionCatalog.all where function.isAggregate { text += line(function.signature, function.summary, width: 22) }
        text += "\nFunctions:\n"
        for function in FunctionCatalog.all where !function.isAggregate { text += line(function.signature, function.summary, width: 22) }
        return text
    }

    private func page(name: String, summary: String, usage: String, details: [String], examples: [String],
                      syntax: [String]) -> String {
        var text = "\(name) — \(summary)\n\n  \(usage)\n"
        for paragraph in details { text += "\n" + wrap(paragraph, indent: "  ") }
        if !examples.isEmpty {
            text += "\nExamples:\n"
            for example in examples { text += "  \(example)\n" }
        }
        return text
    }

    private func line(_ name: String, _ summary: String, width: Int = 12) -> String {
        let padding = String(repeating: " ", count: max(1, width - name.count))
        return "  \(name)\(padding)\(summary)\n"
    }

    /// Wraps a paragraph at 88 columns.
    private func wrap(_ paragraph: String, indent: String) -> String {
        var lines: [String] = [], current = ""
        for word in paragraph.split(separator: " ") {
            if !current.isEmpty, current.count + word.count + 1 > 88 - indent.count {
                lines.append(current)
                current = ""
            }
            current += current.isEmpty ? String(word) : " " + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines.map { indent + $0 + "\n" }.joined()
    }
}
