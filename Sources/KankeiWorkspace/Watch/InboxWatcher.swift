import Foundation

/// `kankei watch`: runs the batch as files arrive, each file once it is complete.
///
/// The inbox is polled every `interval` seconds. A file is complete when its size and modification
/// time have not changed for `settle` seconds; temporary files (downloads in progress, Office lock
/// files) are never taken. Each batch is an ordinary run over the complete files only (the others
/// stay untouched), holding the workspace's lock like `kankei run`. A bad file is quarantined by the
/// run and watching goes on. A file a batch left in place (unreadable for now), or a batch that could
/// not run at all (a definition being edited, the core busy), is tried again after 10 s, then 20 s,
/// 40 s … up to 5 minutes, and at once when the file changes.
public final class InboxWatcher {
    public struct Options: Sendable {
        public var interval: TimeInterval = 2
        public var settle: TimeInterval = 5
        /// The options of each batch (`only` is set by the watcher).
        public var run = BatchRun.Options()

        public init() {}
    }

    /// What the watcher reports as it goes.
    public enum Event {
        /// A batch ran over these files (workspace-relative paths).
        case batch(files: [String], report: RunReport)
        /// A batch could not run (the definitions or templates are broken, the workspace unwritable).
        case failed(files: [String], message: String)
    }

    private struct Observation {
        var size: Int
        var modified: Date
        var stableSince: Date
        /// Batches that already had this version of the file and left it in place.
        var attempts = 0
        var retryAt: Date?
    }

    static let firstRetry: TimeInterval = 10
    static let lastRetry: TimeInterval = 300

    private let layout: WorkspaceLayout
    private let options: Options
    private var observed: [String: Observation] = [:]

    public init(workspace: URL, options: Options = Options()) {
        layout = WorkspaceLayout(root: workspace)
        self.options = options
    }

    /// Polls and runs batches until `shouldStop` returns `true` (checked between polls).
    public func watch(shouldStop: () -> Bool, onEvent: (Event) -> Void) {
        while !shouldStop() {
            let ready = poll(now: Date())
            if !ready.isEmpty { runBatch(ready, onEvent: onEvent) }
            var slept = 0.0
            while slept < options.interval, !shouldStop() {
                Thread.sleep(forTimeInterval: min(0.1, options.interval))
                slept += 0.1
            }
        }
    }

    /// Looks at the inbox once; returns the complete files not yet tried (absolute paths).
    func poll(now: Date) -> Set<String> {
        var seen: Set<String> = []
        var ready: Set<String> = []
        for url in candidates() {
            let path = url.standardizedFileURL.path
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  let size = attributes[.size] as? Int, let modified = attributes[.modificationDate] as? Date else { continue }
            seen.insert(path)
            if let known = observed[path], known.size == size, known.modified == modified {
                if now.timeIntervalSince(known.stableSince) >= options.settle, known.retryAt.map({ now >= $0 }) ?? true {
                    ready.insert(path)
                }
            } else {
                observed[path] = Observation(size: size, modified: modified, stableSince: now)
            }
        }
        observed = observed.filter { seen.contains($0.key) }
        return ready
    }

    /// The inbox's files: in event folders at any depth, and loose ones (which the run quarantines).
    private func candidates() -> [URL] {
        InboxListing.list(layout.inbox).flatMap { entry -> [URL] in
            switch entry.kind {
            case .file: return [entry.url]
            case .directory:
                return InboxListing.listBelow(entry.url).compactMap { if case .file = $0.kind { return $0.url } else { return nil } }
            case .other: return []
            }
        }
    }

    private func runBatch(_ ready: Set<String>, onEvent: (Event) -> Void) {
        var run = options.run
        run.only = ready
        let names = ready.sorted().map { String($0.dropFirst(layout.root.path.count + 1)) }
        do {
            let report = try BatchRun(workspace: layout.root, options: run).run()
            onEvent(.batch(files: names, report: report))
        } catch let error as WorkspaceError {
            onEvent(.failed(files: names, message: error.message))
        } catch {
            onEvent(.failed(files: names, message: "\(error)"))
        }
        // What is still there was left by the batch: try again later, waiting longer each time.
        let now = Date()
        for path in ready where FileManager.default.fileExists(atPath: path) {
            guard var observation = observed[path] else { continue }
            observation.attempts += 1
            observation.retryAt = now.addingTimeInterval(min(Self.lastRetry, Self.firstRetry * Double(1 << min(observation.attempts - 1, 5))))
            observed[path] = observation
        }
    }
}
