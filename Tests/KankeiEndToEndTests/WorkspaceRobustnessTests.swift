import Foundation
import KankeiCore
import KankeiModel
import Testing

@Suite("The batch survives odd inboxes and a doubled ledger entry")
struct WorkspaceRobustnessTests {
    @Test("a link and a named pipe are set aside unread; the other events are still reported")
    func linksAndPipes() throws {
        let workspace = try sampleWorkspace()
        let event = workspace.appendingPathComponent("inbox/\(municipal)")
        // Links point only at what this test made, in its own folder, outside the inbox.
        let outside = workspace.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("folder"), withIntermediateDirectories: true)
        let target = outside.appendingPathComponent("target.csv")
        try Data("名前,メール\n".utf8).write(to: target)
        #expect(chmod(target.path, 0o644) == 0 && chmod(outside.appendingPathComponent("folder").path, 0o755) == 0)
        try FileManager.default.createSymbolicLink(atPath: event.appendingPathComponent("passwd.csv").path, withDestinationPath: target.path)
        try FileManager.default.createSymbolicLink(atPath: event.appendingPathComponent("folder.csv").path,
                                                   withDestinationPath: outside.appendingPathComponent("folder").path)
        try FileManager.default.createSymbolicLink(atPath: event.appendingPathComponent("gone.csv").path, withDestinationPath: outside.appendingPathComponent("missing.csv").path)
        #expect(mkfifo(event.appendingPathComponent("pipe.csv").path, 0o600) == 0)
        let result = try kankei(["run", "--workspace", workspace.path])
        #expect(result.status == 1)
        let quarantine = workspace.appendingPathComponent("quarantine")
        for name in ["passwd.csv", "folder.csv", "gone.csv", "pipe.csv"] {
            #expect(try text(quarantine.appendingPathComponent("\(name).error.txt")).contains("通常のファイルではなく"), "\(name)")
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: quarantine.appendingPathComponent("passwd.csv").path) == target.path)
        // The links' targets keep their bytes and modes: nothing but the links moved.
        #expect(try text(target) == "名前,メール\n")
        #expect(try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int == 0o644)
        #expect(try FileManager.default.attributesOfItem(atPath: outside.appendingPathComponent("folder").path)[.posixPermissions] as? Int == 0o755)
        #expect(try summary(workspace, municipal).respondents == 29)
        #expect(try summary(workspace, company).respondents == 15)
    }

    @Test("an event.yaml in a nested folder is set aside; the event's own event.yaml still applies")
    func nestedSettings() throws {
        let workspace = try sampleWorkspace(extra: ["\(company)/old/event.yaml": Array("title: 古い題名\n".utf8)])
        let result = try kankei(["run", "--workspace", workspace.path])
        #expect(result.status == 1)
        #expect(try text(workspace.appendingPathComponent("quarantine/event.yaml.error.txt")).contains("直下に1つだけ"))
        #expect(try summary(workspace, company).event.title == "『都市部の民間企業と地方自治体等との新たな社外交流の「場」づくりの具体例』WEB報告会")
        #expect(try summary(workspace, municipal).respondents == 29)
    }

    @Test("a ledger entry written twice changes no figure")
    func doubledLedger() throws {
        let workspace = try sampleWorkspace()
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let core = try CoreDatabase(url: workspace.appendingPathComponent("core.sqlite"))
        var survey = try #require(try core.ledgerEntries().first { $0.format == "google-forms-csv" && $0.event == company })
        survey.id = nil
        try core.appendLedger([survey])                    // written twice
        // A late file for the company event makes Kankei read its history again.
        let extra = workspace.appendingPathComponent("inbox/\(company)/event.yaml")
        try FileManager.default.createDirectory(at: extra.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "kind: webinar\ntitle: 題名を直した報告会\n".write(to: extra, atomically: true, encoding: .utf8)
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let tabulation = try summary(workspace, company)
        #expect(tabulation.respondents == 15 && tabulation.event.registrants == 55 && tabulation.event.title == "題名を直した報告会")
        #expect(try core.ledgerEntries().last?.format == "event-settings")
    }

    @Test("kankei-ingest passes on nothing from a file that fails half-way")
    func ingestAllOrNothing() throws {
        let survey = try #require(files(below: Repository.samples.appendingPathComponent("inbox/\(municipal)"))
            .first { $0.lastPathComponent.hasPrefix("WEB説明会") })
        let cut = FileManager.default.temporaryDirectory.appendingPathComponent("cut-\(UUID().uuidString).csv")
        try Data(contentsOf: survey).prefix(5_000).write(to: cut)
        let result = try runCommand(Repository.binaries.appendingPathComponent("kankei-ingest"), [cut.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("引用符"))
    }

    @Test("summary.json writes a figure it cannot make as null, never leaves it out")
    func nulls() throws {
        let survey = try #require(files(below: Repository.samples.appendingPathComponent("inbox/\(municipal)"))
            .first { $0.lastPathComponent.hasPrefix("WEB説明会") })
        // Another export of the same form (one answer fewer), so not a duplicate of the sample's.
        let lines = try text(survey).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let other = Array((lines.dropLast().joined(separator: "\r\n") + "\r\n").utf8)
        let workspace = try sampleWorkspace(extra: ["2022-03-01-survey-only/answers.csv": other])
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let json = try text(workspace.appendingPathComponent("reports/2022-03-01-survey-only/summary.json"))
        for key in ["registrants", "organizations", "attendees", "responseRate"] {
            #expect(json.contains("\"\(key)\" : null"), "\(key)")
        }
    }
}

