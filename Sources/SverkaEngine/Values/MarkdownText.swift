/// Markdown spelling shared by the markdown renderer and the markdown exporter.
public enum MarkdownText {
    /// A table cell: `|` escaped, line breaks as `<br>`, so a value never breaks the row.
    public static func cell(_ text: String) -> String {
        guard text.contains(where: { $0 == "|" || $0.isNewline }) else { return text }
        var out = ""
        for character in text {
            if character == "|" {
                out += "\\|"
            } else if character.isNewline {
                out += "<br>"
            } else {
                out.append(character)
            }
        }
        return out
    }
}
