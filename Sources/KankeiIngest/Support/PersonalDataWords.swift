/// The header words by which survey columns holding personal data are recognised and dropped
/// (the office keeps them in `pipelines/personal-data.yaml`; `builtIn` is the same list, for a
/// stage run on its own and for a workspace without the file).
public struct PersonalDataWords: Sendable, Codable, Equatable {
    /// Header keys (`MatchKey`) containing one of these words, in order of precedence.
    public var email: [String]
    public var name: [String]
    public var contact: [String]
    /// Headers that name a person only when they are the whole header (without a bracketed or
    /// starred tail): "name" alone, 「姓」, 「メイ（カナ）」; "company name" is not a person.
    public var wholeName: [String]
    /// Whole headers that are contacts: "tel", "LINE", "Instagram".
    public var wholeContact: [String]

    /// The file in a definitions folder that holds them.
    public static let fileName = "personal-data.yaml"

    public static let builtIn = PersonalDataWords(
        email: ["メール", "email", "e-mail", "mailaddress"],
        name: ["氏名", "名前", "ふりがな", "フリガナ", "担当者名", "ご担当者"],
        contact: ["電話", "携帯番号", "phone", "住所", "郵便番号", "postalcode", "zipcode", "生年月日", "誕生日", "birthday",
                  "birthdate", "dateofbirth", "lineid", "snsアカウント", "snsのアカウント", "snsid", "twitterid", "twitterアカウント",
                  "instagramid", "instagramアカウント", "facebookid", "facebookアカウント", "tiktokid", "アカウント名", "ハンドル名",
                  "ユーザー名", "username", "handle"],
        wholeName: ["name", "fullname", "yourname", "firstname", "lastname", "surname", "givenname", "familyname",
                    "姓", "名", "せい", "めい", "セイ", "メイ", "氏", "姓名"],
        wholeContact: ["tel", "telno", "line", "twitter", "x", "instagram", "facebook", "tiktok", "sns", "address", "address2", "streetaddress"])
}
