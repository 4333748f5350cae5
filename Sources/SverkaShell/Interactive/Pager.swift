import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shows a result taller than the terminal through `$PAGER` (default `less -S`, which keeps
/// wide tables unwrapped); shorter results, and any output that is not to a terminal, print.
public final class Pager {
    public static let defaultCommand = "less -S"

    /// False after `set pager off`.
    public var isEnabled: Bool
    /// The shell command that pages its standard input.
    public let command: String
    private let environment: [String: String]
    private let outputDescriptor: Int32

    public init(
        isEnabled: Bool = true,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        outputDescriptor: Int32 = STDOUT_FILENO
    ) {
        self.isEnabled = isEnabled
        let configured = environment["PAGER"]?.trimmingCharacters(in: .whitespaces) ?? ""
        command = configured.isEmpty ? Self.defaultCommand : configured
        var childEnvironment = environment
        // sverka always writes UTF-8; under a C locale less would show Cyrillic as <D0><9A>.
        if childEnvironment["LESSCHARSET"] == nil { childEnvironment["LESSCHARSET"] = "utf-8" }
        self.environment = childEnvironment
        self.outputDescriptor = outputDescriptor
    }

    /// Whether `lineCount` lines go through the pager: enabled, both ends a terminal, and more
    /// lines than fit above the next prompt.
    public func shouldPage(lineCount: Int) -> Bool {
        guard isEnabled, isatty(STDIN_FILENO) == 1, let size = TerminalSize.of(outputDescriptor) else { return false }
        return Self.exceeds(lineCount: lineCount, rows: size.rows)
    }

    /// Whether text of `lineCount` lines overflows a terminal of `rows` rows, keeping one row for the prompt.
    static func exceeds(lineCount: Int, rows: Int) -> Bool {
        lineCount > rows - 1
    }

    /// Shows `text` through the pager when it is too tall, else (or when the pager cannot run)
    /// passes it to `print`. Flush anything written to the output before calling this: the
    /// pager writes to the same terminal. Returns whether the pager showed it.
    @discardableResult
    public func present(_ text: String, otherwise print: (String) -> Void) -> Bool {
        let lineCount = text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } + (text.hasSuffix("\n") ? 0 : 1)
        guard shouldPage(lineCount: lineCount) else {
            print(text)
            return false
        }
        let status = ChildProcess.run(shellCommand: command, input: Array(text.utf8), environment: environment)
        // 126 and 127: the shell could not run the pager command, so nothing was shown.
        guard let status, status != 126, status != 127 else {
            print(text)
            return false
        }
        return true
    }
}
