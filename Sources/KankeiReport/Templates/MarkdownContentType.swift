import Mustache

/// Escaping for `summary.md` (`{{%CONTENT_TYPE: MARKDOWN}}`): a value stays on one line, its pipes
/// cannot break a table, and what a respondent wrote cannot become markup in a Markdown viewer
/// (HTML tags, links, emphasis, code), so an answer or a label is shown as written.
struct MarkdownContentType: MustacheContentType {
    static let name = "MARKDOWN"

    /// Characters written with a backslash before them (and `(` right after `]`, which would make a
    /// link); `<`, `>` and `&` become entities.
    private static let escaped: Set<Character> = ["\\", "|", "*", "_", "`"]
    private static let entities: [Character: String] = ["<": "&lt;", ">": "&gt;", "&": "&amp;"]

    func escapeText(_ text: String) -> String {
        var result = ""
        for character in text {
            if character.isNewline {
                result.append(" ")
            } else if let entity = Self.entities[character] {
                result += entity
            } else {
                if Self.escaped.contains(character) || (character == "(" && result.last == "]") { result.append("\\") }
                result.append(character)
            }
        }
        return result
    }

    private static let registration: Void = MustacheContentTypes.register(MarkdownContentType(), named: name)

    /// Makes the content type known to the template parser (once per process).
    static func register() { _ = registration }
}
