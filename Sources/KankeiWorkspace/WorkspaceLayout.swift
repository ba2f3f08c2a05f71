import Foundation
import KankeiModel

/// The folders and files of a workspace, as DESIGN.md's workspace contract names them.
public struct WorkspaceLayout: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root.standardizedFileURL }

    public var inbox: URL { root.appendingPathComponent("inbox", isDirectory: true) }
    public var archive: URL { root.appendingPathComponent("archive", isDirectory: true) }
    public var quarantine: URL { root.appendingPathComponent("quarantine", isDirectory: true) }
    public var reports: URL { root.appendingPathComponent("reports", isDirectory: true) }
    /// The office's survey definitions, unless `--pipelines` names another folder.
    public var pipelines: URL { root.appendingPathComponent("pipelines", isDirectory: true) }
    /// Kankei's own state: the key behind `PersonKey`s.
    public var state: URL { root.appendingPathComponent(".kankei", isDirectory: true) }
    /// The matching core, which also keeps the ledger of processed files.
    public var core: URL { root.appendingPathComponent("core.sqlite") }
    public var secret: URL { state.appendingPathComponent("secret") }
    /// Parts of zip exports while they are read (they hold answers): owner-only, emptied by each run.
    public var scratch: URL { state.appendingPathComponent("tmp", isDirectory: true) }
    /// Held (flock) by the run in progress: one run at a time.
    public var runLock: URL { state.appendingPathComponent("run.lock") }
    /// KPI values the office enters by hand (ideas proposed, projects started …).
    public var enteredValues: URL { root.appendingPathComponent(EnteredValues.fileName) }

    public func report(for event: String) -> URL { reports.appendingPathComponent(event, isDirectory: true) }

    /// Creates the folders that are missing, readable by the owner only (0700), and removes the
    /// temporary files a stopped run may have left in Kankei's own folders.
    public func prepare() throws {
        for folder in [inbox, archive, quarantine, reports, state] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
    }

    /// Removes what a run stopped mid-write left behind: the zip parts in `.kankei/tmp/` and
    /// `AtomicFile`'s temporary files in reports/, quarantine/, archive/ and .kankei/. Only while
    /// holding the run lock.
    func removeStaleTemporaryFiles() {
        try? FileManager.default.removeItem(at: scratch)
        for folder in [reports, quarantine, archive, state] {
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where AtomicFile.isTemporary(url.lastPathComponent) {
                try? FileManager.default.removeItem(at: url)
            }
        }
    }

    /// The workspace secret, created (32 random bytes, mode 0600) on first use.
    public func loadSecret() throws -> [UInt8] {
        if let data = try? Data(contentsOf: secret), data.count >= 16 { return [UInt8](data) }
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        // Created whole or not at all, and only once: two first runs at the same moment (a run and a
        // core import) must not each keep a different secret. The loser reads the winner's.
        let temporary = state.appendingPathComponent(".secret.\(UUID().uuidString).tmp")
        try AtomicFile.write(Data(bytes), to: temporary)
        defer { try? FileManager.default.removeItem(at: temporary) }
        if link(temporary.path, secret.path) != 0 {
            guard errno == EEXIST, let data = try? Data(contentsOf: secret), data.count >= 16 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: secret.path, "errno": errno])
            }
            return [UInt8](data)
        }
        return bytes
    }
}
