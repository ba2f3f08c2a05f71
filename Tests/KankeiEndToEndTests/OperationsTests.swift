import Foundation
import GRDB
import Testing

/// What a coordinator or an administrator sees around the runs: `kankei status`, the progress bar
/// (on a terminal only), `--verbose` logs, owner-only files, and no personal data anywhere.
@Suite("Status, progress, logs and privacy")
struct OperationsTests {
    @Test("kankei status: waiting files, temporary files, quarantine with the reason, and runs (a killed one shown as 中断)")
    func status() throws {
        let workspace = try sampleWorkspace(extra: ["\(municipal)/画像.csv": Array("%PDF-1.4 not a csv".utf8)])
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 1)
        // A run that was killed: started, never finished.
        let queue = try DatabaseQueue(path: workspace.appendingPathComponent("core.sqlite").path)
        try queue.write { db in try db.execute(sql: "INSERT INTO runs (startedAt, pid) VALUES ('2026-11-23T00:00:00Z', 99999)") }
        let event = workspace.appendingPathComponent("inbox/2022-03-10-next-webinar")
        try FileManager.default.createDirectory(at: event, withIntermediateDirectories: true)
        try Data("タイムスタンプ,ご意見\r\n".utf8).write(to: event.appendingPathComponent("回答.csv"))
        try Data("half".utf8).write(to: event.appendingPathComponent("回答 (1).csv.crdownload"))

        let text = try kankei(["status", "--workspace", workspace.path])
        #expect(text.status == 0)
        #expect(text.stdout.contains("実行中: なし"))
        #expect(text.stdout.contains("inbox で待っているファイル（1件、次の kankei run で処理）"))
        #expect(text.stdout.contains("2022-03-10-next-webinar/回答.csv"))
        #expect(text.stdout.contains("回答 (1).csv.crdownload") && text.stdout.contains("Chromeでダウンロード中のファイル。完成するまで読みません"))
        #expect(text.stdout.contains("画像.csv（イベント \(municipal)）"))
        #expect(text.stdout.contains("このファイルはPDFで"))
        #expect(text.stdout.contains("中断（終了を記録できずに止まりました"))
        #expect(text.stdout.contains("完了（確認が必要な点あり）") && text.stdout.contains("イベント6件・新しいファイル24件"))

