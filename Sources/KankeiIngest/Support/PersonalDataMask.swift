/// Masks e-mail addresses and phone numbers in survey answers as they are read, so no later stage,
/// intermediate file or summary ever holds them: respondents sometimes leave them in comments
/// (「資料を送ってください（tanaka@example.jp）」).
public enum PersonalDataMask {
    public static let emailMark = "［メールアドレス］"
    public static let phoneMark = "［電話番号］"

    private nonisolated(unsafe) static let email = #/[A-Za-z0-9._%+\-Ａ-Ｚａ-ｚ０-９＿．]+[@＠][A-Za-z0-9\-Ａ-Ｚａ-ｚ０-９]+(?:[.．][A-Za-z0-9\-Ａ-Ｚａ-ｚ０-９]+)+/#
    /// Japanese numbers as people write them: 03-1234-5678, 03(1234)5678, (03)1234-5678,
    /// 09012345678, full-width digits, +81 3 1234 5678.
    private nonisolated(unsafe) static let phone: Regex<AnyRegexOutput> = {
        let digit = "[0-9０-９]", separator = "[\\s\\-‐－ー−()（）]{0,2}"
        let start = "(?:(?:\\+|＋)(?:81|８１)\\s?[(（]?[0０]?|[(（]?[0０])"
        return try! Regex(start + "\(digit){1,4}[)）]?" + separator + "\(digit){1,4}" + separator + "\(digit){3,4}")
    }()

    public static func mask(_ text: String) -> String {
        guard mayHoldContact(text) else { return text }
        return text.replacing(email, with: emailMark).replacing(phone, with: phoneMark)
    }

    /// Whether the regular expressions need to look at `text`: an address needs an @; a phone
    /// number at least six digits, one of them a 0 (the trunk prefix) or after a + (+81).
    static func mayHoldContact(_ text: String) -> Bool {
        var digits = 0
        var zeroOrPlus = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "@", "＠": return true
            case "0", "０", "+", "＋":
                zeroOrPlus = true
                if scalar != "+", scalar != "＋" { digits += 1 }
            case "1"..."9", "１"..."９": digits += 1
            default: continue
            }
        }
        return digits >= 6 && zeroOrPlus
    }
}
