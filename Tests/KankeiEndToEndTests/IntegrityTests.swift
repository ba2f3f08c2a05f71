import Foundation
import GRDB
import KankeiIngest
import KankeiWorkspace
import Testing

/// What a coordinator can rely on under ordinary but unfriendly conditions: names that try to
/// drive the terminal, files linked from elsewhere.
@Suite("Integrity and security under real conditions")
struct IntegrityTests {
    /// A name that would retitle and clear a terminal, then print a line of its own.
    static let hostileName = "x\u{1B}]0;pwned\u{07}\u{1B}[2J\nkankei run: 偽の行\u{202E}vsc.csv"

    @Test("control characters and bidi overrides in file and folder names reach no terminal raw: run, --verbose logs, status")
    func terminalInjection() throws {
        let workspace = try sampleWorkspace(extra: [
            "\(municipal)/\(Self.hostileName)": Array("not,a\n\"survey".utf8),
            "2022-03-01-\u{1B}[31mred/\(Self.hostileName)": Array("also,\"broken".utf8),
        ])
        let run = try kankei(["run", "--verbose", "--workspace", workspace.path])
        #expect(run.status == 1)
        let status = try kankei(["status", "--workspace", workspace.path])
        for output in [run.stdout, run.stderr, status.stdout, status.stderr] {
            #expect(!output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" })
            #expect(!output.components(separatedBy: "\n").contains { $0.hasPrefix("kankei run: 偽の行") })
        }
        #expect(run.stderr.contains("x\\u{1B}]0;pwned\\u{7}\\u{1B}[2J\\u{A}kankei run: 偽の行\\u{202E}vsc.csv"))
        #expect(status.stdout.contains("\\u{1B}[31mred"))
    }

    @Test("a file with a second hard link outside the inbox is copied into archive/, never shared")
    func hardLinks() throws {
        let workspace = try sampleWorkspace()
        let survey = try #require(files(below: workspace.appendingPathComponent("inbox/\(municipal)"))
            .first { $0.lastPathComponent.hasPrefix("WEB説明会") })
        let outside = workspace.appendingPathComponent("outside.csv")
        #expect(link(survey.path, outside.path) == 0)
        let original = try Data(contentsOf: outside)
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let archived = try #require(files(below: workspace.appendingPathComponent("archive")).first { $0.pathExtension == "csv"
            && (try? Data(contentsOf: $0)) == original })
        var status = stat()
        #expect(stat(archived.path, &status) == 0 && status.st_nlink == 1)
        #expect(stat(outside.path, &status) == 0 && status.st_nlink == 1)
        // Editing the file outside changes nothing kept.
        try Data("書き換え".utf8).write(to: outside)
        #expect(try Data(contentsOf: archived) == original)
    }
}