        let json = try kankei(["status", "--workspace", workspace.path, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["waiting"] as? [Any])?.count == 2)
        #expect((object["quarantined"] as? [[String: Any]])?.first?["location"] as? String == "ファイル全体")
        #expect((object["runs"] as? [[String: Any]])?.first?["finishedAt"] == nil)
    }

    /// A 9 MB export (long comments) in its own event, alone in the inbox.
    static func largeExport(_ workspace: URL) throws {
        try FileManager.default.removeItem(at: workspace.appendingPathComponent("inbox"))
        let event = workspace.appendingPathComponent("inbox/2022-03-20-large-survey")
        try FileManager.default.createDirectory(at: event, withIntermediateDirectories: true)
        var text = "タイムスタンプ,満足度,ご意見\r\n"
        let comment = String(repeating: "とても参考になりました。", count: 300)
        for row in 0..<900 { text += "2022/03/20 10:\(String(format: "%02d", row / 60)):\(String(format: "%02d", row % 60)),満足,\(comment)\r\n" }
        try text.write(to: event.appendingPathComponent("大規模アンケート.csv"), atomically: true, encoding: .utf8)
    }

    @Test("a progress bar for a long export on a terminal, none when the output is piped")
    func progressBar() throws {
        let piped = try sampleWorkspace(core: false)
        try Self.largeExport(piped)
        let result = try kankei(["run", "--workspace", piped.path])
        #expect(!result.stderr.contains("█") && !result.stderr.contains("\r"))
        #expect(!result.stdout.contains("█"))

        let terminal = try sampleWorkspace(core: false)
        try Self.largeExport(terminal)
        // `script` gives the run a pseudo-terminal, as a coordinator's shell would.
        let command = "\(Repository.binaries.appendingPathComponent("kankei").path) run --workspace \(terminal.path)"
        let shown = try runCommand(onPath("script"), ["-qec", command, "/dev/null"])
        #expect(shown.stdout.contains("█") && shown.stdout.contains("大規模アンケート.csv"))
        #expect(shown.stdout.contains("\r\u{1B}[K"))
    }

    @Test("--verbose: one logfmt line per step, on standard error")
    func verboseLogs() throws {
        let workspace = try sampleWorkspace()
        let quiet = try kankei(["run", "--workspace", workspace.path])
        #expect(!quiet.stderr.contains("level="))
        let again = try sampleWorkspace()
        let verbose = try kankei(["run", "--verbose", "--workspace", again.path])
        let lines = verbose.stderr.split(separator: "\n").filter { $0.hasPrefix("time=") }
        #expect(lines.contains { $0.contains("msg=\"run started\"") })
        #expect(lines.contains { $0.contains("msg=archived") && $0.contains("event=\(municipal)") && $0.contains("format=google-forms-csv") })
        #expect(lines.contains { $0.contains("msg=\"event counted\"") && $0.contains("respondents=29") })
        #expect(lines.contains { $0.contains("msg=\"run finished\"") && $0.contains("files=24") })
        // Logs go to standard error only; standard output is the same summary as without them.
        #expect(!verbose.stdout.contains("level=") && verbose.stdout.contains("6件のイベントのレポートを作成しました"))
    }

    @Test("owner-only workspace (0700 folders, 0600 files); no e-mail address or name in reports, logs or messages")
    func privacy() throws {
        let workspace = try sampleWorkspace(extra: ["\(municipal)/壊れた.csv": Array("a,\"b\r\n".utf8)])
        let result = try kankei(["run", "--verbose", "--workspace", workspace.path])
        #expect(result.status == 1)
        for folder in ["archive", "quarantine", "reports", ".kankei"] {
            let root = workspace.appendingPathComponent(folder)
            var items = [root]
            if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
                items += walker.compactMap { $0 as? URL }
            }
            for item in items {
                let attributes = try FileManager.default.attributesOfItem(atPath: item.path)
                let mode = (attributes[.posixPermissions] as? Int ?? 0o777) & 0o777
                let isFolder = attributes[.type] as? FileAttributeType == .typeDirectory
                #expect(mode == (isFolder ? 0o700 : 0o600), "\(item.path): \(String(mode, radix: 8))")
            }
        }
        let coreMode = try FileManager.default.attributesOfItem(atPath: workspace.appendingPathComponent("core.sqlite").path)[.posixPermissions] as? Int
        #expect(coreMode.map { $0 & 0o777 } == 0o600)

        // Every address and full name in the sample exports.
        var personal: Set<String> = []
        let address = try Regex(#"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#)
        for url in files(below: Repository.samples.appendingPathComponent("inbox")) where url.pathExtension == "csv" {
            let content = try text(url)
            for match in content.matches(of: address) { personal.insert(String(content[match.range])) }
            guard let header = content.split(separator: "\n").firstIndex(where: { $0.hasPrefix("First Name,Last Name") }) else { continue }
            for line in content.split(separator: "\n").dropFirst(header + 1) {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                guard fields.count > 2 else { continue }
                personal.insert("\(fields[1])\(fields[0])")
                personal.insert("\(fields[1]) \(fields[0])")
            }
        }
        #expect(personal.count > 100)
        var outputs = [("stdout", result.stdout), ("stderr and logs", result.stderr)]
        for folder in ["reports", "quarantine"] {
            for url in files(below: workspace.appendingPathComponent(folder)) where ["html", "md", "json", "csv", "txt"].contains(url.pathExtension)
                && !url.path.contains("/quarantine/壊れた.csv") {
                outputs.append((url.lastPathComponent, try text(url)))
            }
        }
        #expect(outputs.count > 20)
        for (name, content) in outputs {
            let leaked = personal.filter { content.contains($0) }
            #expect(leaked.isEmpty, "\(name) holds \(leaked.sorted().prefix(3))")
        }
    }
}
