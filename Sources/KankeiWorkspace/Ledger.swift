import Foundation
import KankeiModel

/// The record of every file a run has read: which event it belongs to and where its bytes are
/// kept in `archive/`. A file whose sha256 is here is never counted again.
struct Ledger {
    struct Entry: Codable, Hashable {
        enum Outcome: String, Codable {
            /// Read and counted (or, for `event.yaml`, applied).
            case processed
            /// The same bytes as a file already processed: archived, not counted.
            case duplicate
        }

        var sha256: String
        var event: String
        /// The name the coordinator gave the file.
        var name: String
        /// The export format, or `event-settings` for `event.yaml`.
        var format: String
        /// Path of the archived copy, relative to `archive/`.
        var archived: String
        var outcome: Outcome
        /// ISO 8601 time of the run.
        var at: String
    }

    static let eventSettingsFormat = "event-settings"

    private(set) var entries: [Entry] = []
    private var processed: [String: Entry] = [:]
    let url: URL

    init(url: URL) throws {
        self.url = url
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        for entry in JSONLinesReader(handle: handle, as: Entry.self) { remember(entry) }
    }

    func processedEntry(sha256: String) -> Entry? { processed[sha256] }

    /// The event's processed files, oldest first (the latest `event.yaml` last among its kind).
    func files(of event: String) -> [Entry] {
        entries.filter { $0.event == event && $0.outcome == .processed }
    }

    mutating func append(_ entry: Entry) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let line = try encoder.encode(entry) + Data("\n".utf8)
        if !FileManager.default.fileExists(atPath: url.path) {
            _ = FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: line)
        try handle.synchronize()
        remember(entry)
    }

    private mutating func remember(_ entry: Entry) {
        entries.append(entry)
        if entry.outcome == .processed, processed[entry.sha256] == nil { processed[entry.sha256] = entry }
    }
}