/// YAML the workspace reads that would expand without end.
@Suite("YAML alias bombs")
struct YAMLBombTests {
    /// Nine levels of nine aliases each: 9⁹ (387 million) leaves from under 1 KB.
    static let bomb: String = {
        var lines = ["a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            lines.append("a\(level): &a\(level) [" + Array(repeating: previous, count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test("kpi-values.yaml: refused, naming the file; the reports are still made", .timeLimit(.minutes(1)))
    func kpiValues() throws {
        let workspace = try sampleWorkspace()
        try Self.bomb.write(to: workspace.appendingPathComponent("kpi-values.yaml"), atomically: true, encoding: .utf8)
        let result = try kankei(["run", "--workspace", workspace.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("kpi-values.yaml を読まずに") && result.stderr.contains("200000項目を超えます"))
        #expect(try summary(workspace, municipal).respondents == 29)
    }

    @Test("wording.yaml, event.yaml and a definition: refused, naming the file", .timeLimit(.minutes(1)))
    func otherFiles() throws {
        let wording = try sampleWorkspace()
        try Self.bomb.write(to: wording.appendingPathComponent("pipelines/report/wording.yaml"), atomically: true, encoding: .utf8)
        let refused = try kankei(["run", "--workspace", wording.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("wording.yaml") && refused.stderr.contains("200000項目を超えます"))

        let event = try sampleWorkspace(extra: ["\(company)/event.yaml": Array(("title: 題名\n" + Self.bomb).utf8)])
        let result = try kankei(["run", "--workspace", event.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("event.yaml") && result.stderr.contains("200000項目を超えます"))
        #expect(try summary(event, municipal).respondents == 29)

        let definition = try sampleWorkspace()
        try Self.bomb.write(to: definition.appendingPathComponent("pipelines/bomb.yaml"), atomically: true, encoding: .utf8)
        let broken = try kankei(["run", "--workspace", definition.path])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("bomb.yaml") && broken.stderr.contains("200000項目を超えます"))
    }
}

/// Names as long as a file system allows.
@Suite("Long file names")
struct LongNameTests {
    @Test("a survey whose extension is long and an unreadable file whose name fills 253 bytes: archived and quarantined, the rest counted")
    func longNames() throws {
        let survey = try #require(files(below: Repository.samples.appendingPathComponent("inbox/\(municipal)"))
            .first { $0.lastPathComponent.hasPrefix("WEB説明会") })
        let longExtension = "回答." + String(repeating: "c", count: 240)
        let longName = String(repeating: "あ", count: 83) + ".csv"   // 253 bytes: its .error.txt would be 263
        let workspace = try sampleWorkspace(extra: [
            "2022-03-01-long/\(longExtension)": Array(try OverlappingExportTests.export(rows: 20)),
            "2022-03-01-long/\(longName)": Array("a,\"b".utf8),
        ])
        let result = try kankei(["run", "--workspace", workspace.path])
        #expect(result.status == 1)
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        let quarantined = try FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent("quarantine").path)
        #expect(quarantined.count == 2 && quarantined.allSatisfy { $0.utf8.count <= 255 })
        let note = try #require(quarantined.first { $0.hasSuffix(".error.txt") })
        #expect(try text(workspace.appendingPathComponent("quarantine/\(note)")).contains(longName))
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent("archive").path).allSatisfy { $0.utf8.count <= 255 })
        #expect(try summary(workspace, "2022-03-01-long").respondents > 0)
        #expect(try summary(workspace, municipal).respondents == 29)
    }
}

/// The core and the secret: refused with the cause and the remedy before anything moves.
@Suite("The core and its secret")
struct CoreSafetyTests {
    /// A workspace after one run, with a new file waiting in the inbox.
    static func workspaceWithNewFile() throws -> (URL, URL) {
        let workspace = try sampleWorkspace()
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let waiting = workspace.appendingPathComponent("inbox/\(company)/event.yaml")
        try FileManager.default.createDirectory(at: waiting.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "kind: webinar\ntitle: 題名を直した報告会\n".write(to: waiting, atomically: true, encoding: .utf8)
        return (workspace, waiting)
    }

    @Test("a lost or different secret is refused (exit 2) with how to restore it; nothing moves")
    func lostSecret() throws {
        let (workspace, waiting) = try Self.workspaceWithNewFile()
        let secret = workspace.appendingPathComponent(".kankei/secret")
        let original = try Data(contentsOf: secret)
        try FileManager.default.removeItem(at: secret)
        let missing = try kankei(["run", "--workspace", workspace.path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains(".kankei/secret がありません") && missing.stderr.contains("kankei backup"))
        #expect(!FileManager.default.fileExists(atPath: secret.path))
        try Data(repeating: 7, count: 32).write(to: secret)
        let different = try kankei(["run", "--workspace", workspace.path])
        #expect(different.status == 2)
        #expect(different.stderr.contains("鍵と違います"))
        #expect(FileManager.default.fileExists(atPath: waiting.path))
        try original.write(to: secret)
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        #expect(try summary(workspace, company).event.title == "題名を直した報告会")
    }

    @Test("kankei backup copies the core, secret, definitions and KPI values; restored, the figures are the same")
    func backupAndRestore() throws {
        let (workspace, _) = try Self.workspaceWithNewFile()
        let before = try kankei(["core", "stats", "--workspace", workspace.path]).stdout
        let backup = workspace.deletingLastPathComponent().appendingPathComponent("backup-\(UUID().uuidString)")
        let result = try kankei(["backup", "--workspace", workspace.path, "--to", backup.path])
        #expect(result.status == 0)
        for item in ["core.sqlite", ".kankei/secret", "pipelines/kpis.yaml", "kpi-values.yaml"] {
            #expect(FileManager.default.fileExists(atPath: backup.appendingPathComponent(item).path), "\(item)")
        }
        #expect(try kankei(["backup", "--workspace", workspace.path, "--to", backup.path]).status == 2)   // never over a backup
        // Lost: the core and the secret. Restored from the backup.
        for item in ["core.sqlite", ".kankei/secret"] {
            try FileManager.default.removeItem(at: workspace.appendingPathComponent(item))
            try FileManager.default.copyItem(at: backup.appendingPathComponent(item), to: workspace.appendingPathComponent(item))
        }
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        #expect(try kankei(["core", "stats", "--workspace", workspace.path]).stdout == before)
        #expect(before.contains("実人員"))
    }

    @Test("a core from a newer Kankei, with a renamed column or with a damaged page is refused before anything moves", arguments: [
        ("INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')", "新しい版の Kankei"),
        ("ALTER TABLE ledger RENAME COLUMN name TO fileName", "列 name がありません"),
        ("", "壊れている"),
    ])
    func unusableCore(change: String, expected: String) throws {
        let (workspace, waiting) = try Self.workspaceWithNewFile()
        let core = workspace.appendingPathComponent("core.sqlite")
        if change.isEmpty {
            // Overwrite the middle of the file with garbage.
            let handle = try FileHandle(forWritingTo: core)
            let size = try handle.seekToEnd()
            try handle.seek(toOffset: size / 2)
            handle.write(Data(repeating: 0xA5, count: 8192))
            try handle.close()
        } else {
            let database = try DatabaseQueue(path: core.path)
            try database.write { try $0.execute(sql: change) }
            try database.close()
        }
        let result = try kankei(["run", "--workspace", workspace.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: waiting.path))
    }
}

/// Only what was kept is counted: a file that changes or vanishes while it is read.
@Suite("Files that change while read")
struct ChangedWhileReadTests {
    @Test("rows appended, or the file deleted, between reading and archiving: not counted, left for the next run; archive/ holds what was counted under its own hash", arguments: ["append", "delete"])
    func changedWhileRead(change: String) throws {
        let workspace = try sampleWorkspace()
        let survey = try #require(files(below: workspace.appendingPathComponent("inbox/\(municipal)"))
            .first { $0.lastPathComponent.hasPrefix("WEB説明会") })
        // One more answer: the last one again, from another address.
        let last = try #require(try text(survey).components(separatedBy: "\r\n").last { !$0.isEmpty })
        var fields = last.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        fields[1] = "late@example.jp"
        let late = Data((fields.joined(separator: ",") + "\r\n").utf8)
        var options = BatchRun.Options()
        options.afterReading = { event, read in
            guard event == municipal, read.contains(survey) else { return }
            if change == "append" {
                let handle = try? FileHandle(forWritingTo: survey)
                _ = try? handle?.seekToEnd()
                handle?.write(late)
                try? handle?.close()
            } else {
                try? FileManager.default.removeItem(at: survey)
            }
        }
        let report = try BatchRun(workspace: workspace, options: options).run()
        #expect(report.warnings.contains { $0.contains("読んでいる間に書き換わったか消えた") && $0.contains(survey.lastPathComponent) })
        // The event was counted without the survey: no respondents, and nothing of it archived.
        #expect(try summary(workspace, municipal).respondents == 0)
        let archived = files(below: workspace.appendingPathComponent("archive"))
        for file in archived {
            #expect((try? FileDigest.sha256(of: file))?.hex == file.deletingPathExtension().lastPathComponent, "\(file.lastPathComponent)")
        }
        #expect(FileManager.default.fileExists(atPath: survey.path) == (change == "append"))
        #expect(try summary(workspace, company).respondents == 15)
        if change == "append" {
            // The next run reads the whole file: the 29 answers and the late one.
            let next = try BatchRun(workspace: workspace, options: BatchRun.Options()).run()
            #expect(!next.warnings.contains { $0.contains("読んでいる間に") })
            #expect(try summary(workspace, municipal).respondents == 30)
            for file in files(below: workspace.appendingPathComponent("archive")) {
                #expect((try? FileDigest.sha256(of: file))?.hex == file.deletingPathExtension().lastPathComponent)
            }
        }
    }
}

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

/// Many small exports of one survey.
@Suite("Repeated notes")
struct RepeatedNoteTests {
    @Test("twelve one-row exports of an undefined survey: its types inferred once from all twelve rows; the note they share written once, naming three and the count")
    func foldedNotes() throws {
        var extra: [String: [UInt8]] = [:]
        for index in 1...12 {
            extra["2022-02-06-free-survey/回答\(index).csv"] = Array("タイムスタンプ,好きな季節は？\r\n2022/02/06 10:00:\(String(format: "%02d", index)),\(["春", "夏", "秋"][index % 3])\r\n".utf8)
        }
        let workspace = try sampleWorkspace(extra: extra)
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let tabulation = try summary(workspace, "2022-02-06-free-survey")
        #expect(tabulation.respondents == 12)
        let inferred = tabulation.notes.filter { $0.contains("どのアンケート定義") }
        #expect(inferred.count == 1)
        #expect(inferred.first?.contains("ほか計12件のファイル") == true)
        #expect(tabulation.notes.count == 2)
        // The types come from all twelve rows at once, as from one file of twelve rows.
        #expect(tabulation.questions.map(\.type) == [.single])
        #expect(tabulation.questions.first?.options.map(\.count) == [4, 4, 4])
    }
}
