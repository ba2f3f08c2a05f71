import Foundation
import KankeiModel

/// The record of every file a run has read: which event it belongs to and where its bytes are
/// kept in `archive/`. A file whose sha256 is here is never counted again.
///
/// One JSON object per line, appended and synced. A line that does not read (a run killed in the
/// middle of writing it) is skipped and counted in `unreadableLines`, never the end of the history;
/// the next append starts on a fresh line.
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
    /// Lines that could not be read as an entry.
    private(set) var unreadableLines = 0
    let url: URL

    init(url: URL) throws {
        self.url = url
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let decoder = JSONDecoder()
        for line in LineReader(handle: handle) where !line.isEmpty {
            if let entry = try? decoder.decode(Entry.self, from: line) { remember(entry) } else { unreadableLines += 1 }
        }
    }

    func processedEntry(sha256: String) -> Entry? { processed[sha256] }

    /// The event's processed files, each once, oldest first (so the latest `event.yaml` is last).
    func files(of event: String) -> [Entry] {
        var seen: Set<String> = []
        return entries.filter { $0.event == event && $0.outcome == .processed && seen.insert($0.sha256).inserted }
    }

    mutating func append(_ entry: Entry) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let line = try encoder.encode(entry) + Data("\n".utf8)
        if !FileManager.default.fileExists(atPath: url.path) {
            _ = FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let handle = try FileHandle(forUpdating: url)
        defer { try? handle.close() }
        let end = try handle.seekToEnd()
        var bytes = line
        if end > 0 {
            try handle.seek(toOffset: end - 1)
            if handle.readData(ofLength: 1) != Data([0x0A]) { bytes = Data([0x0A]) + bytes }
            try handle.seekToEnd()
        }
        try handle.write(contentsOf: bytes)
        try handle.synchronize()
        remember(entry)
    }

    private mutating func remember(_ entry: Entry) {
        entries.append(entry)
        if entry.outcome == .processed, processed[entry.sha256] == nil { processed[entry.sha256] = entry }
    }
}
