/// Replacements of parts of one text, by UTF-8 offsets into it: what masking and secret
/// redaction change, kept apart from the changed text so that positions in the original (a
/// diagnostic's span) can be found again in the result.
public struct TextEdits: Sendable {
    public struct Edit: Sendable, Hashable {
        /// UTF-8 offsets into the original text.
        public var range: Range<Int>
        public var replacement: String
    }

    /// In order, none overlapping.
    public private(set) var edits: [Edit] = []

    public init() {}

    /// The edits in order; one that overlaps an earlier one is dropped.
    init(_ edits: [Edit]) {
        var kept: [Edit] = []
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound })
        where edit.range.lowerBound >= (kept.last?.range.upperBound ?? 0) {
            kept.append(edit)
        }
        self.edits = kept
    }

    public var isEmpty: Bool { edits.isEmpty }

    /// Both sets of edits of the same text; where two overlap, the earlier-starting one stays.
    public func merged(with other: TextEdits) -> TextEdits {
        other.isEmpty ? self : isEmpty ? other : TextEdits(edits + other.edits)
    }

    /// The text with every edit made.
    public func applied(to text: String) -> String {
        guard !edits.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var position = 0
        for edit in edits where edit.range.upperBound <= bytes.count {
            result += bytes[position..<edit.range.lowerBound]
            result += edit.replacement.utf8
            position = edit.range.upperBound
        }
        result += bytes[position...]
        return String(decoding: result, as: UTF8.self)
    }

    /// Where an offset of the original text is in the edited one. An offset inside a replaced
    /// part goes to the replacement's start, or with `towardEnd` (a span's end) to its end.
    public func map(_ offset: Int, towardEnd: Bool = false) -> Int {
        var shift = 0
        for edit in edits {
            if offset <= edit.range.lowerBound { break }
            let grown = edit.replacement.utf8.count - edit.range.count
            if offset < edit.range.upperBound {
                return edit.range.lowerBound + shift + (towardEnd ? edit.replacement.utf8.count : 0)
            }
            shift += grown
        }
        return offset + shift
    }

    /// Edits given by ranges of a text's unicode scalars (by scalar index), in UTF-8 offsets.
    static func fromScalarRanges(_ ranges: [(Range<Int>, String)], in scalars: [Unicode.Scalar]) -> TextEdits {
        guard !ranges.isEmpty else { return TextEdits() }
        var offsets = [Int](repeating: 0, count: scalars.count + 1)
        for (index, scalar) in scalars.enumerated() { offsets[index + 1] = offsets[index] + UTF8.width(scalar) }
        return TextEdits(ranges.map { Edit(range: offsets[$0.0.lowerBound]..<offsets[$0.0.upperBound], replacement: $0.1) })
    }

    /// Edits given by ranges of a text's characters (by character index), in UTF-8 offsets.
    static func fromCharacterRanges(_ ranges: [(Range<Int>, String)], in characters: [Character]) -> TextEdits {
        guard !ranges.isEmpty else { return TextEdits() }
        var offsets = [Int](repeating: 0, count: characters.count + 1)
        for (index, character) in characters.enumerated() { offsets[index + 1] = offsets[index] + character.utf8.count }
        return TextEdits(ranges.map { Edit(range: offsets[$0.0.lowerBound]..<offsets[$0.0.upperBound], replacement: $0.1) })
    }
}
