import Foundation
import SverkaEngine
import XCTest

/// A process killed mid-export cannot remove its temporary file; the next export to the same
/// target removes those whose process is gone, and leaves those of a live process (which may be
/// writing them now) and other targets' alone.
final class ExportLeftoverTests: ExportTestCase {
    func testTheNextExportRemovesTemporaryFilesOfDeadProcesses() throws {
        // 999999999 is above any pid the kernel hands out; pid 1 is always alive.
        let abandoned = [".t.csv.sverka-999999999-5eed", ".t.csv.sverka-999999999-5eed.sheet"]
        let kept = [".t.csv.sverka-1-5eed", ".other.csv.sverka-999999999-5eed"]
        for name in abandoned + kept {
            try Data("partial".utf8).write(to: URL(fileURLWithPath: path(name)))
        }
        try export(to: "t.csv")
        XCTAssertEqual(try folderContents().sorted(), (kept + ["t.csv"]).sorted())
    }
}
