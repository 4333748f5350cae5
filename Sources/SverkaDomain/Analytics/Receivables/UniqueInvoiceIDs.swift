import SverkaSyntax

/// An invoice id that appears twice would take its payments twice and count its debt twice, so
/// it is reported instead of aged (as `reconcile` does). `OpenInvoiceQuery` finds them while it
/// reads the invoices.
enum UniqueInvoiceIDs {
    static func repeated(_ ids: [String]) -> Diagnostic {
        let sorted = Array(Set(ids)).sorted(by: IDOrder.precedes)
        let shown = sorted.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (sorted.count > 3 ? ", …" : "")
        return Diagnostic("acc.invoices has ids that appear more than once (\(shown)); each invoice needs its own id")
            .hint("find them: from acc.invoices | group id (n = count()) | where n > 1")
    }
}