/// The same answers exported twice: two files of one survey whose rows overlap.
@Suite("Overlapping exports")
struct OverlappingExportTests {
    static func survey() throws -> URL {
        try #require(files(below: Repository.samples.appendingPathComponent("inbox/\(municipal)"))
            .first { $0.lastPathComponent.hasPrefix("WEB説明会") })
    }

    /// The header and the first `rows` answers of the sample survey, optionally without its e-mail column.
    static func export(rows: Int, withoutEmail: Bool = false) throws -> [UInt8] {
        var lines = try text(survey()).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        lines = Array(lines.prefix(rows + 1))
        if withoutEmail {
            lines = lines.map { line in
                var fields = line.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
                fields.remove(at: 1)
                return fields.joined(separator: ",")
            }
        }
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    @Test("an earlier export of 20 answers beside the full one: 29 respondents, each once, and the report says why")
    func knownRespondents() throws {
        let workspace = try sampleWorkspace(extra: ["\(municipal)/回答 - 2月4日の書き出し.csv": try Self.export(rows: 20)])
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let tabulation = try summary(workspace, municipal)
        #expect(tabulation.respondents == 29)
        #expect(tabulation.question("reason")?.top(3, by: .respondents) == ["79.3", "69.0", "69.0"])
        #expect(tabulation.notes.contains { $0.contains("回答者ごとに最も新しい回答だけを数え") })
        #expect(tabulation.notes.contains { $0.contains("古い回答20件を除外") })
        let markdown = try text(workspace.appendingPathComponent("reports/\(municipal)/summary.md"))
        #expect(markdown.contains("最も新しい回答だけを集計しました"))
    }

    @Test("anonymous exports (no e-mail column) that overlap: the shared answers count once")
    func anonymousRespondents() throws {
        let workspace = try sampleWorkspace(extra: [
            "2022-02-05-anonymous/回答 - 前半.csv": try Self.export(rows: 20, withoutEmail: true),
            "2022-02-05-anonymous/回答 - 全体.csv": try Self.export(rows: 29, withoutEmail: true),
        ])
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let tabulation = try summary(workspace, "2022-02-05-anonymous")
        #expect(tabulation.respondents == 29)
        #expect(tabulation.notes.contains { $0.contains("まったく同じ回答が20件重なっていた") })
    }

    @Test("a survey no definition describes, exported twice with overlap: one survey, the shared answers once")
    func unconfiguredSurvey() throws {
        let header = "タイムスタンプ,好きな季節は？,ひとこと\r\n"
        let rows = (0..<12).map { "2022/02/06 10:00:\(String(format: "%02d", $0)),\(["春", "夏", "秋"][$0 % 3]),メモ\($0)\r\n" }
        let workspace = try sampleWorkspace(extra: [
            "2022-02-06-free-survey/回答1.csv": Array((header + rows.prefix(8).joined()).utf8),
            "2022-02-06-free-survey/回答2.csv": Array((header + rows.joined()).utf8),
        ])
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let tabulation = try summary(workspace, "2022-02-06-free-survey")
        #expect(tabulation.respondents == 12)
        #expect(Set(tabulation.questions.map(\.survey)).count == 1)
    }

    @Test("a later, longer export of an unconfigured survey: the types are inferred again from all the event's rows, both files alike")
    func unconfiguredSurveyTypesStay() throws {
        let header = "タイムスタンプ,好きな季節は？\r\n"
        let rows = (0..<12).map { "2022/02/06 10:00:\(String(format: "%02d", $0)),\(["春", "夏", "秋"][$0 % 3])\r\n" }
        let workspace = try sampleWorkspace(extra: ["2022-02-06-free-survey/回答1.csv": Array((header + rows.prefix(3).joined()).utf8)])
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let first = try summary(workspace, "2022-02-06-free-survey")
        // Three different answers read as free text; twelve would read as a single answer.
        let later = workspace.appendingPathComponent("inbox/2022-02-06-free-survey/回答2.csv")
        try FileManager.default.createDirectory(at: later.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data((header + rows.joined()).utf8).write(to: later)
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let tabulation = try summary(workspace, "2022-02-06-free-survey")
        #expect(tabulation.respondents == 12)
        #expect(first.questions.map(\.type) == [.text])
        #expect(tabulation.questions.map(\.type) == [.single])
        #expect(tabulation.question(tabulation.questions[0].id)?.options.map(\.count) == [4, 4, 4])
    }

}

/// Folders in the inbox: a run removes the ones it emptied, never one a coordinator has just made.
@Suite("Inbox folders")
struct InboxFolderTests {
    @Test("emptied event folders go; a new empty event folder and a new empty subfolder stay; a complete file beside an old .part is read")
    func folders() throws {
        let workspace = try sampleWorkspace()
        let inbox = workspace.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox.appendingPathComponent("\(municipal)/2日目"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: inbox.appendingPathComponent("2022-03-15-next-event"), withIntermediateDirectories: true)
        // An interrupted download left a .part beside the file downloaded again in full.
        let survey = try #require(files(below: inbox.appendingPathComponent(company)).first { $0.lastPathComponent.hasPrefix("WEB報告会") })
        try Data("stale".utf8).write(to: survey.appendingPathExtension("part"))
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        #expect(try summary(workspace, company).respondents == 15)
        let left = try FileManager.default.contentsOfDirectory(atPath: inbox.path).sorted()
        #expect(left == [company, municipal, "2022-03-15-next-event"].sorted())
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox.appendingPathComponent(municipal).path) == ["2日目"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox.appendingPathComponent(company).path)
            == [survey.lastPathComponent + ".part"])
    }
}

