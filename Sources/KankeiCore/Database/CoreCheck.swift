import Foundation
import GRDB

/// Why the core cannot be used as it is, with the remedy (Japanese, for the coordinator).
public enum CoreProblem: Error, CustomStringConvertible, LocalizedError {
    /// Written by a newer Kankei: migrations this version does not know.
    case newer(URL, unknown: [String])
    /// Not a SQLite file, a page that fails the integrity check, or tables not as Kankei made them.
    case damaged(URL, detail: String)

    public var description: String {
        switch self {
        case .newer(let url, let unknown):
            "\(url.lastPathComponent) は新しい版の Kankei で更新されています（この版が知らない変更: \(unknown.joined(separator: "、"))）。"
                + "この版では読み書きしません。新しい版の Kankei で実行してください（scripts/install で更新できます）。"
        case .damaged(let url, let detail):
            "\(url.lastPathComponent) が壊れているか、Kankei の作った形ではありません（\(detail)）。ファイルは何も動かしていません。"
                + "kankei backup で取ったコピーから core.sqlite を戻してから、もう一度実行してください（README「バックアップと復元」）。"
        }
    }

    public var errorDescription: String? { description }
}

/// Checks an existing core before anything is moved or written: only migrations this version
/// knows, pages that pass `PRAGMA quick_check`, and every table with the columns this version's
/// migrations make.
enum CoreCheck {
    static func verify(_ queue: DatabaseQueue, url: URL) throws {
        let migrator = CoreMigrations.migrator
        let (check, applied): (String, [String])
        do {
            (check, applied) = try queue.read { db in
                let check = try String.fetchAll(db, sql: "PRAGMA quick_check").joined(separator: "; ")
                let applied = try db.tableExists("grdb_migrations") ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : []
                return (check, applied)
            }
        } catch {
            throw CoreProblem.damaged(url, detail: "\(error)")
        }
        guard check == "ok" else { throw CoreProblem.damaged(url, detail: "quick_check: \(check.prefix(200))") }
        let unknown = applied.filter { !migrator.migrations.contains($0) }
        guard unknown.isEmpty else { throw CoreProblem.newer(url, unknown: unknown.sorted()) }
    }

    /// Every table and column a fresh core has is in this one.
    static func verifySchema(_ queue: DatabaseQueue, url: URL) throws {
        let fresh = try DatabaseQueue()
        try CoreMigrations.migrator.migrate(fresh)
        let expected = try columns(fresh), actual = try columns(queue)
        for (table, names) in expected.sorted(by: { $0.key < $1.key }) {
            guard let have = actual[table] else { throw CoreProblem.damaged(url, detail: "表 \(table) がありません") }
            if let missing = names.subtracting(have).sorted().first {
                throw CoreProblem.damaged(url, detail: "表 \(table) に列 \(missing) がありません")
            }
        }
    }

    private static func columns(_ queue: DatabaseQueue) throws -> [String: Set<String>] {
        try queue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'")
            var result: [String: Set<String>] = [:]
            for table in tables { result[table] = Set(try db.columns(in: table).map(\.name)) }
            return result
        }
    }
}
