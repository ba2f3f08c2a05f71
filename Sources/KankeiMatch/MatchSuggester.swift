import KankeiCore
import KankeiModel

/// Ranks company × municipality pairs that are not clubs yet, by three parts (each 0–1000):
///
/// | part | weight | from |
/// |---|---|---|
/// | fit | 5 | the share of the company's needs that are among the municipality's themes |
/// | type | 3 | how clubs of the company's type (①–④) went: the mean score of their latest feedback |
/// | themes | 2 | how clubs that worked on the same need/theme combinations went |
///
/// A part with no feedback behind it counts as `neutral` (500) and the line says so. The ranking
/// moves with the matching-quality history: poor feedback for a type lowers its pairs.
public struct MatchSuggester {
    public static let weights = (fit: 5, type: 3, themes: 2)
    public static let neutral = 500

    private let catalog: ClubCatalog
    /// Latest score per club (the mean of its sides' latest scores), in tenths of a percent.
    private let clubScores: [String: Int]
    /// Per club with feedback: the tags its company's needs and its municipality's themes share.
    private let clubOverlaps: [(club: Club, shared: Set<String>)]

    public init(catalog: ClubCatalog, latestQuality: [MatchingQuality]) {
        self.catalog = catalog
        let scores = Dictionary(grouping: latestQuality, by: \.clubId).mapValues { records in
            Self.mean(records.map(\.score))!
        }
        clubScores = scores
        clubOverlaps = catalog.clubs.filter { scores[$0.id] != nil }.map { club in
            (club, catalog.needs(of: club.companyId).intersection(catalog.themes(of: club.municipalityId)))
        }
    }

    public func suggestions(limit: Int? = nil, company: String? = nil) -> [Suggestion] {
        let organizations = catalog.organizations.values.sorted { $0.id < $1.id }
        let taken = Set(catalog.clubs.map { [$0.companyId, $0.municipalityId] })
        let companies = organizations.filter { $0.kind == .company && (company == nil || $0.id == company) }
        let municipalities = organizations.filter { $0.kind == .municipality }
        let all = companies.flatMap { company in
            municipalities.filter { !taken.contains([company.id, $0.id]) }.map { suggest(company, $0) }
        }.sorted { ($1.score, $0.company.id, $0.municipality.id) < ($0.score, $1.company.id, $1.municipality.id) }
        let ranked = all.enumerated().map { index, suggestion in
            var suggestion = suggestion
            suggestion.rank = index + 1
            return suggestion
        }
        return limit.map { Array(ranked.prefix($0)) } ?? ranked
    }

    private func suggest(_ company: Organization, _ municipality: Organization) -> Suggestion {
        let needs = catalog.needs(of: company.id)
        let themes = catalog.themes(of: municipality.id)
        let shared = needs.intersection(themes).sorted()
        let fit = needs.isEmpty ? 0 : shared.count * 1000 / needs.count

        let type = company.clubType ?? mostCommonType(of: company.id)
        let typeClubs = catalog.clubs.filter { $0.type == type && clubScores[$0.id] != nil }
        let typeScore = Self.mean(typeClubs.compactMap { clubScores[$0.id] })

        // Clubs whose own need/theme overlap shares a tag with this pair's.
        let themeClubs = clubOverlaps.filter { !$0.shared.isDisjoint(with: shared) }.map(\.club)
        let themeScore = Self.mean(themeClubs.compactMap { clubScores[$0.id] })

        let weights = Self.weights
        let score = (fit * weights.fit + (typeScore ?? Self.neutral) * weights.type + (themeScore ?? Self.neutral) * weights.themes)
            / (weights.fit + weights.type + weights.themes)
        return Suggestion(
            rank: 0, company: .init(company), municipality: .init(municipality), score: score,
            fit: .init(shared: shared, needs: needs.count, value: fit),
            type: .init(type: type, clubs: typeClubs.count, value: typeScore),
            themes: .init(clubs: themeClubs.count, value: themeScore),
            explanation: Self.explain(shared: shared, needs: needs.count, type: type, typeClubs: typeClubs.count,
                                      typeScore: typeScore, themeClubs: themeClubs.count, themeScore: themeScore))
    }

    private func mostCommonType(of company: String) -> Int? {
        let types = catalog.clubs.filter { $0.companyId == company }.map(\.type)
        return Dictionary(grouping: types, by: { $0 }).max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key
    }

    /// Half-up mean of integers; `nil` for none.
    static func mean(_ values: [Int]) -> Int? {
        values.isEmpty ? nil : (values.reduce(0, +) * 2 + values.count) / (values.count * 2)
    }

    static func explain(shared: [String], needs: Int, type: Int?, typeClubs: Int, typeScore: Int?, themeClubs: Int,
                        themeScore: Int?) -> String {
        let fit = shared.isEmpty ? "ニーズとテーマの一致なし" : "ニーズとテーマの一致 \(shared.count)/\(needs)（\(shared.map { "「\($0)」" }.joined())）"
        let typeName = type.map { "類型\(ClubType.mark($0))" } ?? "類型未設定"
        let history = typeScore.map { "\(typeName)のクラブの評価 平均\(Percent(tenths: $0).prose)（\(typeClubs)組）" }
            ?? "\(typeName)のクラブの評価 実績なし"
        let themes = themeScore.map { "同じテーマのクラブの評価 平均\(Percent(tenths: $0).prose)（\(themeClubs)組）" }
            ?? "同じテーマのクラブの評価 実績なし"
        return [fit, history, themes].joined(separator: "／")
    }
}

/// One suggested pair, its score (0–1000) and the parts it is made of, with the line that explains it.
public struct Suggestion: Hashable, Sendable, Codable {
    public struct Party: Hashable, Sendable, Codable {
        public var id: String
        public var name: String

        init(_ organization: Organization) {
            id = organization.id
            name = organization.displayName
        }
    }

    public struct Fit: Hashable, Sendable, Codable {
        /// The company's needs that are among the municipality's themes.
        public var shared: [String]
        public var needs: Int
        public var value: Int
    }

    public struct TypeHistory: Hashable, Sendable, Codable {
        @Nullable public var type: Int?
        public var clubs: Int
        /// Mean score in tenths of a percent; `nil` without feedback.
        @Nullable public var value: Int?
    }

    public struct ThemeHistory: Hashable, Sendable, Codable {
        public var clubs: Int
        @Nullable public var value: Int?
    }

    public var rank: Int
    public var company: Party
    public var municipality: Party
    public var score: Int
    public var fit: Fit
    public var type: TypeHistory
    public var themes: ThemeHistory
    public var explanation: String
}
