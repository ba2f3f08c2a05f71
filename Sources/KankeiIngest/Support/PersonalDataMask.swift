/// Masks e-mail addresses and phone numbers in survey answers as they are read, so no later stage,
/// intermediate file or summary ever holds them: respondents sometimes leave them in comments
/// (「資料を送ってください（tanaka@example.jp）」).
public enum PersonalDataMask {
    public static let emailMark = "［メールアドレス］"
    public static let phoneMark = "［電話番号］"

    private nonisolated(unsafe) static let email = #/[A-Za-z0-9._%+\-Ａ-Ｚａ-ｚ０-９＿．]+[@＠][A-Za-z0-9\-Ａ-Ｚａ-ｚ０-９]+(?:[.．][A-Za-z0-9\-Ａ-Ｚａ-ｚ０-９]+)+/#
    private nonisolated(unsafe) static let phone = #/(?:\+81[\-\s]?|[0０])[0-9０-９]{1,4}[\-－ー‐\s]?[0-9０-９]{1,4}[\-－ー‐\s]?[0-9０-９]{3,4}/#

    public static func mask(_ text: String) -> String {
        // Most answers hold neither an @ nor a run of digits: skip the regular expressions for them.
        var digits = 0
        var suspicious = false
        for scalar in text.unicodeScalars {
            if scalar == "@" || scalar == "＠" { suspicious = true; break }
            if ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar) {
                digits += 1
                if digits >= 5 { suspicious = true; break }
            }
        }
        guard suspicious else { return text }
        return text.replacing(email, with: emailMark).replacing(phone, with: phoneMark)
    }
}
