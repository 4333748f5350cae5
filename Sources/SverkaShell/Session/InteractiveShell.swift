import Foundation
import SverkaEngine
import SverkaSyntax

/// The interactive shell: prompts, reads statements, runs them, and keeps going after errors.
struct InteractiveShell {
    let session: Session
    let output: FileDescriptorSink
    let messages: FileDescriptorSink
    let runInitFile: Bool

    func run() -> Int32 {
        messages.write("sverka — type 'help' for commands, 'quit' or Ctrl-D to leave.\n")
        var buffer = ""
        var lineNumber = 1
        while true {
            messages.write(buffer.isEmpty ? "sverka> " : "   ...> ")
            guard let line = readLine(strippingNewline: true) else { break }
            if buffer.isEmpty, ["quit", "exit"].contains(line.trimmingCharacters(in: .whitespaces)) { break }
            buffer += buffer.isEmpty ? line : "\n" + line
            if StatementCompleteness.needsMoreInput(buffer) { continue }
            session.run(SourceText(name: "<input>", text: buffer, firstLine: lineNumber))
            lineNumber += buffer.split(separator: "\n", omittingEmptySubsequences: false).count
            buffer = ""
            output.flush()
        }
        return 0
    }
}
