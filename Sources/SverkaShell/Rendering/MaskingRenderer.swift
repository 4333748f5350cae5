import SverkaEngine

/// Masks each row before another renderer shows it, so that a table is laid out around the
/// masked text. The masking is made when the columns are known.
struct MaskingRenderer: ResultRenderer {
    private var inner: any ResultRenderer
    private let makeMasking: ([ResultColumn]) -> Masking?
    private var masking: Masking?

    init(_ inner: any ResultRenderer, masking: @escaping ([ResultColumn]) -> Masking?) {
        self.inner = inner
        makeMasking = masking
    }

    mutating func begin(_ columns: [ResultColumn]) {
        masking = makeMasking(columns)
        inner.begin(columns)
    }

    mutating func row(_ values: [Value]) {
        inner.row(masking.map { $0.mask(values) } ?? values)
    }

    mutating func finish() {
        inner.finish()
    }
}
