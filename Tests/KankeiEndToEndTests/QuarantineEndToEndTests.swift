import Foundation
import KankeiModel
import Testing

@Suite("Bad input: quarantined untouched with a clear message, the batch goes on")
struct QuarantineEndToEndTests {
    @Test("a file that is not a known export, a truncated survey and a loose file: exit 1, the rest reported")
    func badFilesInBatch() throws {
        let surveyURL = try #require(files(below: Repository.samples.appendingPathComponent("inbox/\(municipal)"))
            .first { $0.lastPathComponent.hasPrefix("WEB説明会") })
        let truncated = [UInt8](try Data(contentsOf: surveyURL).prefix(5_000))
        let members = Array("氏名,所属\n山田,奈井江町\n".utf8)
        let workspace = try sampleWorkspace(extra: [
            "\(municipal)/members.csv": members,
            "\(municipal)/途中まで.csv": truncated,
            "stray.pdf": Array("%PDF-1.4\n".utf8),
        ])
        let result = try kankei(["run", "--workspace", workspace.path])
        #expect(result.status == 1)
        let quarantine = workspace.appendingPathComponent("quarantine")
        // Kept byte for byte.
        #expect(try Data(contentsOf: quarantine.appendingPathComponent("members.csv")) == Data(members))
        #expect(try Data(contentsOf: quarantine.appendingPathComponent("途中まで.csv")) == Data(truncated))
        #expect(FileManager.default.fileExists(atPath: quarantine.appendingPathComponent("stray.pdf").path))
        // Which file, where, what, what to do — in Japanese.
        let unknown = try text(quarantine.appendingPathComponent("members.csv.error.txt"))
        #expect(unknown.contains("ファイル: members.csv") && unknown.contains("1行目") && unknown.contains("Google フォームの回答（CSV）"))
        #expect(!unknown.contains("山田"))
        let cut = try text(quarantine.appendingPathComponent("途中まで.csv.error.txt"))
        #expect(cut.contains("行目") && cut.contains("引用符") && cut.contains("対処:"))
        #expect(try text(quarantine.appendingPathComponent("stray.pdf.error.txt")).contains("イベントごとのフォルダ"))
        // The good files of the same batch: exactly the figures of a clean run, no half-read rows.
        let tabulation = try summary(workspace, municipal)
        #expect(tabulation.respondents == 29)
        #expect(tabulation.question("reason")?.top(3, by: .respondents) == ["79.3", "69.0", "69.0"])
        #expect(try summary(workspace, company).event.registrants == 55)
        #expect(result.stderr.contains("members.csv"))
    }

    @Test("usage errors exit 2")
    func usage() throws {
        #expect(try kankei(["run", "--workspace", "/nonexistent/kankei"]).status == 2)
        #expect(try kankei(["run", "--no-such-flag"]).status == 2)
        #expect(try kankei(["--help"]).status == 0)
    }
}

@Suite("The real Zoom attendee report through kankei run")
struct ReferenceExportTests {
    @Test("the anonymised 2020 export: 449 attendees (455 joined, 10 of them panelists, 4 others), 469 listed")
    func reference() throws {
        let workspace = try sampleWorkspace()
        try FileManager.default.removeItem(at: workspace.appendingPathComponent("inbox"))
        let event = workspace.appendingPathComponent("inbox/2020-03-28-satrdays")
        try FileManager.default.createDirectory(at: event, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Repository.fixtures.appendingPathComponent("zoom-webinar-attendee-report.anonymized.csv"),
                                         to: event.appendingPathComponent("report.csv"))
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let tabulation = try summary(workspace, "2020-03-28-satrdays")
        #expect(tabulation.event.title == "satRdays DC 2020")
        #expect(tabulation.event.date == "2020-03-28")
        #expect(tabulation.event.attendees == 449)
        #expect(tabulation.event.registrants == 469)
        #expect(tabulation.notes.contains { $0.contains("登録レポートがないため") })
    }
}

@Suite("The stage executables compose in a shell")
struct StageExecutablesTests {
    @Test("kankei-ingest | kankei-normalize | kankei-tabulate | kankei-report gives kankei run's report files")
    func pipeline() throws {
        let workspace = try sampleWorkspace()
        let bin = Repository.binaries.path
        let event = workspace.appendingPathComponent("inbox/\(municipal)").path
        let out = workspace.appendingPathComponent("stages").path
        let secret = workspace.appendingPathComponent("secret").path
        try Data("shared key".utf8).write(to: URL(fileURLWithPath: secret))
        let script = """
        set -eu
        '\(bin)/kankei-ingest' --secret-file '\(secret)' '\(event)'/*.csv \
          | '\(bin)/kankei-normalize' --pipelines '\(Repository.pipelines.path)' --event \(municipal) \
          | '\(bin)/kankei-tabulate' | '\(bin)/kankei-report' --pipelines '\(Repository.pipelines.path)' --out '\(out)'
        """
        let stages = try runCommand(onPath("sh"), ["-c", script])
        #expect(stages.status == 0, "\(stages.stderr)")
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        for file in ["summary.json", "summary.html", "summary.md", "tables.csv"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent(file))
                == Data(contentsOf: workspace.appendingPathComponent("reports/\(municipal)/\(file)")), "\(file)")
        }
    }
}
