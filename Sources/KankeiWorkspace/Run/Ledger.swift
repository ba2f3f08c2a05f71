import Foundation
import KankeiCore

/// The record of every file a run has read (the core's `ledger` table): which event it belongs to
/// and where its bytes are kept in `archive/`. A file whose sha256 an event's entries hold is never
/// counted again in that event (until it is withdrawn from it).
/// An event's entries are written in one SQLite transaction, so a run killed mid-write leaves them
/// all or none.
struct Ledger {
    typealias Entry = LedgerEntry

    static let eventSettingsFormat = "event-settings"

    private let core: CoreDatabase
    private(set) var entries: [Entry]
    private var processed: [String: Entry] = [:]
    /// The processed entry of each (sha256, event).
    private var processedInEvent: [[String]: Entry] = [:]
    /// What makes two entries the same (file, event, name, outcome), for `contains`.
    private var recorded: Set<[String]> = []

    /// (sha256, event) of every withdrawn file: no longer one of the event's files.
    private var withdrawn: Set<[String]> = []

    init(core: CoreDatabase) throws {
        self.core = core
        withdrawn = Set(try core.withdrawals().map { [$0.sha256, $0.event] })
        entries = try core.ledgerEntries()
        for entry in entries {
            index(entry)
        }
    }

    func processedEntry(sha256: String) -> Entry? { processed[sha256] }

    /// The entry of `sha256` among `event`'s own files: the duplicate rule is per event, so the
    /// same bytes dropped into another event (a misfiled export moved) count there too.
    func processedEntry(sha256: String, event: String) -> Entry? {
        withdrawn.contains([sha256, event]) ? nil : processedInEvent[[sha256, event]]
    }

    /// Every processed file, once.
    var processedEntries: Dictionary<String, Entry>.Values { processed.values }

    /// The event's processed files, each once, oldest first (so the latest `event.yaml` is last).
    func files(of event: String) -> [Entry] {
        var seen: Set<String> = []
        return entries.filter { $0.event == event && $0.outcome == .processed && !withdrawn.contains([$0.sha256, event])
            && seen.insert($0.sha256).inserted }
    }

    /// Takes the event's file named `selector` (its name, or the start of its sha256) out of the
    /// event's files; the entry it was. Its last file too: the run then takes the event out.
    mutating func withdraw(_ selector: String, event: String, at time: String) throws -> Entry {
        let candidates = files(of: event).filter { $0.format != Self.eventSettingsFormat }
        let matches = candidates.filter { $0.name == selector || (selector.count >= 6 && $0.sha256.hasPrefix(selector.lowercased())) }
        guard matches.count == 1, let entry = matches.first else {
            let known = candidates.map { "\($0.name)（\($0.sha256.prefix(12))）" }.joined(separator: "、")
            throw WorkspaceError(message: (matches.isEmpty ? "イベント「\(event)」に「\(selector)」というファイルはありません。"
                : "「\(selector)」に当たるファイルが\(matches.count)件あります。sha256 の先頭をもっと長く指定してください。")
                + (known.isEmpty ? "" : "このイベントのファイル: \(known)"))
        }
        try core.recordWithdrawal(Withdrawal(sha256: entry.sha256, event: event, name: entry.name, at: time))
        withdrawn.insert([entry.sha256, event])
        return entry
    }

    /// `true` when this very entry (same file, event, name and outcome) is already recorded: an
    /// interrupted run wrote it and the next one is finishing the move. A withdrawn file dropped
    /// back is recorded again.
    func contains(_ entry: Entry) -> Bool {
        recorded.contains(Self.identity(entry)) && !withdrawn.contains([entry.sha256, entry.event])
    }

    private static func identity(_ entry: Entry) -> [String] {
        [entry.sha256, entry.event, entry.name, entry.outcome.rawValue]
    }

    private mutating func index(_ entry: Entry) {
        recorded.insert(Self.identity(entry))
        guard entry.outcome == .processed else { return }
        if processed[entry.sha256] == nil { processed[entry.sha256] = entry }
        if processedInEvent[[entry.sha256, entry.event]] == nil { processedInEvent[[entry.sha256, entry.event]] = entry }
    }

    mutating func append(_ new: [Entry]) throws {
        guard !new.isEmpty else { return }
        try core.appendLedger(new)
        for entry in new {
            entries.append(entry)
            index(entry)
            if entry.outcome == .processed { withdrawn.remove([entry.sha256, entry.event]) }
        }
    }
}
