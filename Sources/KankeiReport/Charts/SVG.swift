/// Small helpers for the inline SVG charts: escaping, and the width of Japanese text (SVG does not
/// wrap text, so long option labels are broken into lines here).
enum SVG {
    /// The fonts a chart asks for; the page's CSS names the same.
    static let fontFamily = "'Noto Sans CJK JP','Noto Sans JP','Hiragino Sans','Yu Gothic',Meiryo,sans-serif"

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Width in ems: half for ASCII and half-width kana, full for everything else.
    static func width(_ text: some StringProtocol) -> Double {
        text.unicodeScalars.reduce(0) { total, scalar in
            total + (scalar.value < 0x80 || (0xFF61...0xFF9F).contains(scalar.value) ? 0.55 : 1)
        }
    }

    /// The text broken into lines of at most `ems` wide.
    static func lines(_ text: String, ems: Double) -> [String] {
        var lines: [String] = []
        var line = ""
        for character in text {
            if !line.isEmpty, width(line) + width(String(character)) > ems {
                lines.append(line)
                line = ""
            }
            line.append(character)
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// A number for an attribute: one decimal at most.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
