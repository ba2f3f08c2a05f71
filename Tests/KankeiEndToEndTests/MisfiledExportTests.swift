import Foundation
import GRDB
import KankeiIngest
import KankeiWorkspace
import Testing

/// The duplicate rule is per event, and a misfiled export can be taken back out.
@Suite("Misfiled exports")
struct MisfiledExportTests {
    @Test("the same bytes in two events count in both (with a note); kankei withdraw takes one out, recounts the event, keeps the bytes, and status lists it")
    func withdraw() throws {
        let inbox = Repository.samples.appendingPathComponent("inbox")
        let municipalSurvey = try #require(files(below: inbox.appendingPathComponent(municipal)).first { $0.lastPathComponent.hasPrefix("WEB説明会") })
        let companySurvey = try #require(files(below: inbox.appendingPathComponent(company)).first { $0.lastPathComponent.hasPrefix("WEB報告会") })
        let wrong = "2022-03-01-misfiled"
        let workspace = try sampleWorkspace(extra: [
            "\(wrong)/\(municipalSurvey.lastPathComponent)": Array(try Data(contentsOf: municipalSurvey)),
            "\(wrong)/\(companySurvey.lastPathComponent)": Array(try Data(contentsOf: companySurvey)),
        ])
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let before = try summary(workspace, wrong)
        #expect(before.notes.contains { $0.contains("イベント「\(municipal)」でも集計されています") })
        #expect(Set(before.questions.map(\.survey)).count == 2)
        #expect(try summary(workspace, municipal).respondents == 29)

        let unknown = try kankei(["withdraw", "--workspace", workspace.path, "--event", wrong, "no-such.csv"])
        #expect(unknown.status == 2 && unknown.stderr.contains("というファイルはありません") && unknown.stderr.contains(companySurvey.lastPathComponent))

        let result = try kankei(["withdraw", "--workspace", workspace.path, "--event", wrong, municipalSurvey.lastPathComponent])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("取り下げました: \(wrong)/\(municipalSurvey.lastPathComponent)"))
        let after = try summary(workspace, wrong)
        #expect(Set(after.questions.map(\.survey)).count == 1)
        #expect(after.respondents == 15)
        #expect(after.notes.contains { $0.contains("取り下げられたため") })
        #expect(try summary(workspace, municipal).respondents == 29)
        let sha = try #require((try? FileDigest.sha256(of: municipalSurvey))?.hex)
        #expect(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("archive/\(sha).csv").path))
        let status = try kankei(["status", "--workspace", workspace.path])
        #expect(status.stdout.contains("取り下げたファイル（1件") && status.stdout.contains(String(sha.prefix(12))))
    }

    @Test("withdrawing an event's last file takes the event out of the core (sessions, attendance, people seen only there, figures), the index and reports/; dropping the bytes back counts it again")
    func withdrawLast() throws {
        let attendees = Repository.samples.appendingPathComponent("inbox/\(municipal)/81234567890 - Attendee Report.csv")
        // Sorted before the right event, so its people are first seen at the misfiled one.
        let wrong = "2022-01-31-misfiled"
        let baseline = try sampleWorkspace()
        #expect(try kankei(["run", "--workspace", baseline.path]).status == 0)
        let workspace = try sampleWorkspace(extra: ["\(wrong)/\(attendees.lastPathComponent)": Array(try Data(contentsOf: attendees))])
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        #expect(try coreCounts(workspace).sessions > coreCounts(baseline).sessions)
        #expect(try firstSeen(workspace, wrong) > 0)

        let result = try kankei(["withdraw", "--workspace", workspace.path, "--event", wrong, attendees.lastPathComponent])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("イベント「\(wrong)」はファイルがなくなったため"))
        #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("reports/\(wrong)").path))
        #expect(try !text(workspace.appendingPathComponent("reports/index.html")).contains(wrong))
        #expect(try coreCounts(workspace) == coreCounts(baseline))
        #expect(try firstSeen(workspace, wrong) == 0)
        #expect(try summary(workspace, municipal).respondents == 29)
        let sha = try FileDigest.sha256(of: attendees).hex
        #expect(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("archive/\(sha).csv").path))

        // Dropped back, the same bytes count in the event again and are no longer listed as withdrawn.
        let back = workspace.appendingPathComponent("inbox/\(wrong)")
        try FileManager.default.createDirectory(at: back, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: attendees, to: back.appendingPathComponent(attendees.lastPathComponent))
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        #expect(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("reports/\(wrong)/summary.json").path))
        #expect(try coreCounts(workspace).sessions > coreCounts(baseline).sessions)
        #expect(try !kankei(["status", "--workspace", workspace.path]).stdout.contains("取り下げたファイル"))
        // A later recount of the event (an event.yaml dropped) still counts it.
        try FileManager.default.createDirectory(at: back, withIntermediateDirectories: true)
        try Data("kind: webinar\ntitle: 置き間違いの確認\n".utf8).write(to: back.appendingPathComponent("event.yaml"))
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        #expect(try summary(workspace, wrong).event.title == "置き間違いの確認")
        #expect(try coreCounts(workspace).sessions > coreCounts(baseline).sessions)
    }

    /// Rows the core holds for events and people.
    struct CoreCounts: Equatable {
        var events, sessions, attendance, participants, tabulations, quality: Int
    }

    func coreCounts(_ workspace: URL) throws -> CoreCounts {
        try DatabaseQueue(path: workspace.appendingPathComponent("core.sqlite").path).read { db in
            func count(_ table: String) throws -> Int { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
            return CoreCounts(events: try count("events"), sessions: try count("sessions"), attendance: try count("attendance"),
                              participants: try count("participants"), tabulations: try count("tabulations"),
                              quality: try count("matchingQuality"))
        }
    }

    /// People the core says were first seen at `event`.
    func firstSeen(_ workspace: URL, _ event: String) throws -> Int {
        try DatabaseQueue(path: workspace.appendingPathComponent("core.sqlite").path).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM participants WHERE firstSeenEvent = ?", arguments: [event]) ?? 0
        }
    }
}
