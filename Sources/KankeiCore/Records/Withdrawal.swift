import Foundation
import GRDB

/// A file a coordinator took back out of an event's figures (`kankei withdraw`): its bytes stay in
/// `archive/`, its ledger entry stays, and the event is counted without it from then on.
public struct Withdrawal: Hashable, Sendable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "withdrawals"

    public var id: Int64?
    public var sha256: String
    public var event: String
    public var name: String
    public var at: String

    public init(sha256: String, event: String, name: String, at: String) {
        self.sha256 = sha256
        self.event = event
        self.name = name
        self.at = at
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension CoreDatabase {
    /// Every withdrawal, oldest first.
    public func withdrawals() throws -> [Withdrawal] {
        try read { db in
            guard try db.tableExists(Withdrawal.databaseTableName) else { return [] }
            return try Withdrawal.order(Column("id")).fetchAll(db)
        }
    }

    public func recordWithdrawal(_ withdrawal: Withdrawal) throws {
        try write { db in try withdrawal.insert(db) }
    }
}
