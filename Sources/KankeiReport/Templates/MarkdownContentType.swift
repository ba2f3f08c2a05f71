import Mustache

/// Escaping for `summary.md` (`{{%CONTENT_TYPE: MARKDOWN}}`): a value stays on one line and its
/// pipes cannot break a table, so an answer or a label is shown as written.
struct MarkdownContentType: MustacheContentType {
    static let name = "MARKDOWN"

    func escapeText(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "|", with: "\\|")
    }

    private static let registration: Void = MustacheContentTypes.register(MarkdownContentType(), named: name)

    /// Makes the content type known to the template parser (once per process).
    static func register() { _ = registration }
}
