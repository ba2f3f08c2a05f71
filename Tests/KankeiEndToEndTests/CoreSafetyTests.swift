import Foundation
import GRDB
import KankeiIngest
import KankeiWorkspace
import Testing

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
