import Foundation
import KankeiIngest
import KankeiModel
import KankeiNormalize
import KankeiReport

/// `kankei run`: processes everything in the workspace's inbox.
///
/// Each subfolder of `inbox/` is an event. Its new files are read together with the files earlier
/// runs archived for it, so a report always covers everything the event has received. A file that
/// cannot be read goes to `quarantine/` with an explanation, and the event is counted again without
/// it (no half-read file ever reaches a figure); the other files and events go on. Read files move
/// to `archive/` under their sha256, byte for byte; a file whose bytes were processed before is
/// archived as a duplicate and counted once.
public final class BatchRun {
    public struct Options: Sendable {
        /// Definitions folder; the workspace's `pipelines/` when `nil`.
        public var pipelines: URL?
        public var keepIntermediates = false

        public init(pipelines: URL? = nil, keepIntermediates: Bool = false) {
            self.pipelines = pipelines
            self.keepIntermediates = keepIntermediates
        }
    }

    private let layout: WorkspaceLayout
    private let options: Options
    private let catalog: PipelineCatalog
    private let ingestor: Ingestor
    private var ledger: Ledger
    private let quarantine: Quarantine
    private let runTime: String
    private var report = RunReport()

    public init(workspace: URL, options: Options = Options()) throws {
        layout = WorkspaceLayout(root: workspace)
        self.options = options
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: layout.root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WorkspaceError(message: "ワークスペース \(layout.root.path) がありません。--workspace でフォルダを指定してください（inbox/ を含むフォルダ）。")
        }
        let pipelines = options.pipelines ?? layout.pipelines
        do {
            catalog = try PipelineCatalog.load(from: pipelines)
        } catch let problem as DefinitionProblem {
            throw WorkspaceError(message: "アンケート定義に誤りがあります: \(problem)")
        }
        try layout.prepare()
        ingestor = Ingestor(keys: PersonKeyMaker(secret: try layout.loadSecret()))
        ledger = try Ledger(url: layout.ledger)
        quarantine = Quarantine(folder: layout.quarantine)
        runTime = ISO8601DateFormatter().string(from: Date())
    }

    public func run() throws -> RunReport {
        let started = Date()
        let inbox = try contents(of: layout.inbox)
        for loose in inbox where !loose.isDirectory {
            try isolate(loose.url, event: nil, InputProblem(
                file: loose.url.lastPathComponent,
                problem: "inbox/ の直下に置かれたファイルは、どのイベントのものか分かりません。",
                remedy: "イベントごとのフォルダ（例: inbox/2022-02-04-municipal-webinar/）を作って、その中に置いてください。"))
        }
        for folder in inbox where folder.isDirectory {
            try process(event: folder.url.lastPathComponent, folder: folder.url)
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    // MARK: - One event

    private func process(event: String, folder: URL) throws {
        var files = try filesBelow(folder)
        var settingsFile = files.first { $0.lastPathComponent.lowercased() == EventSettings.fileName }
        files.removeAll { $0 == settingsFile }

        var settings = EventSettings(id: event)
        if let url = settingsFile {
            do {
                settings = try EventSettings.load(id: event, from: url)
            } catch let problem as InputProblem {
                try isolate(url, event: event, problem)
                settingsFile = nil
            }
        } else if let archived = ledger.files(of: event).last(where: { $0.format == Ledger.eventSettingsFormat }) {
            settings = (try? EventSettings.load(id: event, from: layout.archive.appendingPathComponent(archived.archived)))
                ?? settings
        }

        var sources = ledger.files(of: event).filter { $0.format != Ledger.eventSettingsFormat }.map {
            EventSource(url: layout.archive.appendingPathComponent($0.archived), name: $0.name, sha256: $0.sha256, isNew: false)
        }
        var seenInBatch: Set<String> = []
        for url in files {
            let digest = try FileDigest.sha256(of: url)
            if ledger.processedEntry(sha256: digest.hex) != nil || !seenInBatch.insert(digest.hex).inserted {
                try archiveDuplicate(url, sha256: digest.hex, event: event)
            } else {
                sources.append(EventSource(url: url, name: url.lastPathComponent, sha256: digest.hex, isNew: true))
            }
        }

        guard sources.contains(where: \.isNew) || settingsFile != nil else {
            removeIfEmpty(folder)
            return
        }
        var notes: [String] = []
        var result: EventPipeline.Result?
        while !sources.isEmpty, result == nil {
            do {
                result = try pipeline(for: event).run(settings: settings, sources: sources)
            } catch let failure as SourceFailure {
                guard let index = failure.index else {
                    if let url = settingsFile { try isolate(url, event: event, failure.problem) }
                    settingsFile = nil
                    guard settings != EventSettings(id: event) else { throw WorkspaceError(message: failure.problem.message) }
                    settings = EventSettings(id: event)
                    continue
                }
                let source = sources.remove(at: index)
                if source.isNew {
                    try isolate(source.url, event: event, failure.problem)
                } else {
                    notes.append("アーカイブ済みのファイル「\(source.name)」を読めなかったため集計から除きました（\(failure.problem.problem)）。")
                }
            }
        }

        if var tabulation = result?.tabulation {
            tabulation.notes += notes
            let folder = layout.report(for: event)
            try ReportWriter.write(tabulation, to: folder)
            report.events.append(.init(id: event, reportFolder: folder, tabulation: tabulation,
                                       newFiles: sources.filter(\.isNew).map(\.name)))
        }
        for source in sources where source.isNew {
            try archive(source.url, sha256: source.sha256, event: event, format: result?.formats[source.sha256]?.rawValue ?? "unknown")
        }
        if let settingsFile {
            let digest = try FileDigest.sha256(of: settingsFile)
            try archive(settingsFile, sha256: digest.hex, event: event, format: Ledger.eventSettingsFormat)
        }
        removeIfEmpty(folder)
    }

    private func pipeline(for event: String) -> EventPipeline {
        EventPipeline(ingestor: ingestor, catalog: catalog,
                      intermediates: options.keepIntermediates ? layout.report(for: event).appendingPathComponent("intermediates") : nil)
    }

    // MARK: - Moving files

    /// Archives a processed file: ledger first, then the move, so an interrupted run never loses
    /// a file — the next run finds it in the inbox, sees its hash in the ledger and finishes the move.
    private func archive(_ url: URL, sha256: String, event: String, format: String) throws {
        let name = archivedName(url, sha256: sha256)
        try ledger.append(.init(sha256: sha256, event: event, name: url.lastPathComponent, format: format,
                                archived: name, outcome: .processed, at: runTime))
        try moveIntoArchive(url, name: name)
    }

    private func archiveDuplicate(_ url: URL, sha256: String, event: String) throws {
        let name = ledger.processedEntry(sha256: sha256)?.archived ?? archivedName(url, sha256: sha256)
        try ledger.append(.init(sha256: sha256, event: event, name: url.lastPathComponent, format: "duplicate",
                                archived: name, outcome: .duplicate, at: runTime))
        try moveIntoArchive(url, name: name)
        report.duplicates.append(url.lastPathComponent)
    }

    private func moveIntoArchive(_ url: URL, name: String) throws {
        let target = layout.archive.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: target.path) {
            try FileManager.default.removeItem(at: url)
        } else {
            try FileManager.default.moveItem(at: url, to: target)
        }
    }

    private func archivedName(_ url: URL, sha256: String) -> String {
        let ext = url.pathExtension.lowercased()
        return ext.isEmpty ? sha256 : "\(sha256).\(ext)"
    }

    private func isolate(_ url: URL, event: String?, _ problem: InputProblem) throws {
        let location = try quarantine.isolate(url, event: event, problem: problem)
        report.quarantined.append(.init(event: event, name: url.lastPathComponent, location: location, problem: problem))
    }

    // MARK: - Listing

    private struct Item {
        var url: URL
        var isDirectory: Bool
    }

    /// Names a coordinator's tools leave behind that are not exports: hidden files, Office lock files.
    private static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("~$")
    }

    private func contents(of folder: URL) throws -> [Item] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isDirectoryKey])
            .filter { !Self.isIgnored($0.lastPathComponent) }
            .map { Item(url: $0, isDirectory: (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true) }
            .sorted { $0.url.lastPathComponent < $1.url.lastPathComponent }
    }

    /// Every file of an event folder, nested folders included, in name order.
    private func filesBelow(_ folder: URL) throws -> [URL] {
        try contents(of: folder).flatMap { $0.isDirectory ? try filesBelow($0.url) : [$0.url] }
    }

    private func removeIfEmpty(_ folder: URL) {
        for item in (try? contents(of: folder)) ?? [] where item.isDirectory { removeIfEmpty(item.url) }
        if (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
            try? FileManager.default.removeItem(at: folder)
        }
    }
}
