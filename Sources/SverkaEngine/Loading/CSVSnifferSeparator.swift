import Foundation

/// The separator: the option, a .tsv extension, or the candidate that splits the first rows
/// (quotes respected) into as many fields as the first row has.
extension CSVSniffer {
    static let sampleRecords = 100

    static func separator(in text: [UInt8], whole: Bool, options: LoadOptions, path: String) -> (UInt8, LoadNote) {
        if let chosen = options.delimiter {
            return (chosen, LoadNote("separator: \(name(of: chosen)) (as requested)"))
        }
        let fileExtension = (path as NSString).pathExtension.lowercased()
        if fileExtension == "tsv" || fileExtension == "tab" {
            return (UInt8(ascii: "\t"), LoadNote("separator: tab (a .\(fileExtension) file)"))
        }
        let rows = fieldSeparatorCounts(text, whole: whole)
        guard let first = rows.first else { return (UInt8(ascii: ","), LoadNote("separator: ','")) }
        var best: (index: Int, agreeing: Int, count: Int)?
        for (index, count) in first.enumerated() where count > 0 {
            let agreeing = rows.filter { $0[index] == count }.count
            if let current = best, (current.agreeing, current.count) >= (agreeing, count) { continue }
            best = (index, agreeing, count)
        }
        guard let best else {
            return (UInt8(ascii: ","), .notable("separator: none of , ; tab | in the first line, so one column; "
                                                + "to split it: with (delimiter: \"…\")"))
        }
        let chosen = candidates[best.index]
        if best.agreeing < rows.count {
            return (chosen, .notable("separator: \(name(of: chosen)) (detected; \(best.agreeing) of the first \(rows.count) rows "
                                     + "have \(best.count + 1) fields like the first)"))
        }
        if chosen == UInt8(ascii: ",") { return (chosen, LoadNote("separator: ','")) }
        return (chosen, .notable("separator: \(name(of: chosen)) (detected)"))
    }

    /// `','`, `';'`, `tab`, for notes.
    static func name(of separator: UInt8) -> String {
        separator == UInt8(ascii: "\t") ? "tab" : "'\(String(UnicodeScalar(separator)))'"
    }

    /// For each of the first records, how often each candidate occurs outside quotes.
    private static func fieldSeparatorCounts(_ text: [UInt8], whole: Bool) -> [[Int]] {
        var rows: [[Int]] = []
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var started = false
        for byte in text {
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
                started = true
                continue
            }
            if inQuotes { continue }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if started { rows.append(counts) }
                counts = [Int](repeating: 0, count: candidates.count)
                started = false
                if rows.count == sampleRecords { return rows }
                continue
            }
            started = true
            if let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
        }
        // The last line counts only when the sample is the whole file (else it may be cut short).
        if whole, started, !inQuotes { rows.append(counts) }
        return rows
    }
}
