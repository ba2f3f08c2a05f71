import GRDB
import KankeiModel

extension CoreDatabase {
    /// Adds a matching-quality record unless the same club, side and files gave one before.
    /// Returns `true` when it was new.
    @discardableResult
    public func add(_ quality: MatchingQuality) throws -> Bool {
        try write { db in
            var record = quality
            try record.insert(db, onConflict: .ignore)
            return db.changesCount > 0
        }
    }

    /// Every matching-quality record, oldest first.
    public func qualityHistory() throws -> [MatchingQuality] {
        try read { db in try MatchingQuality.order(Column("id")).fetchAll(db) }
    }

    /// The latest record per club and side: the current view of how each club went.
    public func latestQuality() throws -> [MatchingQuality] {
        try read { db in
            try MatchingQuality.fetchAll(db, sql: """
                SELECT * FROM matchingQuality WHERE id IN (SELECT MAX(id) FROM matchingQuality GROUP BY clubId, side)
                ORDER BY clubId, side
                """)
        }
    }
}
