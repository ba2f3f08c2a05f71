import KankeiModel

/// Survey columns that hold personal data, recognised by the words of their header
/// (「お名前（フルネーム）」, 「メールアドレス（確認用）」, 「電話番号」, 「ご住所」, "Email address").
enum PersonalColumn: Equatable {
    /// An e-mail address: the first becomes the respondent's key.
    case email
    /// A person's name: the key when there is no e-mail column.
    case name
    /// Phone, postal address: dropped.
    case contact

    /// Header keys (`MatchKey`) containing one of these words, in order of precedence.
    private static let words: [(PersonalColumn, [String])] = [
        (.email, ["メール", "email", "e-mail", "mailaddress"]),
        (.name, ["氏名", "名前", "ふりがな", "フリガナ", "担当者名", "ご担当者"]),
        (.contact, ["電話", "携帯番号", "phone", "住所", "郵便番号", "postalcode", "zipcode", "生年月日", "誕生日", "birthday",
                    "birthdate", "dateofbirth", "lineid", "snsアカウント", "snsのアカウント", "snsid", "twitterid", "twitterアカウント",
                    "instagramid", "instagramアカウント", "facebookid", "facebookアカウント", "tiktokid", "アカウント名", "ハンドル名",
                    "ユーザー名", "username", "handle"]),
    ]

    /// English headers that name a person only when they are the whole header ("name" alone;
    /// "company name" is not a person).
    private static let wholeNameHeaders: Set<String> = [
        "name", "fullname", "yourname", "firstname", "lastname", "surname", "givenname", "familyname", "tel", "telno",
        "姓", "名", "せい", "めい", "セイ", "メイ", "氏", "姓名", "line", "twitter", "x", "instagram", "facebook", "tiktok", "sns",
    ]
    /// Whole headers that are contacts rather than names.
    private static let wholeContactHeaders: Set<String> = ["tel", "telno", "line", "twitter", "x", "instagram", "facebook", "tiktok", "sns"]

    static func kind(ofHeader key: String) -> PersonalColumn? {
        if let match = words.first(where: { _, words in words.contains { key.contains($0) } }) { return match.0 }
        // 「姓（漢字）」「メイ(カナ)」「名 *」: the header without its bracketed or starred tail.
        let bare = key.split(whereSeparator: { "(*※:".contains($0) }).first.map(String.init) ?? key
        for candidate in [key, bare] where wholeNameHeaders.contains(candidate) {
            return wholeContactHeaders.contains(candidate) ? .contact : .name
        }
        return nil
    }
}
