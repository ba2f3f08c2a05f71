import Foundation

/// The key two texts are compared by when they should match despite width, case and spacing
/// differences: NFKC (「ＮＰＯ」→「NPO」, 「（」→「(」), lower-cased, with all white space removed
/// (「北海道奈井江町 」 and 「北海道 奈井江町」 are 「北海道奈井江町」). Keys are for matching only;
/// reports always show the original text.
public enum MatchKey {
    public static func make(_ text: some StringProtocol) -> String {
        let folded = String(text).precomposedStringWithCompatibilityMapping.lowercased()
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter { !$0.properties.isWhitespace }))
    }

    /// Like `make`, but case kept: what tells options apart that differ only in case
    /// (`UniversityCourse`, `universityCourse`).
    public static func exact(_ text: some StringProtocol) -> String {
        let folded = String(text).precomposedStringWithCompatibilityMapping
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter { !$0.properties.isWhitespace }))
    }

    /// The keys of `texts`, for tables of words to recognise.
    public static func keys(_ texts: [String]) -> Set<String> {
        Set(texts.map { make($0) })
    }

    /// NFKC with white-space runs folded to one space and trimmed: keeps word boundaries, so it
    /// can still find separators such as `, ` inside a cell.
    public static func spaced(_ text: some StringProtocol) -> String {
        let folded = String(text).precomposedStringWithCompatibilityMapping
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Trims white space (including the ideographic space U+3000) from both ends.
    public static func trimmed(_ text: some StringProtocol) -> String {
        // Most cells need nothing trimmed: check the ends before asking Foundation.
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
           !first.properties.isWhitespace, !last.properties.isWhitespace, first != "\u{FEFF}", last != "\u{FEFF}" {
            return String(text)
        }
        return String(text).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
