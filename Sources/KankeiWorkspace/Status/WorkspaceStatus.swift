import Foundation
import KankeiCore

/// `kankei status`: what waits in the inbox, what sits in quarantine and why, and the last runs.
/// Reads only: it neither takes the run lock nor creates or migrates anything (a journal a killed
/// run left is rolled back, as any SQLite reader must).
public struct WorkspaceStatus: Sendable, Codable {
    /// A file in the inbox that no run has taken yet.
    public struct WaitingFile: Sendable, Codable {
        /// Path below `inbox/`.
        public var path: String
        public var bytes: Int
        public var modified: String
        /// What a temporary file is (Japanese); `nil` for a file the next run reads.
        public var temporary: String?
    }

    /// A quarantined file and the explanation beside it.
    public struct QuarantinedFile: Sendable, Codable {
        public var name: String
        public var event: String?
        public var location: String
        public var problem: String
        public var remedy: String
        public var quarantinedAt: String
    }

    public var workspace: String
    /// The run holding the workspace now, described in Japanese, or `nil`.
    public var running: String?
    /// That run's process id.
    public var runningPID: Int?
    public var waiting: [WaitingFile]
    public var quarantined: [QuarantinedFile]
    /// Files taken out of an event's figures (`kankei withdraw`), oldest first.
    public var withdrawn: [Withdrawal] = []
    /// The latest runs, newest first.
    public var runs: [RunRecord]

    public static func read(workspace: URL, runs limit: Int = 5) throws -> WorkspaceStatus {
        let layout = WorkspaceLayout(root: workspace)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: layout.root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WorkspaceError(message: "ワークスペース \(layout.root.path) がありません。--workspace でフォルダを指定してください。")
        }
        var runs: [RunRecord] = []
        var withdrawn: [Withdrawal] = []
        if FileManager.default.fileExists(atPath: layout.core.path) {
            do {
                let core = try CoreDatabase(withoutMigrating: layout.core)
                // A core from before runs were recorded has none to list.
                if try core.hasTable("runs") { runs = try core.recentRuns(limit: limit) }
                withdrawn = try core.withdrawals()
            } catch {
                throw WorkspaceError(message: "コア \(layout.core.path) を読めませんでした（\(error.localizedDescription)）。別の kankei が書き込み中なら、終わってからもう一度実行してください。")
            }
        }
        let holder = RunLock.holder(layout)
        return WorkspaceStatus(workspace: layout.root.path, running: holder?.description, runningPID: holder?.pid,
                               waiting: waiting(layout), quarantined: quarantined(layout), withdrawn: withdrawn, runs: runs)
    }

    private static func waiting(_ layout: WorkspaceLayout) -> [WaitingFile] {
        guard let walker = FileManager.default.enumerator(at: layout.inbox, includingPropertiesForKeys: nil) else { return [] }
        var siblings: [URL: Set<String>] = [:]   // each folder's names, listed once
        return walker.compactMap { $0 as? URL }.compactMap { url -> WaitingFile? in
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
                  attributes[.type] as? FileAttributeType != .typeDirectory else { return nil }
            let path = String(url.standardizedFileURL.path.dropFirst(layout.inbox.path.count + 1))
            let folder = url.deletingLastPathComponent()
            let names = siblings[folder] ?? Set((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            siblings[folder] = names
            return WaitingFile(path: path, bytes: attributes[.size] as? Int ?? 0,
                               modified: timestamp(attributes[.modificationDate] as? Date),
                               temporary: InboxListing.temporaryKind(of: url.lastPathComponent, in: folder, siblings: names))
        }.sorted { $0.path < $1.path }
    }

    private static func quarantined(_ layout: WorkspaceLayout) -> [QuarantinedFile] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: layout.quarantine.path)) ?? []
        return names.filter { $0.hasSuffix(Quarantine.explanationSuffix) }.sorted().compactMap { name in
            let explanation = layout.quarantine.appendingPathComponent(name)
            let file = String(name.dropLast(Quarantine.explanationSuffix.count))
            guard FileManager.default.fileExists(atPath: layout.quarantine.appendingPathComponent(file).path),
                  let text = try? String(contentsOf: explanation, encoding: .utf8) else { return nil }
            var fields: [String: String] = [:]
            for line in text.split(separator: "\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let key = String(line[..<colon])
                if fields[key] == nil { fields[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces) }
            }
            let modified = (try? FileManager.default.attributesOfItem(atPath: explanation.path))?[.modificationDate] as? Date
            return QuarantinedFile(name: file, event: fields["イベント"], location: fields["場所"] ?? "", problem: fields["問題"] ?? "",
                                   remedy: fields["対処"] ?? "", quarantinedAt: timestamp(modified))
        }
    }

    private static func timestamp(_ date: Date?) -> String {
        date.map { ISO8601DateFormatter().string(from: $0) } ?? ""
    }
}
