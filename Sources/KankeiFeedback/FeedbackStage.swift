import KankeiCore
import KankeiModel

/// The feedback stage: an event's `Tabulation` in, matching-quality records in the core out — one
/// per club and side the event's club feedback survey covers (n, satisfaction, continuation, score,
/// the event and its files, the time). The same files give the same record, so running again
/// changes nothing; a newer survey (other files) adds a record beside the old ones.
public struct FeedbackStage {
    /// What one event's feedback did.
    public struct Outcome: Hashable, Sendable {
        public var added: [MatchingQuality] = []
        /// Records already in the core from the same files.
        public var unchanged = 0
        /// Club names in the survey that match no club of the core.
        public var unknownClubs: [String] = []
    }

    private let core: CoreDatabase

    public init(core: CoreDatabase) { self.core = core }

    public func apply(_ tabulation: Tabulation, at time: String) throws -> Outcome {
        var outcome = Outcome()
        let segments = tabulation.segments.filter { $0.club != nil && $0.side != nil }
        guard !segments.isEmpty else { return outcome }
        let catalog = try core.clubCatalog()
        let files = tabulation.event.files.isEmpty ? "event:\(tabulation.event.id)" : tabulation.event.files.joined(separator: ",")
        for segment in segments {
            guard let label = segment.club, let side = segment.side else { continue }
            guard let club = catalog.club(id: label) ?? catalog.club(named: label) else {
                if !outcome.unknownClubs.contains(label) { outcome.unknownClubs.append(label) }
                continue
            }
            let satisfaction = segment.measure(.satisfaction)?.value?.tenths
            let continuation = segment.measure(.continuation)?.value?.tenths
            guard satisfaction != nil || continuation != nil else { continue }
            let record = MatchingQuality(clubId: club.id, side: side, n: segment.respondents, satisfaction: satisfaction,
                                         continuation: continuation, sourceEvent: tabulation.event.id, sourceFiles: files,
                                         recordedAt: time)
            if try core.add(record) { outcome.added.append(record) } else { outcome.unchanged += 1 }
        }
        return outcome
    }
}
