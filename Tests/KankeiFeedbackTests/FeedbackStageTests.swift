import Foundation
import KankeiCore
import KankeiFeedback
import KankeiIngest
import KankeiModel
import Testing

/// A core in memory with `Samples/core` imported.
func sampleCore() throws -> CoreDatabase {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let keys = PersonKeyMaker(secret: Array(repeating: 7, count: 32))
    let core = try CoreDatabase()
    for name in ["organizations.yaml", "clubs.yaml", "members.csv"] {
        let url = root.appendingPathComponent("Samples/core/\(name)")
        _ = try CoreImporter(core: core, keys: keys).run(try CoreImportFile.load(url, ingestor: Ingestor(keys: keys)), name: name)
    }
    return core
}

/// A club feedback tabulation: per (club, side), n respondents of whom `top` chose the top box of both measures.
func feedbackTabulation(event: String, files: [String], _ groups: [(club: String, side: Side, n: Int, top: Int)]) -> Tabulation {
    let summary = EventSummary(id: event, kind: .survey, title: nil, date: nil, registrants: nil, organizations: nil,
                               attendees: nil, files: files)
    let segments = groups.map { group in
        SegmentResult(club: group.club, side: group.side, respondents: group.n, measures: [
            MeasureResult(role: .satisfaction, question: "satisfaction", label: "満足度", answered: group.n, count: group.top),
            MeasureResult(role: .continuation, question: "continuation", label: "継続の意向", answered: group.n, count: group.top),
        ])
    }
    return Tabulation(event: summary, respondents: groups.reduce(0) { $0 + $1.n }, responseRate: nil, questions: [], kpis: [],
                      segments: segments, notes: [])
}

@Suite("The feedback stage: matching quality per club and side, written once per file, kept as history")
struct FeedbackStageTests {
    @Test("one record per club and side; the same files again add nothing")
    func oncePerFile() throws {
        let core = try sampleCore()
        let stage = FeedbackStage(core: core)
        let tabulation = feedbackTabulation(event: "fb-2022", files: ["aaa"], [
            ("北海道鷹栖町×大手百貨店", .municipality, 10, 10), ("北海道鷹栖町×大手百貨店", .company, 8, 7), ("⑩", .company, 3, 3),
        ])
        let first = try stage.apply(tabulation, at: "2022-02-18T10:00:00Z")
        #expect(first.added.count == 3 && first.unchanged == 0)
        let company = try #require(first.added.first { $0.clubId == "club-01" && $0.side == .company })
        #expect(company.n == 8 && company.satisfaction == 875 && company.continuation == 875 && company.score == 875)
        #expect(company.sourceEvent == "fb-2022" && company.sourceFiles == "aaa")
        let again = try stage.apply(tabulation, at: "2022-02-19T10:00:00Z")
        #expect(again.added.isEmpty && again.unchanged == 3)
        #expect(try core.qualityHistory().count == 3)
    }

    @Test("a newer survey adds history; the latest record is the current view; unknown clubs are named")
    func history() throws {
        let core = try sampleCore()
        let stage = FeedbackStage(core: core)
        _ = try stage.apply(feedbackTabulation(event: "fb-2022", files: ["aaa"], [("club-01", .company, 8, 8)]), at: "2022-02-18T10:00:00Z")
        let newer = try stage.apply(feedbackTabulation(event: "fb-2023", files: ["bbb"], [
            ("club-01", .company, 9, 6), ("北海道札幌市×どこか", .company, 2, 2),
        ]), at: "2023-02-18T10:00:00Z")
        #expect(newer.added.count == 1 && newer.unknownClubs == ["北海道札幌市×どこか"])
        let history = try core.qualityHistory().filter { $0.clubId == "club-01" }
        #expect(history.map(\.satisfaction) == [1000, 667])
        #expect(try core.latestQuality().first { $0.clubId == "club-01" }?.sourceEvent == "fb-2023")
    }

    @Test("score: the half-up mean of the measures present")
    func score() {
        let record = MatchingQuality(clubId: "c", side: .company, n: 3, satisfaction: 667, continuation: 1000, sourceEvent: "e",
                                     sourceFiles: "f", recordedAt: "t")
        #expect(record.score == 834)
        #expect(MatchingQuality(clubId: "c", side: .company, n: 3, satisfaction: nil, continuation: 333, sourceEvent: "e",
                                sourceFiles: "f", recordedAt: "t").score == 333)
    }
}
