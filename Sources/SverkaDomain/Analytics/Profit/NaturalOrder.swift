/// Ids as people order them: numbers by value ("9" before "10"), then as text — the order
/// `DomainSQL.naturalOrder` gives in SQL.
enum NaturalOrder {
    static func precedes(_ left: String, _ right: String) -> Bool {
        let (l, r) = (left.utf8.count, right.utf8.count)
        return l != r ? l < r : left.utf8.lexicographicallyPrecedes(right.utf8)
    }
}
