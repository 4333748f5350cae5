/// libFuzzer's entry (`swift build --sanitize fuzzer` links libFuzzer's own `main`): a broken rule
/// of `LexerFuzzHarness` is a crash, which libFuzzer reports and saves; scripts/fuzz copies it
/// into Tests/fuzz-regressions/lexer/.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLexer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let problems = LexerFuzzHarness.problems(in: UnsafeBufferPointer(start: data, count: size))
    if !problems.isEmpty { fatalError(problems.joined(separator: "\n")) }
    return 0
}
