import ArgumentParser
import Foundation
import SverkaShell

extension CommandLine {
    /// Parses the arguments and runs sverka, returning the process exit code.
    static func run(arguments: [String]) -> Int32 {
        let options: SverkaOptions
        do {
            options = try SverkaOptions.parse(arguments)
        } catch {
            let code = SverkaOptions.exitCode(for: error)
            let message = SverkaOptions.fullMessage(for: error)
            if code == .success {
                print(message)
                return 0
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            return 2
        }
        do {
            let invocation = try options.invocation()
            return Launcher(invocation: invocation).run()
        } catch {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            if let hint = error.hint { FileHandle.standardError.write(Data("  = hint: \(hint)\n".utf8)) }
            return 2
        }
    }
}
