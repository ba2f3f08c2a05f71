/// Masks e-mail addresses and phone numbers in survey answers as they are read, so no later stage,
/// intermediate file or summary ever holds them: respondents sometimes leave them in comments
/// (「資料を送ってください（tanaka@example.jp）」).
public enum PersonalDataMask {
    public static let emailMark = "［メールアドレス］"
    public static let phoneMark = "［電話番号］"

    /// Addresses as people write them: plain, full-width (＠, ．), internationalised
    /// (太郎@例え.jp), spaced out (taro @ example . com) or spelled to dodge harvesters
    /// (taro[at]example.com, taro(at)example(dot)com, taro アット example.com).
    private nonisolated(unsafe) static let email: Regex<AnyRegexOutput> = {
        let open = "[\\[(（［{｛<＜]", close = "[\\])）］}｝>＞]"
        let at = "(?:\\s*[@＠]\\s*|\\s*\(open)\\s*(?i:at|アット)\\s*\(close)\\s*|\\s+(?i:at|アット)\\s+)"
        let dot = "(?:\\s*[.．]\\s*|\\s*\(open)\\s*(?i:dot|ドット)\\s*\(close)\\s*|\\s+(?i:dot|ドット)\\s+)"
        // Any letters before the @ and in the first label after it (例え.jp); the labels after a
        // dot are ASCII (full-width too), so 「…@example.jpまでご連絡を」 keeps its words.
        let part = "[\\p{L}\\p{N}\\-_％%+＋]+", label = "[A-Za-z0-9Ａ-Ｚａ-ｚ０-９\\-]+"
        return try! Regex("\(part)(?:[.．]\(part))*\(at)\(part)(?:\(dot)\(label))+")
    }()
    /// Japanese numbers as people write them: 03-1234-5678, 03(1234)5678, (03)1234-5678,
    /// 03.1234.5678, 09012345678, full-width digits, +81 3 1234 5678, +81-3-1234-5678.
    private nonisolated(unsafe) static let phone: Regex<AnyRegexOutput> = {
        let digit = "[0-9０-９]", separator = "[\\s\\-‐－ー−()（）.．]{0,2}"
        let start = "(?:(?:\\+|＋)(?:81|８１)[\\s\\-‐－−.．]?[(（]?[0０]?|[(（]?[0０])"
        // Not inside a longer run of digits (a recode value such as 1677721500000000): the character
        // before (group 1) is kept, and no digit may follow.
        return try! Regex("(^|[^0-9０-９+＋])(" + start + "\(digit){1,4}[)）]?" + separator + "\(digit){1,4}" + separator
                          + "\(digit){3,4})(?![0-9０-９])")
    }()

    /// North American numbers, as US exports write them: 713-555-0119, (713) 555-0119, 713.555.0166, 7135550143.
    private nonisolated(unsafe) static let northAmerican: Regex<AnyRegexOutput> = {
        try! Regex(#"(^|[^0-9+])(\(?[2-9][0-9]{2}\)?[\s\-.]?[0-9]{3}[\s\-.]?[0-9]{4})(?![0-9])"#)
    }()

    public static func mask(_ text: String) -> String {
        guard mayHoldContact(text) else { return text }
        return text.replacing(email, with: emailMark)
            .replacing(phone) { match in (match.output[1].substring ?? "") + phoneMark }
            .replacing(northAmerican) { match in (match.output[1].substring ?? "") + phoneMark }
    }

    /// Whether the regular expressions need to look at `text`: an address needs an @; a phone
    /// number at least six digits, one of them a 0 (the trunk prefix) or after a + (+81), or ten (North America).
    static func mayHoldContact(_ text: String) -> Bool {
        var digits = 0
        var zeroOrPlus = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "@", "＠": return true
            case "t", "T", "ト" where spelledAt(text): return true
            case "0", "０", "+", "＋":
                zeroOrPlus = true
                if scalar != "+", scalar != "＋" { digits += 1 }
            case "1"..."9", "１"..."９": digits += 1
            default: continue
            }
        }
        return digits >= 10 || (digits >= 6 && zeroOrPlus)
    }

    /// An @ spelled out: "at" or 「アット」 between brackets or spaces.
    private static func spelledAt(_ text: String) -> Bool {
        text.range(of: #"[\[(（［{｛<＜\s](?i:at|アット)[\])）］}｝>＞\s]"#, options: .regularExpression) != nil
    }
}
