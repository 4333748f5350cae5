import Foundation

/// How wide a chart is drawn: the option the user gave, else the terminal's width when output
/// goes to one, else `$COLUMNS` (set by whoever runs sverka in a pipe and wants another width),
/// else 80.
enum ChartWidth {
    static let fallback = 80
    /// Narrower than this, a chart has no room for its bars.
    static let range = 20...1000

    static func resolve(option: Int?, terminalColumns: Int?, environment: [String: String]) -> Int {
        if let option { return clamped(option) }
        if let terminalColumns { return clamped(terminalColumns) }
        if let text = environment["COLUMNS"], let columns = Int(text.trimmingCharacters(in: .whitespaces)), columns > 0 {
            return clamped(columns)
        }
        return fallback
    }

    /// The width for this process: standard output's terminal, or its environment.
    static func current(option: Int?) -> Int {
        resolve(option: option, terminalColumns: TerminalSize.of(STDOUT_FILENO)?.columns,
                environment: ProcessInfo.processInfo.environment)
    }

    private static func clamped(_ columns: Int) -> Int {
        min(range.upperBound, max(range.lowerBound, columns))
    }
}
