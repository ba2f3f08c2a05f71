import Foundation
import KankeiCore
import KankeiFeedback
import KankeiIngest
import KankeiMatch
import KankeiModel
import Testing

func sampleCore() throws -> CoreDatabase {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let keys = PersonKeyMaker(secret: Array(repeating: 7, count: 32))
    let core = try CoreDatabase()
    for name in ["organizations.yaml", "clubs.yaml"] {
        let url = root.appendingPathComponent("Samples/core/\(name)")
        _ = try CoreImporter(core: core, keys: keys).run(try CoreImportFile.load(url, ingestor: Ingestor(keys: keys)), name: name)
    }
    return core
}

@Suite("kankei match suggest: pairs ranked by fit and feedback history, each explained")
struct MatchSuggesterTests {
    private func suggestions(_ core: CoreDatabase) throws -> [Suggestion] {
        MatchSuggester(catalog: try core.clubCatalog(), latestQuality: try core.latestQuality()).suggestions()
    }

    /// Feedback where every club of `type` scored `poor` of 10 and every other club 10 of 10.
    private func feedback(_ core: CoreDatabase, files: String, poorType: Int?, poor: Int = 3) throws {
        let catalog = try core.clubCatalog()
        let groups = catalog.clubs.flatMap { club in
            Side.allCases.map { (club: club.id, side: $0, n: 10, top: club.type == poorType ? poor : 10) }
        }
        let summary = EventSummary(id: "fb-\(files)", kind: .survey, title: nil, date: nil, registrants: nil, organizations: nil,
                                   attendees: nil, files: [files])
        let segments = groups.map { group in
            SegmentResult(club: group.club, side: group.side, respondents: group.n, measures: [
                MeasureResult(role: .satisfaction, question: "s", label: "満足度", answered: group.n, count: group.top),
                MeasureResult(role: .continuation, question: "c", label: "継続", answered: group.n, count: group.top),
            ])
        }
        _ = try FeedbackStage(core: core).apply(Tabulation(event: summary, respondents: 0, responseRate: nil, questions: [], kpis: [],
                                                            segments: segments, notes: []), at: "2022-02-18T00:00:00Z")
    }

    @Test("no existing club is suggested; every line explains fit and history")
    func explained() throws {
        let core = try sampleCore()
        let all = try suggestions(core)
        #expect(all.count == 8 * 13 - 15)
        let clubs = Set(try core.clubCatalog().clubs.map { [$0.companyId, $0.municipalityId] })
        #expect(all.allSatisfy { !clubs.contains([$0.company.id, $0.municipality.id]) })
        #expect(all.map(\.rank) == Array(1...all.count))
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.score >= $1.score })
        let top = all[0]
        #expect(top.explanation.contains("ニーズとテーマの一致 \(top.fit.shared.count)/\(top.fit.needs)"))
        #expect(top.explanation.contains("実績なし"))
    }

    @Test("poor feedback for clubs of type ④ makes its pairs fall; good feedback for the others lifts them")
    func rankingMovesWithFeedback() throws {
        let core = try sampleCore()
        try feedback(core, files: "good", poorType: nil)
        let before = try suggestions(core)
        try feedback(core, files: "poor-4", poorType: 4)
        let after = try suggestions(core)
        let typeFour: Set<String> = ["trading", "trading-union", "electric"]
        func meanRank(_ list: [Suggestion]) -> Double {
            let ranks = list.filter { typeFour.contains($0.company.id) }.map(\.rank)
            return Double(ranks.reduce(0, +)) / Double(ranks.count)
        }
        #expect(meanRank(after) > meanRank(before) + 10)
        let pair = { (list: [Suggestion]) in list.first { $0.company.id == "electric" && $0.municipality.id == "takasu" }! }
        #expect(pair(after).rank > pair(before).rank)
        #expect(pair(after).type.value == 300)
        #expect(pair(after).explanation.contains("類型④のクラブの評価 平均30.0%（6組）"))
        #expect(after.first.map { !typeFour.contains($0.company.id) } == true)
    }
}
