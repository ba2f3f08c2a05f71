import Foundation

/// Plain text from the HTML survey tools store question texts as (`<p>…</p>`, `<br />`, `&amp;`):
/// tags dropped, the common entities decoded, white space collapsed. A `<` opens a tag only as in
/// HTML — before a letter, `/`, `!` or `?` — so 「1 < 2 Stunden」 keeps its `<`. An image stands
/// for its `alt` text.
enum HTMLText {
    private static let entities: [String: String] = [
        "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&apos;": "'", "&nbsp;": " ",
    ]

    static func plain(_ html: String) -> String {
        guard html.contains("<") || html.contains("&") else { return html.trimmingCharacters(in: .whitespacesAndNewlines) }
        var text = ""
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            text += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let first = after.first, first.isLetter && first.isASCII || "/!?".contains(first),
                  let close = after.firstIndex(of: ">") else {
                text.append("<")
                rest = after
                continue
            }
            let tag = after[..<close]
            text += " " + (image(tag).flatMap(\.alt) ?? "") + " "
            rest = after[after.index(after: close)...]
        }
        text += rest
        for (entity, value) in entities { text = text.replacingOccurrences(of: entity, with: value) }
        return text.split(whereSeparator: { $0.isWhitespace && !"\u{3000}".contains($0) }).joined(separator: " ")
    }

    /// The file an HTML text shows when it shows nothing but images (`upload/…/fire.png` → `fire.png`).
    static func imageFile(_ html: String) -> String? {
        guard plain(html).isEmpty, let start = html.range(of: "<img", options: .caseInsensitive) else { return nil }
        let tag = html[html.index(after: start.lowerBound)...].prefix { $0 != ">" }
        return image(tag)?.source.map { String($0.split(separator: "/").last ?? Substring($0)) }
    }

    /// An `img` tag's `alt` (when not empty) and `src`.
    private static func image(_ tag: Substring) -> (alt: String?, source: String?)? {
        guard tag.lowercased().hasPrefix("img") else { return nil }
        func attribute(_ name: String) -> String? {
            guard let match = tag.firstMatch(of: try! Regex("\(name)\\s*=\\s*[\"']([^\"']*)[\"']").ignoresCase()) else { return nil }
            let value = String(match.output[1].substring ?? "").trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? nil : value
        }
        return (attribute("alt"), attribute("src"))
    }
}
