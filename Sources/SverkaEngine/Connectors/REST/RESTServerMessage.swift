import Foundation

/// What a server said in an error answer, in a line: the message field of a JSON error
/// (`detail`, `title`, `message`, `error_description`, 1C's `odata.error.message.value`), or
/// the start of a plain-text body. HTML pages are not quoted: their text is mostly markup.
enum RESTServerMessage {
    static let longest = 200

    static func text(in response: RESTResponse) -> String? {
        let body = response.body.prefix(65_536)
        guard !body.isEmpty, let text = String(bytes: body, encoding: .utf8) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{") {
            return jsonMessage(Array(body)).map(shortened)
        }
        let type = response.header("Content-Type")?.lowercased() ?? ""
        guard !type.contains("html"), !trimmed.hasPrefix("<"), let line = trimmed.split(whereSeparator: \.isNewline).first else {
            return nil
        }
        return shortened(String(line))
    }

    private static func jsonMessage(_ bytes: [UInt8]) -> String? {
        let value: JSONValue? = bytes.withUnsafeBufferPointer { buffer in
            try? JSONScanner(buffer, path: "the answer").value()
        }
        guard case .object(let members)? = value else { return nil }
        var parts: [String] = []
        for key in ["title", "detail", "message", "error_description", "error"] {
            if let member = members.first(where: { $0.key == key }), case .string(let text) = member.value, !text.isEmpty {
                parts.append(text)
            }
        }
        if let odata = members.first(where: { $0.key == "odata.error" || $0.key == "error" })?.value,
           case .object(let error) = odata, let message = error.first(where: { $0.key == "message" })?.value {
            switch message {
            case .string(let text): parts.append(text)
            case .object(let inner):
                if case .string(let text)? = inner.first(where: { $0.key == "value" })?.value { parts.append(text) }
            default: break
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: ": ")
    }

    private static func shortened(_ text: String) -> String {
        let line = text.replacingOccurrences(of: "\n", with: " ")
        return line.count <= longest ? line : String(line.prefix(longest)) + "…"
    }
}
