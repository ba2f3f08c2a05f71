import Foundation
import KankeiCore
import KankeiModel

/// `kankei backup`: what a workspace cannot be rebuilt without — the core (copied with SQLite's
/// backup API, consistent even while a run is going on), the secret behind every person hash,
/// the definitions and templates, and the KPI values entered by hand — into a new, owner-only
/// folder. `archive/` (every file read, by its hash) is not copied: it is large, and is best
/// kept by the office's ordinary file backup.
public enum WorkspaceBackup {
    /// What was copied, by its path inside the backup folder.
    public struct Summary: Sendable {
        public var folder: URL
        public var items: [String]
    }

    public static func run(workspace: URL, to folder: URL) throws -> Summary {
        let layout = WorkspaceLayout(root: workspace)
        guard FileManager.default.fileExists(atPath: layout.core.path) else {
            throw WorkspaceError(message: "\(layout.core.path) がありません。--workspace でワークスペースを指定してください。")
        }
        if let existing = try? FileManager.default.contentsOfDirectory(atPath: folder.path), !existing.isEmpty {
            throw WorkspaceError(message: "\(folder.path) は空ではありません。上書きしないよう、新しいフォルダを --to で指定してください。")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var items: [String] = []
        do {
            try CoreDatabase(withoutMigrating: layout.core).backup(to: folder.appendingPathComponent(CoreDatabase.fileName))
        } catch {
            throw WorkspaceError(message: "コア \(layout.core.path) を写せませんでした（\(error.localizedDescription)）。")
        }
        items.append(CoreDatabase.fileName)
        for (source, name) in [(layout.secret, ".kankei/secret"), (layout.pipelines, "pipelines"), (layout.enteredValues, EnteredValues.fileName)]
        where FileManager.default.fileExists(atPath: source.path) {
            let target = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            try FileManager.default.copyItem(at: source, to: target)
            items.append(name)
        }
        return Summary(folder: folder, items: items)
    }
}
