import Foundation
import SverkaSyntax
import ZIPFoundation

/// Zips a streamed sheet and the fixed parts into the destination's temporary file.
enum ExportXLSXPackage {
    static func write(sheetPath: String, to destination: ExportDestination, sheetName: String,
                      dateStyle: ExportDateStyle) throws(Diagnostic) {
        let parts: [(String, String)] = [
            ("[Content_Types].xml", ExportXLSXParts.contentTypes),
            ("_rels/.rels", ExportXLSXParts.rootRelationships),
            ("xl/workbook.xml", ExportXLSXParts.workbook(sheetName: sheetName)),
            ("xl/_rels/workbook.xml.rels", ExportXLSXParts.workbookRelationships),
            ("xl/styles.xml", ExportXLSXParts.styles(dateStyle: dateStyle)),
        ]
        do {
            // The archive closes its file when released, before the destination renames it.
            let archive = try Archive(url: URL(fileURLWithPath: destination.temporaryPath), accessMode: .create)
            let now = Date()
            for (name, text) in parts {
                let data = Data(text.utf8)
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: now,
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
                }
            }
            try addSheet(from: sheetPath, to: archive, date: now)
        } catch let error as Diagnostic {
            throw error
        } catch {
            throw Diagnostic("cannot write '\(destination.displayPath)': \(error)")
        }
    }

    /// The sheet file is read in chunks as it is compressed: it is never in memory whole.
    private static func addSheet(from path: String, to archive: Archive, date: Date) throws {
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber
        guard let size, let handle = FileHandle(forReadingAtPath: path) else {
            throw Diagnostic("cannot read the sheet written for the workbook")
        }
        defer { try? handle.close() }
        try archive.addEntry(with: ExportXLSXParts.sheetEntry, type: .file, uncompressedSize: size.int64Value,
                             modificationDate: date, compressionMethod: .deflate) { _, chunk in
            try handle.read(upToCount: chunk) ?? Data()
        }
    }
}
