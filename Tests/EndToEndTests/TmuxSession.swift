import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The built `sverka` running at a real terminal: a detached tmux session of 120×40 on its own
/// socket, in its own temporary folder that is also its HOME, with its own history file.
///
/// Tests type with `type` and `press`, and read the screen with `screen` and `transcript`,
/// polling until what they expect appears (`waitFor`) instead of sleeping a fixed time.
/// `close` (call it from tearDown) kills every tmux server the session started and removes
/// the folder.
final class TmuxSession {
    static let columns = 120
    static let rows = 40
    /// The main prompt as `capture-pane` shows it (trailing spaces trimmed).
    static let prompt = "sverka>"
    /// The continuation prompt, trimmed likewise.
    static let continuationPrompt = "   ...>"

    /// tmux from `$PATH`; nil when it is not installed.
    static let executable: URL? = which("tmux")

    /// A program from `$PATH`; nil when it is not installed.
    static func which(_ program: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(program)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// The test's folder: sverka's working directory and HOME.
    let folder: URL
    /// `$SVERKA_HISTORY` of every sverka started here.
    var historyFile: URL { folder.appendingPathComponent("history") }

    private let tmux: URL
    private let socketStem = "sverka-e2e-\(UUID().uuidString.prefix(8))"
    private var sockets: [String] = []
    /// The socket of the running session (each `start` gets a fresh one).
    private var socket: String { sockets.last ?? socketStem }

    /// A fresh folder; throws XCTSkip when tmux is not installed.
    init() throws {
        guard let tmux = Self.executable else { throw XCTSkip("tmux is not installed") }
        self.tmux = tmux
        folder = try SverkaProcess.temporaryFolder()
    }

    /// Kills every tmux server started here (and so sverka), removes their sockets (tmux leaves
    /// them behind) and the folder.
    func close() {
        for socket in sockets {
            run(["kill-server"], socket: socket)
            try? FileManager.default.removeItem(atPath: Self.socketPath(socket))
        }
        sockets.removeAll()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Where `tmux -L NAME` puts its socket.
    private static func socketPath(_ name: String) -> String {
        let base = ProcessInfo.processInfo.environment["TMUX_TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return "\(base)/tmux-\(getuid())/\(name)"
    }

    func write(_ text: String, to name: String) throws {
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func read(_ name: String) -> String? {
        try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    // MARK: Starting

    /// Starts `sverka ARGUMENTS` in a new tmux server, optionally piped (`pipeline` is shell text
    /// after the command, e.g. `| tee out.txt`), and waits for the first prompt.
    /// When sverka ends, the pane shows `[sverka exited N]` and stays open.
    func start(_ arguments: [String] = ["--no-init"], environment: [String: String] = [:],
               pipeline: String = "", file: StaticString = #filePath, line: UInt = #line) throws {
        // Nothing from the test's own environment that changes what sverka or less does; no
        // locale either, so sverka's own fallback to UTF-8 is what makes Cyrillic work.
        let unset = ["PAGER", "LESS", "EDITRC", "LC_ALL", "LC_CTYPE", "LANG", "SVERKA_BIN"]
        var variables = ["HOME": folder.path, "SVERKA_HISTORY": historyFile.path]
        for (name, value) in environment { variables[name] = value }
        let command = ["env"] + unset.flatMap { ["-u", $0] }
            + variables.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quoted($0.value))" }
            + [Self.quoted(SverkaProcess.binary.path)] + arguments.map(Self.quoted)
        let script = command.joined(separator: " ") + " \(pipeline); echo \"[sverka exited $?]\"; exec sleep 600"
        sockets.append("\(socketStem)-\(sockets.count)")
        let status = run(["new-session", "-d", "-x", "\(Self.columns)", "-y", "\(Self.rows)", "-c", folder.path, script],
                         socket: socket).status
        guard status == 0 else {
            XCTFail("tmux new-session failed with status \(status)", file: file, line: line)
            throw Failure(description: "tmux new-session failed")
        }
        try waitForEmptyPrompt(file: file, line: line)
    }

    // MARK: Typing

    /// Types `text` literally (no key names).
    func type(_ text: String) {
        run(["send-keys", "-t", "=0:", "-l", "--", text], socket: socket)
    }

    /// Presses keys by tmux name: `Enter`, `Tab`, `Up`, `Left`, `BSpace`, `C-c`, `C-d`, `q`…
    func press(_ keys: String...) {
        run(["send-keys", "-t", "=0:", "--"] + keys, socket: socket)
    }

    // MARK: Reading the screen

    /// The visible screen, trailing blanks trimmed from each line and trailing empty lines dropped.
    func screen() -> String {
        Self.trimmed(run(["capture-pane", "-p", "-t", "=0:"], socket: socket).output)
    }

    /// Everything shown since the start, scrolled-off lines included, trimmed like `screen`.
    func transcript() -> String {
        Self.trimmed(run(["capture-pane", "-p", "-t", "=0:", "-S", "-"], socket: socket).output)
    }

    /// Polls `read` (the screen by default) until `condition` holds; fails the test with what was
    /// on the screen and throws after `timeout` seconds. Returns the text that satisfied it.
    @discardableResult
    func waitFor(_ description: String, timeout: TimeInterval = 5, read: (() -> String)? = nil,
                 file: StaticString = #filePath, line: UInt = #line,
                 until condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var text = ""
        while true {
            text = read?() ?? screen()
            if condition(text) { return text }
            if Date() > deadline { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("timed out after \(timeout) s waiting for \(description); the screen:\n\(screen())", file: file, line: line)
        throw Failure(description: "timed out waiting for \(description)")
    }

    /// Ends a test whose terminal did not do what it should (the failure is recorded already).
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Waits until `text` is on the screen.
    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 5, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try waitFor("'\(text)'", timeout: timeout, file: file, line: line) { $0.contains(text) }
    }

    /// Waits until the last line of the screen is an empty main prompt.
    func waitForEmptyPrompt(timeout: TimeInterval = 5, file: StaticString = #filePath, line: UInt = #line) throws {
        try waitFor("an empty prompt", timeout: timeout, file: file, line: line) { Self.lastLine(of: $0) == Self.prompt }
    }

    /// Waits until the last line of the screen is an empty continuation prompt.
    func waitForContinuationPrompt(timeout: TimeInterval = 5, file: StaticString = #filePath, line: UInt = #line) throws {
        try waitFor("the continuation prompt", timeout: timeout, file: file, line: line) {
            Self.lastLine(of: $0) == Self.continuationPrompt
        }
    }

    /// Presses Enter on the line being edited and waits for the next empty main prompt; returns
    /// what was printed after the submitted line(s): the lines after the statement's prompt,
    /// minus continuation-prompt lines, up to the new prompt.
    @discardableResult
    func submit(timeout: TimeInterval = 5, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let before = Self.promptLines(in: transcript()).count
        press("Enter")
        let text = try waitFor("the prompt after the statement", timeout: timeout, read: transcript, file: file, line: line) {
            Self.promptLines(in: $0).count > before && Self.lastLine(of: $0) == Self.prompt
        }
        return Self.output(in: text, afterPrompt: before - 1)
    }

    /// Types `statement` (one line), presses Enter and returns its output (see `submit`).
    @discardableResult
    func run(_ statement: String, timeout: TimeInterval = 5, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        type(statement)
        return try submit(timeout: timeout, file: file, line: line)
    }

    /// Runs `load "FILE" as TABLE` and checks that it loaded `rows` rows.
    func load(_ file: String, as table: String, rows: Int, file testFile: StaticString = #filePath, line: UInt = #line) throws {
        let output = try run("load \"\(file)\" as \(table)", file: testFile, line: line)
        XCTAssertTrue(output.contains("loaded \(rows) rows into \(table)"), output, file: testFile, line: line)
    }

    // MARK: Text helpers

    /// The last non-empty line.
    static func lastLine(of text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true).last.map(String.init) ?? ""
    }

    /// The numbers of the lines that start with the main prompt.
    static func promptLines(in text: String) -> [Int] {
        lines(of: text).enumerated().filter { $0.element.hasPrefix(prompt) }.map(\.offset)
    }

    /// The lines after the `index`-th main prompt line up to the next one, without
    /// continuation-prompt lines.
    static func output(in text: String, afterPrompt index: Int) -> String {
        let all = lines(of: text)
        let prompts = promptLines(in: text)
        guard index >= 0, index < prompts.count else { return "" }
        let end = index + 1 < prompts.count ? prompts[index + 1] : all.count
        return all[(prompts[index] + 1)..<end].filter { !$0.hasPrefix(continuationPrompt) }.joined(separator: "\n")
    }

    /// The lines of a box-drawn table: from its top edge `┌` to its bottom edge `└`.
    static func tableLines(in text: String) -> [String] {
        let all = lines(of: text)
        guard let top = all.firstIndex(where: { $0.hasPrefix("┌") }),
              let bottom = all[top...].firstIndex(where: { $0.hasPrefix("└") }) else { return [] }
        return Array(all[top...bottom])
    }

    static func lines(of text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// A single-quoted word for /bin/sh.
    static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private static func trimmed(_ text: String) -> String {
        var lines = lines(of: text).map { line in
            var line = Substring(line)
            while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
            return String(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    // MARK: Running tmux

    @discardableResult
    private func run(_ arguments: [String], socket: String) -> (status: Int32, output: String) {
        var environment = ProcessInfo.processInfo.environment
        // Inside a tmux of the developer's own, these would point tmux at that server.
        environment["TMUX"] = nil
        environment["TMUX_PANE"] = nil
        return runTool(tmux.path, ["-L", socket, "-f", "/dev/null"] + arguments, environment: environment)
    }
}

/// Runs a program and returns its exit status and standard output. posix_spawn and waitpid, not
/// Foundation's Process: on Linux its `waitUntilExit` never returns for a tmux client whose fork
/// stays behind as the server.
private func runTool(_ path: String, _ arguments: [String], environment: [String: String]) -> (status: Int32, output: String) {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { return (-1, "") }
    let (readEnd, writeEnd) = (ends[0], ends[1])
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, writeEnd, STDOUT_FILENO)
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addclose(&actions, readEnd)
    posix_spawn_file_actions_addclose(&actions, writeEnd)

    let words = [path] + arguments
    let argv = words.map { strdup($0) }
    let envp = environment.map { strdup("\($0.key)=\($0.value)") }
    defer { (argv + envp).forEach { free($0) } }
    var pid = pid_t()
    let spawned = posix_spawn(&pid, path, &actions, nil, argv + [nil], envp + [nil])
    close(writeEnd)
    guard spawned == 0 else {
        close(readEnd)
        return (-1, "")
    }
    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = read(readEnd, &buffer, buffer.count)
        if count < 0, errno == EINTR { continue }
        guard count > 0 else { break }
        output += buffer[..<count]
    }
    close(readEnd)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
        guard errno == EINTR else { return (-1, String(decoding: output, as: UTF8.self)) }
    }
    // WIFEXITED / WEXITSTATUS are macros Swift does not import.
    let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (exitStatus, String(decoding: output, as: UTF8.self))
}

/// Small deals tables the interactive tests load.
enum InteractiveDeals {
    /// Seven deals: four won; Москва has deals 1, 3 and 5; Казань 2, 4 and 7.
    static let csv = """
        deal_id,client_id,stage,amount,region
        1,101,won,1500.00,Москва
        2,102,lost,200.50,Казань
        3,101,won,320.00,Москва
        4,103,open,75.25,Казань
        5,104,won,990.90,Москва
        6,102,negotiation,410.00,Санкт-Петербург
        7,105,won,120.00,Казань

        """

    /// `count` deals, for results taller than the screen and slow cross joins.
    static func many(_ count: Int) -> String {
        let stages = ["won", "lost", "open"], regions = ["Москва", "Казань"]
        var csv = "deal_id,client_id,stage,amount,region\n"
        for id in 1...count {
            csv += "\(id),\(100 + id % 17),\(stages[id % 3]),\(id).50,\(regions[id % 2])\n"
        }
        return csv
    }
}
