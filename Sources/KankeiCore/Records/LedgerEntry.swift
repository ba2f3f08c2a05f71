import GRDB

/// One file a run has read: which event it belongs to, how it was read and where its bytes are kept
/// in `archive/`. A file whose sha256 was processed is never counted again.
public struct LedgerEntry: Hashable, Sendable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "ledger"

    public enum Outcome: String, Hashable, Sendable, Codable {
        /// Read and counted (or, for `event.yaml`, applied).
        case processed
        /// The same bytes as a file already processed: archived, not counted.
        case duplicate
    }

    public var id: Int64?
    public var sha256: String
    public var event: String
    /// The name the coordinator gave the file.
    public var name: String
    /// The export format, or `event-settings` for `event.yaml`.
    public var format: String
    /// Path of the archived copy, relative to `archive/`.
    public var archived: String
    public var outcome: Outcome
    /// ISO 8601 time of the run.
    public var at: String

    public init(sha256: String, event: String, name: String, format: String, archived: String, outcome: Outcome, at: String) {
        self.sha256 = sha256
        self.event = event
        self.name = name
        self.format = format
        self.archived = archived
        self.outcome = outcome
        self.at = at
    }
}

extension CoreDatabase {
    /// Every ledger entry, oldest first.
    public func ledgerEntries() throws -> [LedgerEntry] {
        try read { db in try LedgerEntry.order(Column("id")).fetchAll(db) }
    }

    /// Appends entries in one transaction: all are durable once this returns, or none is.
    /// Appends entries in one transaction. A file counted in an event again (its bytes dropped
    /// there after it was withdrawn) is no longer withdrawn from it.
    public func appendLedger(_ entries: [LedgerEntry]) throws {
        try write { db in
            for entry in entries {
                try entry.insert(db)
                guard entry.outcome == .processed, try db.tableExists(Withdrawal.databaseTableName) else { continue }
                try db.execute(sql: "DELETE FROM withdrawals WHERE sha256 = ? AND event = ?", arguments: [entry.sha256, entry.event])
            }
        }
    }
}
