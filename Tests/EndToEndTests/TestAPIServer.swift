import Foundation
import XCTest

/// The local JSON API of `Tests/fixtures/rest_api_server.py`, started for one test on
/// 127.0.0.1 with a port the OS picks. Every request it receives is logged with its headers.
final class TestAPIServer {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/rest_api_server.py")

    let port: Int
    let log: URL
    private let process: Process
    private let input: Pipe

    /// One logged request: its path and query as sent, and three of its headers.
    struct Request: Decodable {
        var path: String
        var authorization: String?
        var accept: String?
        var user_agent: String?
    }

    /// `tls`: a certificate and key (PEM) to speak HTTPS with.
    init(folder: URL, token: String, user: String = "buh", password: String = "s3cret-pass",
         tls: (certificate: URL, key: URL)? = nil) throws {
        log = folder.appendingPathComponent("requests.jsonl")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script.path, "--log", log.path, "--token", token, "--user", user,
                             "--password", password] + (tls.map { ["--cert", $0.certificate.path, "--key", $0.key.path] } ?? [])
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The server prints its port once it listens; reading up to the line break waits for it.
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw NSError(domain: "TestAPIServer", code: 1,
                          userInfo: [NSLocalizedDescriptionKey: "the test API did not start: \(String(decoding: line, as: UTF8.self))"])
        }
        self.port = port
    }

    /// Stops the server (it also stops by itself when its standard input closes).
    func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    var base: String { "http://127.0.0.1:\(port)" }
    var secureBase: String { "https://127.0.0.1:\(port)" }

    func requests() throws -> [Request] {
        guard FileManager.default.fileExists(atPath: log.path) else { return [] }
        return try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(Request.self, from: Data($0.utf8))
        }
    }
}
