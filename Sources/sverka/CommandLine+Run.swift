import ArgumentParser
import Foundation
import SverkaShell

extension CommandLine {
    /// Parses the arguments and runs sverka, returning the process exit code.
    static func run(arguments: [String]) -> Int32 {
        var options: SverkaOptions
        // `sverka run SCRIPT --help` lists the script's parameters: take the flag away from the
        // argument parser, which would print sverka's own help.
        var arguments = arguments
        let wantsScriptHelp = arguments.first == "run" && arguments.count > 1 && !arguments[1].hasPrefix("-")
            && arguments.contains { $0 == "--help" || $0 == "-h" }
        if wantsScriptHelp { arguments.removeAll { $0 == "--help" || $0 == "-h" } }
        do {
            options = try SverkaOptions.parse(arguments)
            options.wantsScriptHelp = wantsScriptHelp
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
