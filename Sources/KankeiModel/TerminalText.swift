import Foundation

/// Makes text from outside (file and folder names, cells, paths) safe to show on a terminal or in
/// a log line: control characters (C0, C1, DEL) and bidirectional overrides are shown escaped as
/// `\u{1B}`, so no name can retitle or clear a terminal, move the cursor, reorder what is shown,
/// or print a line of its own.
public enum TerminalText {
    /// One line: every control character escaped, line breaks included.
    public static func line(_ text: String) -> String {
        escaped(text, keepingNewlines: false)
    }

    /// A message of several lines Kankei wrote itself: its own line breaks stay, every other
    /// control character is escaped.
    public static func block(_ text: String) -> String {
        escaped(text, keepingNewlines: true)
    }

    /// `true` for a scalar shown escaped.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true   // bidi marks and overrides
        default: return false
        }
    }

    private static func escaped(_ text: String, keepingNewlines: Bool) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0) && !(keepingNewlines && $0 == "\n") }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) && !(keepingNewlines && scalar == "\n") {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
