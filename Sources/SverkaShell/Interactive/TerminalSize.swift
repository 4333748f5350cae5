import CLibEdit

/// The size of the terminal a descriptor writes to.
enum TerminalSize {
    /// Rows and columns, or nil when the descriptor is not a terminal (or reports no size).
    static func of(_ descriptor: Int32) -> (rows: Int, columns: Int)? {
        var rows: Int32 = 0
        var columns: Int32 = 0
        guard sverka_terminal_size(descriptor, &rows, &columns) == 0, rows > 0, columns > 0 else { return nil }
        return (Int(rows), Int(columns))
    }
}
