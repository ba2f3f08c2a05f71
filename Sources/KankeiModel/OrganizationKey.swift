

/// The key that decides whether two organisation names are one organisation: `MatchKey` (so
/// 「北海道奈井江町 」 = 「北海道奈井江町」, 「ＮＰＯ法人」 = 「NPO法人」) with abbreviated legal forms
/// spelled out (「(株)」 = 「株式会社」, 「NPO法人」 = 「特定非営利活動法人」).
public enum OrganizationKey {
    /// Abbreviation (as a `MatchKey`) → the form it stands for. NFKC has already turned ㈱ into (株).
    private static let legalForms: [(String, String)] = [
        ("(株)", "株式会社"), ("(有)", "有限会社"), ("(合)", "合同会社"),
        ("(一社)", "一般社団法人"), ("(一財)", "一般財団法人"), ("(公社)", "公益社団法人"), ("(公財)", "公益財団法人"),
        ("(特非)", "特定非営利活動法人"), ("npo法人", "特定非営利活動法人"),
    ]

    public static func make(_ name: String) -> String? {
        var key = MatchKey.make(name)
        guard !key.isEmpty, key != "--" else { return nil }
        for (abbreviation, full) in legalForms where key.contains(abbreviation) {
            key = key.replacingOccurrences(of: abbreviation, with: full)
        }
        return key
    }
}
