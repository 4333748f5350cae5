import Foundation

/// Column names from a header row: trimmed, never empty, unique ignoring case (as SQLite compares them).
enum HeaderNames {
    static func make(_ raw: [String]) -> (names: [String], notes: [String]) {
        var notes: [String] = []
        let trimmed = raw.enumerated().map { offset, text -> String in
            let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if name.isEmpty {
                notes.append("header: column \(offset + 1) has no name; called it 'c\(offset + 1)'")
                return "c\(offset + 1)"
            }
            return name
        }
        // Suffixes must not collide with names that come later in the header either.
        let originals = Set(trimmed.map { $0.lowercased() })
        var taken = Set<String>()
        var names: [String] = []
        for name in trimmed {
            let key = name.lowercased()
            guard taken.contains(key) else {
                taken.insert(key)
                names.append(name)
                continue
            }
            var suffix = 2
            while taken.contains("\(key)_\(suffix)") || originals.contains("\(key)_\(suffix)") { suffix += 1 }
            let unique = "\(name)_\(suffix)"
            taken.insert(unique.lowercased())
            names.append(unique)
            notes.append("header: '\(name)' appears more than once; this one is '\(unique)'")
        }
        return (names, notes)
    }
}
