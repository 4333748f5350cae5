import Foundation
import SverkaEngine
import SverkaSyntax

/// One in-memory workspace and one temporary file for the whole run; every input replaces the
/// same table, as a nightly reload does.
nonisolated(unsafe) let harness: CSVFuzzHarness = {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-fuzz-\(getpid()).csv").path
    do throws(Diagnostic) {
        return CSVFuzzHarness(workspace: try Workspace(path: nil), path: path)
    } catch {
        fatalError("cannot open an in-memory workspace: \(error.message)")
    }
}()

/// libFuzzer's entry (`swift build --sanitize fuzzer` links libFuzzer's own `main`): a broken rule
/// of `CSVFuzzHarness` is a crash, which libFuzzer reports and saves; scripts/fuzz copies it into
/// Tests/fuzz-regressions/csv/. The input's length picks the option set, so the fuzzer explores
/// every variant while the corpus stays plain CSV files; the regression test loads each saved
/// input with all of them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let variants = CSVFuzzHarness.variants
    let problems = harness.problems(in: UnsafeBufferPointer(start: data, count: size), options: variants[size % variants.count])
    if !problems.isEmpty { fatalError(problems.joined(separator: "\n")) }
    return 0
}
