import Foundation
import SverkaShell

// Exit codes: 0 success, 1 a statement failed, 2 usage error, 3 an expectation failed.
exit(CommandLine.run(arguments: Array(CommandLine.arguments.dropFirst())))
