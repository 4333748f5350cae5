import Foundation
import SverkaSyntax
import ZIPFoundation

/// A relationship from one part of the package to another (`rId1` → `worksheets/sheet1.xml`).
struct XLSXRelationship {
    var id: String
    /// The type URI; only its last segment matters here (`worksheet`, `sharedStrings`, …).
    var type: String
    /// The target as a part name inside the package (`xl/worksheets/sheet1.xml`).
    var target: String

    var kind: String { type.split(separator: "/").last.map(String.init) ?? type }
}

/// An .xlsx file opened as a ZIP package: its parts by name and the relationships between them.
final class XLSXArchive {
    let path: String
    private let archive: Archive
    /// Part names compare without case (OOXML says so), and without a leading slash.
    private var entries: [String: Entry] = [:]
    /// A workbook part larger than this unpacked is refused: a ZIP bomb, not a spreadsheet.
    static let maximumPartSize: UInt64 = 2 << 30

    init(_ input: RowTableInput) throws(Diagnostic) {
        path = input.displayPath
        let bytes = input.bytes
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { throw XLSXLoadError.notZip(path, bytes: bytes) }
        do {
            archive = try Archive(data: Data(buffer: bytes), accessMode: .read)
        } catch {
            throw XLSXLoadError.damagedZip(path, reason: "\(error)")
        }
        for entry in archive where entry.type == .file {
            entries[XLSXArchive.key(entry.path)] = entry
        }
    }

    private static func key(_ name: String) -> String {
        var name = name.replacingOccurrences(of: "\\", with: "/")
        while name.hasPrefix("/") { name.removeFirst() }
        return name.lowercased()
    }

    /// Every part's name, for messages about what the archive holds instead.
    var partNames: [String] { entries.values.map(\.path).sorted() }

    /// The bytes of a part; nil when the package has no such part.
    func data(of part: String) throws(Diagnostic) -> Data? {
        guard let entry = entries[XLSXArchive.key(part)] else { return nil }
        guard UInt64(entry.uncompressedSize) <= XLSXArchive.maximumPartSize else {
            throw Diagnostic("'\(path)' has a part (\(part)) of more than 2 GB unpacked; sverka does not read it",
                             location: path)
        }
        var data = Data()
        do {
            _ = try archive.extract(entry) { chunk in data.append(chunk) }
        } catch {
            throw XLSXLoadError.damagedZip(path, reason: "cannot unpack \(part): \(error)")
        }
        return data
    }

    /// Reads a part with a handler; nil when the part is missing.
    func read(_ part: String, with handler: XLSXXMLHandler) throws(Diagnostic) -> Bool {
        guard let data = try data(of: part) else { return false }
        try XLSXXMLReader.read(data, part: part, path: path, with: handler)
        return true
    }

    /// The relationships of a part, from `dir/_rels/name.rels`; empty when there are none.
    func relationships(of part: String) throws(Diagnostic) -> [XLSXRelationship] {
        let directory = (part as NSString).deletingLastPathComponent
        let name = (part as NSString).lastPathComponent
        let relsPart = directory.isEmpty ? "_rels/\(name).rels" : "\(directory)/_rels/\(name).rels"
        let handler = XLSXRelationshipsHandler(base: directory)
        _ = try read(relsPart, with: handler)
        return handler.relationships
    }

    /// A relationship target as a part name: relative to the source part's directory, or absolute.
    static func resolve(_ target: String, base: String) -> String {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : (base.isEmpty ? target : "\(base)/\(target)")
        var parts: [Substring] = []
        for component in joined.split(separator: "/") {
            if component == ".." {
                _ = parts.popLast()
            } else if component != "." {
                parts.append(component)
            }
        }
        return parts.joined(separator: "/")
    }
}

/// Reads a `.rels` part.
final class XLSXRelationshipsHandler: XLSXXMLHandler {
    let base: String
    var relationships: [XLSXRelationship] = []
    var failure: Diagnostic?

    init(base: String) {
        self.base = base
    }

    func start(_ name: String, attributes: [String: String]) {
        guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"],
              attributes["TargetMode"] != "External" else { return }
        relationships.append(XLSXRelationship(id: id, type: attributes["Type"] ?? "",
                                              target: XLSXArchive.resolve(target, base: base)))
    }

    func end(_ name: String) {}
    func text(_ text: String) {}
}
