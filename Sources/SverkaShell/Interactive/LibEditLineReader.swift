import CLibEdit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Line editing at a terminal through libedit's native wide-character API: emacs keys, Up for
/// earlier statements, Tab completion, the user's ~/.editrc.
///
/// Use it only when stdin is a terminal; for piped input, read lines plainly (libedit would
/// still read them, and put the script into the history).
public final class LibEditLineReader: LineReader {
    private let editor: OpaquePointer
    private let history: OpaquePointer
    /// The prompt libedit draws; it keeps the pointer, so the text is owned here.
    private var promptText: UnsafeMutablePointer<wchar_t>
    private var promptString = ""
    /// The completion function's name and help: libedit keeps these pointers without copying.
    private let functionName: UnsafeMutablePointer<wchar_t>
    private let functionHelp: UnsafeMutablePointer<wchar_t>
    /// The unfinished statement the current line continues, for completion context.
    private var statement = ""
    /// Tab completion; Tab only beeps while it is nil.
    public var completer: Completer?

    /// Sets up the editor on stdin with its display on stderr; nil if libedit cannot start.
    public init?(programName: String = "sverka", completer: Completer? = nil,
                 historySize: Int = HistoryStore.defaultCapacity) {
        TerminalLocale.enableUTF8()
        InterruptSignal.install()
        guard let editor = sverka_el_init(programName) else { return nil }
        guard let history = history_winit() else {
            el_end(editor)
            return nil
        }
        self.editor = editor
        self.history = history
        self.completer = completer
        promptText = WideText.allocate("")
        functionName = WideText.allocate("sverka-complete")
        functionHelp = WideText.allocate("complete a sverka word")

        sverka_history_set_size(history, Int32(clamping: historySize))
        sverka_history_set_unique(history, 1)
        sverka_el_set_history(editor, history)
        sverka_el_set_client_data(editor, Unmanaged.passUnretained(self).toOpaque())
        sverka_el_set_prompt(editor) { LibEditLineReader.prompt(of: $0) }
        sverka_el_set_editor(editor, WideText.encode("emacs"))
        // libedit restores the terminal around signals and re-raises SIGINT to our handler.
        sverka_el_set_signal(editor, 1)
        sverka_el_add_function(editor, functionName, functionHelp) { editor, _ in
            LibEditLineReader.complete(in: editor)
        }
        sverka_el_bind(editor, WideText.encode("^I"), functionName)
        // libedit's emacs map leaves ^R as "redisplay"; readline users expect history search.
        sverka_el_bind(editor, WideText.encode("^R"), WideText.encode("em-inc-search-prev"))
        // Last, so the user's ~/.editrc may rebind anything above.
        el_source(editor, nil)
    }

    deinit {
        el_end(editor)
        history_wend(history)
        promptText.deallocate()
        functionName.deallocate()
        functionHelp.deallocate()
    }

    public func readLine(prompt: String, continuing statement: String) -> LineInput {
        setPrompt(prompt)
        self.statement = statement
        InterruptSignal.takePending()
        var count: Int32 = 0
        guard let line = el_wgets(editor, &count) else {
            if InterruptSignal.takePending() {
                writeToTerminal("^C\n")
                return .interrupted
            }
            writeToTerminal("\n")
            return .endOfInput
        }
        var text = WideText.decode(line, count: Int(count))
        if text.hasSuffix("\n") { text.removeLast() }
        return .line(text)
    }

    public func addToHistory(_ statement: String) {
        guard !statement.isEmpty else { return }
        sverka_history_enter(history, WideText.encode(statement))
    }

    private func setPrompt(_ prompt: String) {
        guard prompt != promptString else { return }
        promptText.deallocate()
        promptText = WideText.allocate(prompt)
        promptString = prompt
    }

    private static func reader(of editor: OpaquePointer?) -> LibEditLineReader? {
        guard let editor, let data = sverka_el_client_data(editor) else { return nil }
        return Unmanaged<LibEditLineReader>.fromOpaque(data).takeUnretainedValue()
    }

    private static func prompt(of editor: OpaquePointer?) -> UnsafeMutablePointer<wchar_t>? {
        reader(of: editor)?.promptText
    }

    private static func complete(in editor: OpaquePointer?) -> UInt8 {
        guard let reader = reader(of: editor) else { return UInt8(CC_ERROR) }
        return reader.complete()
    }

    /// Tab: inserts the sole candidate or the common prefix, else lists the candidates.
    private func complete() -> UInt8 {
        guard let completer, let info = el_wline(editor)?.pointee else { return UInt8(CC_REFRESH_BEEP) }
        let line = WideText.decode(info.buffer, count: info.lastchar - info.buffer)
        let beforeCursor = WideText.decode(info.buffer, count: info.cursor - info.buffer)
        let context = statement.isEmpty ? "" : statement + "\n"
        let offset = context.count
        let completion = completer.complete(line: context + line, cursor: offset + beforeCursor.count)
        guard completion.replacementRange.lowerBound >= offset, !completion.candidates.isEmpty else {
            return UInt8(CC_REFRESH_BEEP)
        }
        if let insertion = completion.insertion {
            el_deletestr(editor, Int32(completion.prefix.unicodeScalars.count))
            el_winsertstr(editor, WideText.encode(insertion))
            return UInt8(CC_REFRESH)
        }
        writeToTerminal("\n" + CompletionListing.layout(completion.candidates.map(\.display), width: terminalWidth()))
        return UInt8(CC_REDISPLAY)
    }

    private func terminalWidth() -> Int {
        TerminalSize.of(STDERR_FILENO)?.columns ?? 80
    }

    /// Writes where the editor draws: stderr.
    private func writeToTerminal(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}
