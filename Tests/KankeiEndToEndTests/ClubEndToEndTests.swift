import Foundation
import KankeiCore
import KankeiModel
import Testing

private let club1 = "2021-club-01-takasu-dept-store"
private let club2 = "2021-club-02-naie-trading"
private let clubFeedback = "2022-02-18-club-feedback"

@Suite("Clubs from the samples: 関係人口 of section 5.4, feedback into the core, next matches")
struct ClubEndToEndTests {
    @Test("① 延264人（自治体・地域側：144人、企業側：120人）and ② 延68人 from the Zoom reports; 実人員 below 延べ")
    func attendance() throws {
        let workspace = try sampleWorkspace()
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let first = try #require(try summary(workspace, club1).attendance)
        #expect(first.reportLine == "延264人（自治体・地域側：144人、企業側：120人）")
        #expect(first.sessions == 12 && first.unique == 29)
        // The address written in upper case and in full width in two sessions is still one person: 13, not 14 or 15.
        #expect(first.bySide.municipality.unique == 16 && first.bySide.company.unique == 13 && first.unassigned.visits == 0)
        let second = try #require(try summary(workspace, club2).attendance)
        #expect(second.reportLine == "延68人（自治体・地域側：40人、企業側：28人）" && second.unique == 20 && second.sessions == 4)
        #expect(try summary(workspace, club1).event.registrants == nil)
        #expect(try text(workspace.appendingPathComponent("reports/\(club1)/summary.md")).contains("関係人口創出数　延264人（自治体・地域側：144人、企業側：120人）"))

        let stats = try kankei(["core", "stats", "--json", "--workspace", workspace.path])
        #expect(stats.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        let clubs = try #require(json["clubs"] as? [[String: Any]])
        let line = clubs.first { $0["id"] as? String == "club-01" }?["attendance"] as? [String: Any]
        #expect(line?["visits"] as? Int == 264 && line?["unique"] as? Int == 29)
        let total = try #require(json["total"] as? [String: Any])
        #expect(total["visits"] as? Int == 332 && total["unique"] as? Int == 49)
        let kpis = try #require(json["kpis"] as? [[String: Any]])
        #expect(kpis.map { $0["value"] as? Int } == [148, 184])
        let text = try kankei(["core", "stats", "--workspace", workspace.path]).stdout
        #expect(text.contains("①北海道鷹栖町×大手百貨店（類型②）: 延264人（自治体・地域側：144人、企業側：120人） 実人員29人・セッション12回"))
    }

    @Test("club feedback: per club and side, KPI ④ rows; written into the core once, a newer export adds history")
    func feedback() throws {
        let workspace = try sampleWorkspace()
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let tabulation = try summary(workspace, clubFeedback)
        let takasuCompany = try #require(tabulation.segments.first { $0.club == "北海道鷹栖町×大手百貨店" && $0.side == .company })
        #expect(takasuCompany.respondents == 8 && takasuCompany.measure(.satisfaction)?.value?.fixed == "100.0")
        #expect(tabulation.kpis.map(\.id).sorted() == ["kpi-4-1-continuation", "kpi-4-1-satisfaction", "kpi-4-3-continuation", "kpi-4-3-satisfaction"])
        #expect(tabulation.kpis.allSatisfy { $0.achieved == true } && tabulation.kpis.first { $0.id == "kpi-4-1-satisfaction" }?.n == 26)
        let intent = try summary(workspace, "2022-03-01-new-participants").kpis
        #expect(intent.map(\.id) == ["kpi-4-2", "kpi-4-4"] && intent.map(\.n) == [8, 6])

        let core = try CoreDatabase(url: workspace.appendingPathComponent("core.sqlite"))
        #expect(try core.qualityHistory().count == 10)
        // kankei-feedback on the same summary adds nothing; running again adds nothing.
        let summaryFile = workspace.appendingPathComponent("reports/\(clubFeedback)/summary.json").path
        let stage = try runCommand(Repository.binaries.appendingPathComponent("kankei-feedback"),
                                   ["--core", workspace.appendingPathComponent("core.sqlite").path, summaryFile])
        #expect(stage.status == 0 && stage.stdout.isEmpty)
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        #expect(try core.qualityHistory().count == 10)

        // A later export with one more (dissatisfied) answer: the event is counted again, history grows,
        // and the answers both exports hold are counted once.
        let folder = workspace.appendingPathComponent("inbox/\(clubFeedback)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let original = try files(below: Repository.samples.appendingPathComponent("inbox/\(clubFeedback)"))[0]
        let later = try text(original) + "2022/02/25 10:00:00,late@example.co.jp,北海道鷹栖町×大手百貨店,企業側,不満,継続したくない,\r\n"
        try later.write(to: folder.appendingPathComponent("追加の回答.csv"), atomically: true, encoding: .utf8)
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let history = try core.qualityHistory()
        #expect(history.count == 20)
        let latest = try #require(try core.latestQuality().first { $0.clubId == "club-01" && $0.side == .company })
        // The later export repeats the 8 answers of the first: each respondent counts once (8 + 1).
        #expect(latest.n == 9 && latest.satisfaction == 889, "\(latest)")
        let summary = try text(workspace.appendingPathComponent("reports/\(clubFeedback)/summary.md"))
        #expect(summary.contains("回答者ごとに最も新しい回答だけを数え"))
    }

    @Test("kankei match suggest: ranked, explained pairs that are not clubs yet")
    func suggest() throws {
        let workspace = try sampleWorkspace()
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let result = try kankei(["match", "suggest", "--json", "--limit", "5", "--workspace", workspace.path])
        #expect(result.status == 0)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 5 && list.map { $0["rank"] as? Int } == [1, 2, 3, 4, 5])
        #expect(list.allSatisfy { ($0["explanation"] as? String)?.contains("ニーズとテーマの一致") == true })
        let text = try kankei(["match", "suggest", "--workspace", workspace.path]).stdout
        #expect(text.contains("1. ") && text.contains("スコア"))
    }

    @Test("without the core, a club event still counts, names the unknown club, and decides sides by address only")
    func withoutCore() throws {
        let workspace = try sampleWorkspace(core: false)
        let run = try kankei(["run", "--workspace", workspace.path])
        #expect(run.status == 1 && run.stderr.contains("club「club-01」がコアにありません"))
        let attendance = try #require(try summary(workspace, club1).attendance)
        #expect(attendance.visits == 264 && attendance.bySide.municipality.unique == 10 && attendance.unassigned.unique > 0)
    }
}
