import GRDB
import KankeiModel

/// How one side of one club rated it in one feedback survey: n, satisfaction (top-2 box) and
/// continuation as tenths of a percent, their score, and where they came from. Records are history:
/// a newer survey adds one, nothing is overwritten.
public struct MatchingQuality: Hashable, Sendable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "matchingQuality"

    public var id: Int64?
    public var clubId: String
    public var side: Side
    public var n: Int
    /// Tenths of a percent (1000 = 100.0%).
    public var satisfaction: Int?
    public var continuation: Int?
    /// The mean of the measures present, in tenths of a percent.
    public var score: Int
    public var sourceEvent: String
    /// The sha256 of the files the figures rest on, joined: the same files give the same record.
    public var sourceFiles: String
    public var recordedAt: String

    public init(clubId: String, side: Side, n: Int, satisfaction: Int?, continuation: Int?, sourceEvent: String,
                sourceFiles: String, recordedAt: String) {
        self.clubId = clubId
        self.side = side
        self.n = n
        self.satisfaction = satisfaction
        self.continuation = continuation
        let measures = [satisfaction, continuation].compactMap { $0 }
        score = measures.isEmpty ? 0 : (measures.reduce(0, +) * 2 + measures.count) / (measures.count * 2)
        self.sourceEvent = sourceEvent
        self.sourceFiles = sourceFiles
        self.recordedAt = recordedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
