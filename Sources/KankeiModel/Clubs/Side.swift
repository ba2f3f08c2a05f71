/// The two sides of a club, by which 関係人口 are counted: 自治体・地域側 (the municipality, its
/// residents and regional groups) and 企業側 (the company's people).
public enum Side: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case municipality
    case company

    /// The word reviewers read.
    public var displayName: String {
        switch self {
        case .municipality: "自治体・地域側"
        case .company: "企業側"
        }
    }

    /// Words that name a side in survey answers, rosters and core files (compared as `MatchKey`s).
    private static let words: [String: Side] = {
        let table: [([String], Side)] = [
            (["自治体・地域側", "自治体・地域", "自治体・地域団体", "自治体（地域）", "自治体(地域)", "自治体", "地域", "地域側", "自治体側", "町側", "市側",
              "municipality", "region", "local"], .municipality),
            (["企業側", "企業", "企業・団体", "会社", "company", "corporate"], .company),
        ]
        var result: [String: Side] = [:]
        for (aliases, side) in table {
            for alias in aliases { result[MatchKey.make(alias)] = side }
        }
        return result
    }()

    /// The side a label names (「企業側」, 「自治体・地域側」, `company` …), or `nil`.
    public init?(label: String) {
        guard let side = Self.words[MatchKey.make(label)] else { return nil }
        self = side
    }

    public static func < (lhs: Side, rhs: Side) -> Bool { lhs.rawValue > rhs.rawValue }
}

/// How a person's side was decided, in the order the rules are tried.
public enum SideBasis: String, Hashable, Sendable, Codable {
    /// The club's roster (`kankei core import`) lists the person.
    case roster
    /// The e-mail domain: a municipal domain (`lg.jp`, `city.…jp`) or one an organisation in the core uses.
    case address
    /// The organisation the person named matches one in the core.
    case organization
}

/// The kinds of organisation the office works with; each belongs to one side.
public enum OrganizationKind: String, Hashable, Sendable, Codable, CaseIterable {
    case company
    case municipality
    /// A regional group (NPO, まちづくり会社, school …) on the municipality's side.
    case regionalGroup = "regional-group"

    public var side: Side { self == .company ? .company : .municipality }

    public var displayName: String {
        switch self {
        case .company: "企業"
        case .municipality: "自治体"
        case .regionalGroup: "地域団体"
        }
    }
}
