/// What a token is. Words are not split into keywords here: keywords are contextual (a step
/// word is only special at the start of a step), so the parser decides what a word means.
public enum TokenKind: Sendable, Hashable {
    /// A plain word: `deals`, `Сумма`, `where`, `and`.
    case identifier(String)
    /// A back-quoted name with its inner text; never a keyword.
    case quotedIdentifier(String)
    /// A whole number, suffixes (`1.5k`, `2M`) already applied.
    case integer(Int64)
    /// An exact decimal `units / 10^scale` (`12.50`, `20%`).
    case decimal(units: Int64, scale: Int)
    /// A quoted string with its escapes resolved.
    case string(String)
    /// A string still open at the end of the input (reported once, by the lexer).
    case unterminatedString(String)
    /// `@2026-11-30` or `@2026-11-30T14:05`; indirect because dates are rare and large.
    indirect case dateTime(Literal)
    /// `$name`.
    case variable(String)

    case pipe, leftParen, rightParen, leftBracket, rightBracket
    case comma, dot, semicolon, colon
    /// `=`: names an item, or means equality where the parser allows it.
    case assign
    /// `==`.
    case equal
    /// `!=` or `<>`.
    case notEqual
    case less, lessOrEqual, greater, greaterOrEqual
    case plus, minus, star, slash, percent
    /// `$` or `@` not followed by a name or a date.
    case dollar, at

    /// `# …` to the end of the line.
    case comment
    case newline
    /// Text the lexer could not read; a diagnostic about it has been reported.
    case invalid
    /// The end of the input.
    case end

    /// Whether the lexer already reported a problem with this token.
    public var isBroken: Bool {
        switch self {
        case .invalid, .unterminatedString: return true
        default: return false
        }
    }

    /// The spelling of an operator or punctuation token, nil for the others.
    public var symbol: String? {
        switch self {
        case .pipe: return "|"
        case .leftParen: return "("
        case .rightParen: return ")"
        case .leftBracket: return "["
        case .rightBracket: return "]"
        case .comma: return ","
        case .dot: return "."
        case .semicolon: return ";"
        case .colon: return ":"
        case .assign: return "="
        case .equal: return "=="
        case .notEqual: return "!="
        case .less: return "<"
        case .lessOrEqual: return "<="
        case .greater: return ">"
        case .greaterOrEqual: return ">="
        case .plus: return "+"
        case .minus: return "-"
        case .star: return "*"
        case .slash: return "/"
        case .percent: return "%"
        case .dollar: return "$"
        case .at: return "@"
        default: return nil
        }
    }
}
