import Foundation
import GRDB

/// The matching core: `workspace/core.sqlite`, a SQLite file (readable with `sqlite3`) that keeps
/// the organisations, clubs and their rosters, every event with its sessions and attendance, the
/// ledger of processed files, each event's figures over time and the matching-quality history.
/// People appear only as `PersonKey`s (keyed hashes of their addresses); no address is stored.
public final class CoreDatabase: Sendable {
    public static let fileName = "core.sqlite"

    let queue: DatabaseQueue
    public let url: URL

    /// Opens (creating when missing, owner-only) and migrates the core at `url`.
    public init(url: URL) throws {
        self.url = url
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        let isNew = !FileManager.default.fileExists(atPath: url.path)
        do {
            queue = try DatabaseQueue(path: url.path, configuration: configuration)
        } catch {
            throw CoreProblem.damaged(url, detail: "\(error)")
        }
        if isNew { try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path) }
        if !isNew { try CoreCheck.verify(queue, url: url) }
        try CoreMigrations.migrator.migrate(queue)
        if !isNew { try CoreCheck.verifySchema(queue, url: url) }
    }

    /// Opens an existing core as it is, without migrating it (`kankei status`, which only reads).
    /// Not a read-only connection: after a run was killed mid-transaction, SQLite must roll the
    /// leftover journal back before anything can be read, and only a writer may.
    public init(withoutMigrating url: URL) throws {
        self.url = url
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        queue = try DatabaseQueue(path: url.path, configuration: configuration)
    }

    /// `true` when the core has the table (an older core may lack one a newer Kankei adds).
    public func hasTable(_ name: String) throws -> Bool {
        try read { db in try db.tableExists(name) }
    }

    /// A core in memory, for tests and dry runs.
    public init() throws {
        url = URL(fileURLWithPath: "/dev/null")
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        queue = try DatabaseQueue(configuration: configuration)
        try CoreMigrations.migrator.migrate(queue)
    }

    /// The names of the core's tables, as `sqlite3 core.sqlite .tables` lists them.
    public func tableNames() throws -> [String] {
        try queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name")
        }
    }

    /// A consistent copy of the core at `destination` (SQLite's online backup API: safe while a
    /// run writes), owner-only.
    public func backup(to destination: URL) throws {
        let copy = try DatabaseQueue(path: destination.path)
        try queue.backup(to: copy)
        try copy.close()
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: destination.path)
    }

    /// The stored check value of the workspace secret; `nil` before the first run records it.
    public func secretFingerprint() throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT fingerprint FROM secretCheck WHERE id = 1") }
    }

    public func recordSecretFingerprint(_ fingerprint: String) throws {
        try write { db in try db.execute(sql: "INSERT OR REPLACE INTO secretCheck (id, fingerprint) VALUES (1, ?)", arguments: [fingerprint]) }
    }

    /// `true` when the core holds person hashes made with the workspace secret (rosters,
    /// attendance): without that secret they no longer link to anyone.
    public func holdsPersonKeys() throws -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM clubMembers) OR EXISTS (SELECT 1 FROM participants)") ?? false
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T { try queue.read(body) }
    func write<T>(_ body: (Database) throws -> T) throws -> T { try queue.write(body) }
}
