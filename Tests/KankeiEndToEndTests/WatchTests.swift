import Foundation
import GRDB
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `kankei watch` with files dropped slowly, a download in progress, an Office lock file and a bad
/// file: each complete file is processed exactly once, never half-written, and watching goes on.
@Suite("kankei watch")
struct WatchTests {
    static func ledger(_ workspace: URL) throws -> [(name: String, outcome: String)] {
        let path = workspace.appendingPathComponent("core.sqlite").path
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)   // the watcher may be writing
        configuration.readonly = true
        return try DatabaseQueue(path: path, configuration: configuration).read { db in
            try Row.fetchAll(db, sql: "SELECT name, outcome FROM ledger ORDER BY id").map { ($0["name"], $0["outcome"]) }
        }
    }

    /// Waits until `done` holds, up to `seconds`.
    static func wait(_ seconds: Double, until done: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try done() { return true }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return try done()
    }

    @Test("files dropped slowly and a temp file: each complete file processed once, the temp file left, a bad file quarantined, watching goes on")
    func watchesTheInbox() throws {
        let workspace = try sampleWorkspace()
        let samples = workspace.appendingPathComponent("samples-aside")
        try FileManager.default.moveItem(at: workspace.appendingPathComponent("inbox"), to: samples)
        let event = workspace.appendingPathComponent("inbox/\(municipal)")
        try FileManager.default.createDirectory(at: event, withIntermediateDirectories: true)

        let watcher = Process()
        watcher.executableURL = Repository.binaries.appendingPathComponent("kankei")
        watcher.arguments = ["watch", "--workspace", workspace.path, "--interval", "0.2", "--settle", "3"]
        let out = Pipe(), err = Pipe()
        watcher.standardOutput = out
        watcher.standardError = err
        try watcher.run()
        defer { if watcher.isRunning { kill(watcher.processIdentifier, SIGKILL) } }

        let originals = files(below: samples.appendingPathComponent(municipal)).sorted { $0.path < $1.path }
        #expect(originals.count == 3)
        // A download in progress and Excel's lock file sit in the event folder the whole time.
        let partial = event.appendingPathComponent("回答.xlsx.crdownload")
        try Data("PK\u{3}\u{4} half a download".utf8).write(to: partial)
        let lock = event.appendingPathComponent("~$回答.xlsx")
        try Data([0x00, 0x01, 0x02]).write(to: lock)

        // Firefox's empty placeholder beside its .part: not a file yet.
        let placeholder = event.appendingPathComponent("名簿.csv")
        try Data().write(to: placeholder)
        try Data("half of a list".utf8).write(to: event.appendingPathComponent("名簿.csv.part"))

        // The survey arrives in four pieces 0.5 s apart, each well inside the settle time.
        let survey = try #require(originals.first { $0.lastPathComponent.hasPrefix("WEB説明会") })
        let bytes = try Data(contentsOf: survey)
        let target = event.appendingPathComponent(survey.lastPathComponent)
        FileManager.default.createFile(atPath: target.path, contents: nil)
        let handle = try FileHandle(forWritingTo: target)
        let quarter = bytes.count / 4
        for piece in 0..<4 {
            handle.write(bytes.subdata(in: (piece * quarter)..<(piece == 3 ? bytes.count : (piece + 1) * quarter)))
            Thread.sleep(forTimeInterval: 0.5)
        }
        try handle.close()
        // A bad file in the middle, then the Zoom reports.
        try Data("\u{89}PNG\r\n\u{1A}\n not an export".utf8).write(to: event.appendingPathComponent("スクリーンショット.csv"))
        #expect(try Self.wait(20) { try Self.ledger(workspace).count == 1 })
        for report in originals where report != survey {
            try FileManager.default.copyItem(at: report, to: event.appendingPathComponent(report.lastPathComponent))
            Thread.sleep(forTimeInterval: 0.3)
        }
        #expect(try Self.wait(20) { try Self.ledger(workspace).count == 3 })
        // The same survey downloaded again later: archived as a duplicate, counted once.
        try FileManager.default.copyItem(at: survey, to: event.appendingPathComponent("再ダウンロード.csv"))
        #expect(try Self.wait(20) { try Self.ledger(workspace).count == 4 })
        Thread.sleep(forTimeInterval: 1.0)

        kill(watcher.processIdentifier, SIGTERM)
        watcher.waitUntilExit()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(watcher.terminationStatus == 0)
        #expect(stdout.contains("終了しました"))

        let ledger = try Self.ledger(workspace)
        let processed = ledger.filter { $0.outcome == "processed" }.map(\.name).sorted()
        #expect(processed == originals.map(\.lastPathComponent).sorted(), "each file processed exactly once")
        #expect(ledger.filter { $0.outcome == "duplicate" }.map(\.name) == ["再ダウンロード.csv"])
        // The whole survey was read, never a piece of it.
        let tabulation = try summary(workspace, municipal)
        #expect(tabulation.respondents == 29 && tabulation.event.registrants == 106 && tabulation.event.attendees == 81)
        #expect(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("quarantine/スクリーンショット.csv").path))
        let explanations = try FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent("quarantine").path)
            .filter { $0.hasSuffix(".error.txt") }
        #expect(explanations == ["スクリーンショット.csv.error.txt"])
        // The temporary files are untouched, still waiting for their tools to finish.
        #expect(try Data(contentsOf: partial) == Data("PK\u{3}\u{4} half a download".utf8))
        #expect(try Data(contentsOf: lock) == Data([0x00, 0x01, 0x02]))
        #expect(FileManager.default.fileExists(atPath: placeholder.path))
        // Each batch is a run of its own.
        let status = try kankei(["status", "--workspace", workspace.path, "--json"])
        let runs = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        #expect(((runs?["runs"] as? [Any])?.count ?? 0) >= 3)
    }
}
