/// libFuzzer's entry (`swift build --sanitize fuzzer` links libFuzzer's own `main`): a broken rule
/// of `ParserFuzzHarness` is a crash, which libFuzzer reports and saves; scripts/fuzz copies it
/// into Tests/fuzz-regressions/parser/.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let problems = ParserFuzzHarness.problems(in: UnsafeBufferPointer(start: data, count: size))
    if !problems.isEmpty { fatalError(problems.joined(separator: "\n")) }
    return 0
}
