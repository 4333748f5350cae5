import Foundation
import SverkaSyntax

/// Writes a whole file the way exports are written (`ExportDestination`): to a hidden temporary
/// file beside the target, fsynced, then renamed over it — so a failure leaves the old file as
/// it was and a reader never sees half a file. For documents made whole in memory (the
/// dashboard's HTML), which need none of the row-by-row machinery of `Exporter`.
public enum AtomicFile {
    /// Writes `bytes` to `path`; `displayPath` is how messages name it (as the user wrote it).
    public static func write(_ bytes: [UInt8], to path: String, displayPath: String) throws(Diagnostic) {
        let destination = try ExportDestination(path: path, displayPath: displayPath)
        let output = ExportOutput(descriptor: try destination.createTemporary(), displayPath: displayPath)
        output.write(bytes: bytes)
        try output.close()
        try destination.commit()
    }
}
