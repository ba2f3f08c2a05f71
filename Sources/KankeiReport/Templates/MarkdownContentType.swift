import Mustache

/// Escaping for `summary.md` (`{{%CONTENT_TYPE: MARKDOWN}}`): a value stays on one line, its pipes
/// cannot break a table, and what a respondent wrote cannot become markup in a Markdown viewer
/// (HTML tags, links, emphasis, code), so an answer or a label is shown as written.
struct MarkdownContentType: MustacheContentType {
    static let name = "MARKDOWN"

    /// Characters written with a backslash before them wherever they are: emphasis, code, tables,
    /// links and images (`[`, `]`, `!`), strikethrough.
    private static let escaped: Set<Character> = ["\\", "|", "*", "_", "`", "[", "]", "!", "~"]
    /// Characters escaped when a value starts with them (a heading, quote, list or rule).
    private static let escapedFirst: Set<Character> = ["#", ">", "+", "-", "="]
    private static let entities: [Character: String] = ["<": "&lt;", ">": "&gt;", "&": "&amp;"]
    /// U+2060 WORD JOINER: invisible, and no renderer's autolink or linkify reads a domain, a
    /// scheme or an address across it (backslashes alone do not stop cmark-gfm's e-mail links nor
    /// markdown-it's linkify).
    private static let joiner: Character = "\u{2060}"

    /// A backslash before every character that could make markup, and a word joiner where an
    /// autolink would start: around a `.` before a letter (no `www.` and no top-level domain, so
    /// neither `www.evil.example` nor a bare `evil.com` is a domain), before `@`, and between `:`
    /// and `/`.
    func escapeText(_ text: String) -> String {
        var result = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if character.isNewline {
                result.append(" ")
            } else if let entity = Self.entities[character] {
                result += entity
            } else if character == "@" {
                result += "\(Self.joiner)@"
            } else if character == ".", next.map({ $0.isASCII && $0.isLetter }) == true {
                result += "\(Self.joiner)\\.\(Self.joiner)"
            } else if character == ":", next == "/" {
                result += ":\(Self.joiner)"
            } else {
                if Self.escaped.contains(character) || (index == 0 && Self.escapedFirst.contains(character)) { result.append("\\") }
                result.append(character)
            }
        }
        return result
    }

    private static let registration: Void = MustacheContentTypes.register(MarkdownContentType(), named: name)

    /// Makes the content type known to the template parser (once per process).
    static func register() { _ = registration }
}
