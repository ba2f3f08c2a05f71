import GRDB
import KankeiModel

extension CoreDatabase {
    /// Adds a matching-quality record unless the same club, side and files gave one before.
    /// Returns `true` when it was new.
    @discardableResult
    public func add(_ quality: MatchingQuality) throws -> Bool {
        // Looked up first rather than `INSERT OR IGNORE`: an ignored insert still uses up an id, and
        // ids order the history (the latest record is the current view), so a repeated run must not
        // move them.
        try write { db in
            let known = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM matchingQuality WHERE clubId = ? AND side = ? AND sourceFiles = ?)
                """, arguments: [quality.clubId, quality.side.rawValue, quality.sourceFiles]) ?? false
            guard !known else { return false }
            var record = quality
            try record.insert(db)
            return true
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
