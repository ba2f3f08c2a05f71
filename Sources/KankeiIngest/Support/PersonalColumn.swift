import KankeiModel

/// Survey columns that hold personal data, recognised by the words of their header
/// (「お名前（フルネーム）」, 「メールアドレス（確認用）」, 「電話番号」, 「姓」, 「LINE ID」, "Email address").
enum PersonalColumn: Equatable {
    /// An e-mail address: the first becomes the respondent's key.
    case email
    /// A person's name: dropped (never a key: names repeat).
    case name
    /// Phone, postal address, birth date, SNS handle: dropped.
    case contact

    static func kind(ofHeader key: String, words: PersonalDataWords) -> PersonalColumn? {
        let contains: [(PersonalColumn, [String])] = [(.email, words.email), (.name, words.name), (.contact, words.contact)]
        if let match = contains.first(where: { _, list in list.contains { key.contains(MatchKey.make($0)) } }) { return match.0 }
        // 「姓（漢字）」「メイ(カナ)」「名 *」: the header without its bracketed or starred tail.
        let bare = key.split(whereSeparator: { "(*※:".contains($0) }).first.map(String.init) ?? key
        for candidate in [key, bare] {
            if words.wholeContact.contains(where: { MatchKey.make($0) == candidate }) { return .contact }
            if words.wholeName.contains(where: { MatchKey.make($0) == candidate }) { return .name }
        }
        return nil
    }
}
