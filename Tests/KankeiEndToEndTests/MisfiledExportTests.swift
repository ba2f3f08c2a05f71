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
        // The last file of an event is not withdrawn.
        let last = try kankei(["withdraw", "--workspace", workspace.path, "--event", wrong, companySurvey.lastPathComponent])
        #expect(last.status == 2 && last.stderr.contains("最後のファイル"))
    }
}
