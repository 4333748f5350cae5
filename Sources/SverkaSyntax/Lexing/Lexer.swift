/// Turns source bytes into tokens in one linear pass. It never fails: anything it cannot read
/// becomes an `.invalid` token plus a diagnostic, so completion can lex half-typed lines.
public struct Lexer {
    let bytes: [UInt8]
    var position = 0
    var tokens: [Token] = []
    var diagnostics: [Diagnostic] = []

    /// Past this many, diagnostics are dropped: megabytes of garbage must not cost gigabytes.
    static let diagnosticLimit = 1000

    public init(_ source: SourceText) {
        self.bytes = source.bytes
    }

    /// Every token, comments and newlines included, ending with `.end`; and the problems found.
    public mutating func tokenize() -> (tokens: [Token], diagnostics: [Diagnostic]) {
        position = 0
        tokens = []
        diagnostics = []
        tokens.reserveCapacity(bytes.count / 4 + 16)
        while position < bytes.count {
            scanToken()
        }
        tokens.append(Token(.end, span: Span(start: bytes.count, end: bytes.count)))
        let result = (tokens, diagnostics)
        tokens = []
        diagnostics = []
        return result
    }

    mutating func emit(_ kind: TokenKind, from start: Int) {
        tokens.append(Token(kind, span: Span(start: start, end: position)))
    }

    mutating func report(_ diagnostic: Diagnostic) {
        guard diagnostics.count < Self.diagnosticLimit else { return }
        diagnostics.append(diagnostic)
    }

    func byte(at offset: Int) -> UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    private mutating func scanToken() {
        let start = position
        let byte = bytes[position]
        switch byte {
        case ASCII.space, ASCII.tab, ASCII.carriageReturn, ASCII.formFeed, ASCII.verticalTab:
            position += 1
        case ASCII.newline:
            position += 1
            emit(.newline, from: start)
        case ASCII.hash:
            while position < bytes.count, bytes[position] != ASCII.newline { position += 1 }
            emit(.comment, from: start)
        case ASCII.doubleQuote, ASCII.singleQuote:
            scanString(quote: byte)
        case ASCII.backQuote:
            scanQuotedName()
        case ASCII.zero...ASCII.nine:
            scanNumber()
        case ASCII.at:
            scanDateOrAt()
        case ASCII.dollar:
            scanVariableOrDollar()
        case _ where ASCII.isWordStart(byte):
            position = identifierEnd(from: start)
            emit(.identifier(text(start, position)), from: start)
        case 0x80...:
            scanNonASCII()
        default:
            scanSymbol()
        }
    }

    /// The text of a byte range, decoded leniently.
    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Where a run of identifier characters starting at `offset` ends.
    func identifierEnd(from offset: Int) -> Int {
        var index = offset
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                guard ASCII.isWordByte(byte) else { break }
                index += 1
                continue
            }
            let (scalar, length) = UTF8Decoding.scalar(in: bytes, at: index)
            guard CharacterClass.isIdentifierContinue(scalar) else { break }
            index += length
        }
        return index
    }

    /// Whether an identifier could start at `offset` (a letter or `_`).
    func identifierStarts(at offset: Int) -> Bool {
        guard let byte = byte(at: offset) else { return false }
        if byte < 0x80 { return ASCII.isWordStart(byte) }
        return CharacterClass.isIdentifierStart(UTF8Decoding.scalar(in: bytes, at: offset).scalar)
    }

    /// Whether the character at `offset` would continue an identifier (letter, digit, `_`).
    func identifierContinues(at offset: Int) -> Bool {
        guard let byte = byte(at: offset) else { return false }
        if byte < 0x80 { return ASCII.isWordByte(byte) }
        return CharacterClass.isIdentifierContinue(UTF8Decoding.scalar(in: bytes, at: offset).scalar)
    }

    private mutating func scanNonASCII() {
        let start = position
        let (scalar, length) = UTF8Decoding.scalar(in: bytes, at: start)
        if CharacterClass.isIdentifierStart(scalar) {
            position = identifierEnd(from: start)
            emit(.identifier(text(start, position)), from: start)
        } else if CharacterClass.isSpace(scalar) {
            position += length
        } else {
            scanUnexpected(scalar, length: length)
        }
    }

    private mutating func scanVariableOrDollar() {
        let start = position
        position += 1
        if identifierStarts(at: position) {
            let nameStart = position
            position = identifierEnd(from: nameStart)
            emit(.variable(text(nameStart, position)), from: start)
        } else if byte(at: position) == ASCII.backQuote {
            if let name = scanBackQuotedText() {
                emit(.variable(name), from: start)
            } else {
                emit(.invalid, from: start)
            }
        } else {
            emit(.dollar, from: start)
        }
    }

    private mutating func scanSymbol() {
        let start = position
        let byte = bytes[position]
        let next = self.byte(at: position + 1)
        position += 1
        let kind: TokenKind
        switch byte {
        case ASCII.pipe: kind = .pipe
        case ASCII.leftParen: kind = .leftParen
        case ASCII.rightParen: kind = .rightParen
        case ASCII.leftBracket: kind = .leftBracket
        case ASCII.rightBracket: kind = .rightBracket
        case ASCII.comma: kind = .comma
        case ASCII.dot: kind = .dot
        case ASCII.semicolon: kind = .semicolon
        case ASCII.colon: kind = .colon
        case ASCII.plus: kind = .plus
        case ASCII.minus: kind = .minus
        case ASCII.star: kind = .star
        case ASCII.slash: kind = .slash
        case ASCII.percent: kind = .percent
        case ASCII.equals:
            if next == ASCII.equals { position += 1; kind = .equal } else { kind = .assign }
        case ASCII.bang where next == ASCII.equals:
            position += 1
            kind = .notEqual
        case ASCII.less:
            if next == ASCII.equals { position += 1; kind = .lessOrEqual }
            else if next == ASCII.greater { position += 1; kind = .notEqual }
            else { kind = .less }
        case ASCII.greater:
            if next == ASCII.equals { position += 1; kind = .greaterOrEqual } else { kind = .greater }
        default:
            position = start
            scanUnexpected(Unicode.Scalar(byte), length: 1)
            return
        }
        emit(kind, from: start)
    }
}
