import Foundation
import GRDB

/// One `kankei run` (or one batch of `kankei watch`) as `kankei status` lists it. A run without
/// `finishedAt` is still running, or was stopped (killed, machine off) before it finished; the next
/// run finishes its work.
public struct RunRecord: Hashable, Sendable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "runs"

    public var id: Int64?
    public var startedAt: String
    public var finishedAt: String?
    public var pid: Int
    public var events = 0
    /// New files counted.
    public var files = 0
    public var duplicates = 0
    public var quarantined = 0
    public var warnings = 0
    public var exitCode: Int?

    public init(startedAt: String, pid: Int) {
        self.startedAt = startedAt
        self.pid = pid
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension CoreDatabase {
    /// Records a run's start; returns it with its id, to be finished with `finishRun`.
    public func startRun(at time: String, pid: Int) throws -> RunRecord {
        try write { db in
            var run = RunRecord(startedAt: time, pid: pid)
            try run.insert(db)
            return run
        }
    }

    public func finishRun(_ run: RunRecord) throws {
        try write { db in try run.update(db) }
    }

    /// The latest runs, newest first.
    public func recentRuns(limit: Int) throws -> [RunRecord] {
        try read { db in try RunRecord.order(Column("id").desc).limit(limit).fetchAll(db) }
    }
}
