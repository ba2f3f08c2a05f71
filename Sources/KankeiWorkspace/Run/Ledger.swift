import Foundation
import KankeiCore

/// The record of every file a run has read (the core's `ledger` table): which event it belongs to
/// and where its bytes are kept in `archive/`. A file whose sha256 is here is never counted again.
/// An event's entries are written in one SQLite transaction, so a run killed mid-write leaves them
/// all or none.
struct Ledger {
    typealias Entry = LedgerEntry

    static let eventSettingsFormat = "event-settings"

    private let core: CoreDatabase
    private(set) var entries: [Entry]
    private var processed: [String: Entry] = [:]
    /// What makes two entries the same (file, event, name, outcome), for `contains`.
    private var recorded: Set<[String]> = []

    init(core: CoreDatabase) throws {
        self.core = core
        entries = try core.ledgerEntries()
        for entry in entries {
            recorded.insert(Self.identity(entry))
            if entry.outcome == .processed && processed[entry.sha256] == nil { processed[entry.sha256] = entry }
        }
    }

    func processedEntry(sha256: String) -> Entry? { processed[sha256] }

    /// Every processed file, once.
    var processedEntries: Dictionary<String, Entry>.Values { processed.values }

    /// The event's processed files, each once, oldest first (so the latest `event.yaml` is last).
    func files(of event: String) -> [Entry] {
        var seen: Set<String> = []
        return entries.filter { $0.event == event && $0.outcome == .processed && seen.insert($0.sha256).inserted }
    }

    /// `true` when this very entry (same file, event, name and outcome) is already recorded: an
    /// interrupted run wrote it and the next one is finishing the move.
    func contains(_ entry: Entry) -> Bool { recorded.contains(Self.identity(entry)) }

    private static func identity(_ entry: Entry) -> [String] {
        [entry.sha256, entry.event, entry.name, entry.outcome.rawValue]
    }

    mutating func append(_ new: [Entry]) throws {
        guard !new.isEmpty else { return }
        try core.appendLedger(new)
        for entry in new {
            entries.append(entry)
            recorded.insert(Self.identity(entry))
            if entry.outcome == .processed, processed[entry.sha256] == nil { processed[entry.sha256] = entry }
        }
    }
}
