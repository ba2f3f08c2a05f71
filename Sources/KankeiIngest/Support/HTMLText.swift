import Foundation

/// Plain text from the HTML survey tools store question texts as (`<p>…</p>`, `<br />`, `&amp;`):
/// tags dropped, the common entities decoded, white space collapsed.
enum HTMLText {
    private static let entities: [String: String] = [
        "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&apos;": "'", "&nbsp;": " ",
    ]

    static func plain(_ html: String) -> String {
        guard html.contains("<") || html.contains("&") else { return html.trimmingCharacters(in: .whitespacesAndNewlines) }
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true; text.append(" "); continue }
            if character == ">", inTag { inTag = false; continue }
            if !inTag { text.append(character) }
        }
        for (entity, value) in entities { text = text.replacingOccurrences(of: entity, with: value) }
        return text.split(whereSeparator: { $0.isWhitespace && !"\u{3000}".contains($0) }).joined(separator: " ")
    }
}
