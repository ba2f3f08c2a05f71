import Foundation
import KankeiCore
import KankeiFeedback
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
/// archived as a duplicate and counted once. Links and special files are never followed or read.
///
/// Each event is also recorded in the matching core (`core.sqlite`): its sessions and who attended
/// them on which side, its figures, and — for club feedback — matching-quality records per club and side.
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
    private let writer: ReportWriter
    private let ingestor: Ingestor
    private var ledger: Ledger
    private let core: CoreDatabase
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
        do {
            writer = ReportWriter(templates: try ReportTemplates.load(pipelines: pipelines))
        } catch let problem as ReportTemplateProblem {
            throw WorkspaceError(message: "報告書のテンプレートを使えません: \(problem)")
        }
        do {
            try layout.prepare()
            ingestor = Ingestor(keys: PersonKeyMaker(secret: try layout.loadSecret()))
            core = try CoreDatabase(url: layout.core)
            ledger = try Ledger(core: core)
        } catch {
            throw WorkspaceError(message: "ワークスペース \(layout.root.path) を準備できませんでした（\(error.localizedDescription)）。書き込み権限を確認してください。")
        }
        quarantine = Quarantine(folder: layout.quarantine)
        runTime = ISO8601DateFormatter().string(from: Date())
    }

    public func run() throws -> RunReport {
        let started = Date()
        for entry in list(layout.inbox) {
            switch entry.kind {
            case .directory:
                do {
                    try process(event: entry.url.lastPathComponent, folder: entry.url)
                } catch {
                    report.warnings.append("イベント「\(entry.url.lastPathComponent)」の処理を中断しました（\(error.localizedDescription)）。残ったファイルは次回の実行で処理します。")
                }
            case .file:
                isolate(entry.url, event: nil, InputProblem(
                    file: entry.url.lastPathComponent,
                    problem: "inbox/ の直下に置かれたファイルは、どのイベントのものか分かりません。",
                    remedy: "イベントごとのフォルダ（例: inbox/2022-02-04-municipal-webinar/）を作って、その中に置いてください。"))
            case .other(let what):
                isolate(entry.url, event: nil, Self.notAFile(entry.url, what))
            }
        }
        do {
            report.warnings += try ReportPublisher(layout: layout, writer: writer, core: core, catalog: catalog).publish()
            report.index = layout.reports.appendingPathComponent(ReportWriter.indexFile)
        } catch {
            report.warnings.append("reports/index.html と各イベントの報告書を作り直せませんでした（\(error.localizedDescription)）。次回の実行で再び試します。")
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    // MARK: - One event

    private func process(event: String, folder: URL) throws {
        var files: [URL] = []
        var settingsFile: URL?
        for entry in listBelow(folder) {
            let isSettings = entry.url.lastPathComponent.lowercased() == EventSettings.fileName
            switch entry.kind {
            case .file where isSettings && entry.url.deletingLastPathComponent().standardizedFileURL == folder.standardizedFileURL:
                settingsFile = entry.url
            case .file where isSettings:
                isolate(entry.url, event: event, InputProblem(
                    file: entry.url.lastPathComponent, problem: "event.yaml がイベントのフォルダの下のフォルダにあります。",
                    remedy: "event.yaml は inbox/\(event)/ の直下に1つだけ置いてください。"))
            case .file:
                files.append(entry.url)
            case .directory:
                break
            case .other(let what):
                isolate(entry.url, event: event, Self.notAFile(entry.url, what))
            }
        }

        var settings = EventSettings(id: event)
        if let url = settingsFile {
            do {
                settings = try EventSettings.load(id: event, from: url)
            } catch let problem as InputProblem {
                isolate(url, event: event, problem)
                settingsFile = nil
            }
        } else if let archived = ledger.files(of: event).last(where: { $0.format == Ledger.eventSettingsFormat }) {
            settings = (try? EventSettings.load(id: event, from: layout.archive.appendingPathComponent(archived.archived))) ?? settings
        }

        var sources = ledger.files(of: event).filter { $0.format != Ledger.eventSettingsFormat }.map {
            EventSource(url: layout.archive.appendingPathComponent($0.archived), name: $0.name, sha256: $0.sha256, isNew: false)
        }
        var seenInBatch: Set<String> = []
        for url in files {
            guard let digest = try? FileDigest.sha256(of: url) else {
                report.warnings.append("inbox/\(event)/\(url.lastPathComponent) を読めませんでした（処理中に消えたか、読み取り権限がありません）。次回の実行で再び試します。")
                continue
            }
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
        let catalog = try core.clubCatalog()
        if let club = settings.club, let known = catalog.club(id: club) ?? catalog.club(named: club) {
            settings.club = known.id
        } else if let club = settings.club {
            notes.append("event.yaml の club「\(club)」はコアに登録されていません。名簿・団体による立場の判定は使えず、メールアドレスのドメインだけで判定しました。")
            report.warnings.append("イベント「\(event)」: club「\(club)」がコアにありません（kankei core import でクラブを登録してください）。")
        }
        let sides = try core.sideDirectory(club: settings.club)
        while !sources.isEmpty, result == nil {
            do {
                result = try pipeline(for: event).run(settings: settings, sources: sources, sides: sides)
            } catch let failure as SourceFailure {
                if let index = failure.index {
                    let source = sources.remove(at: index)
                    if source.isNew {
                        isolate(source.url, event: event, failure.problem)
                    } else {
                        notes.append("アーカイブ済みのファイル「\(source.name)」を読めなかったため集計から除きました（\(failure.problem.problem)）。")
                        report.warnings.append("イベント「\(event)」: アーカイブ済みの「\(source.name)」（archive/\(source.url.lastPathComponent)）を読めなかったため集計から除きました。")
                    }
                } else {
                    // The settings are at fault: count the event without them.
                    if let url = settingsFile { isolate(url, event: event, failure.problem) }
                    settingsFile = nil
                    if settings == EventSettings(id: event) { break }
                    notes.append("event.yaml の設定（\(failure.problem.problem)）を使わずに集計しました。")
                    settings = EventSettings(id: event)
                }
            }
        }

        if let result {
            var tabulation = result.tabulation
            tabulation.notes += notes
            let feedback = try recordInCore(result, tabulation: &tabulation)
            let folder = layout.report(for: event)
            // summary.html, summary.md and tables.csv follow at the end of the run, with the core's club figures.
            try writer.writeSummary(tabulation, to: folder)
            report.events.append(.init(id: event, reportFolder: folder, tabulation: tabulation,
                                       newFiles: sources.filter(\.isNew).map(\.name), feedback: feedback))
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

    /// Records the event in the core, then runs the feedback stage on its figures.
    private func recordInCore(_ result: EventPipeline.Result, tabulation: inout Tabulation) throws -> FeedbackStage.Outcome {
        let event = tabulation.event
        try core.record(event: event, sessions: result.sessions, participants: result.participants, tabulation: tabulation,
                        at: runTime)
        let outcome = try FeedbackStage(core: core).apply(tabulation, at: runTime)
        for club in outcome.unknownClubs {
            tabulation.notes.append("アンケートで答えられたクラブ「\(club)」はコアに登録されていないため、マッチング評価に記録していません。")
            report.warnings.append("イベント「\(event.id)」: クラブ「\(club)」がコアにありません（kankei core import で登録するか、回答の表記を確認してください）。")
        }
        return outcome
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

    /// Quarantines a file; if even that fails, the file stays where it is and the run says so.
    private func isolate(_ url: URL, event: String?, _ problem: InputProblem) {
        do {
            let location = try quarantine.isolate(url, event: event, problem: problem)
            report.quarantined.append(.init(event: event, name: url.lastPathComponent, location: location, problem: problem))
        } catch {
            report.warnings.append("\(url.path) を quarantine/ に移せませんでした（\(error.localizedDescription)）。\(problem.problem)")
        }
    }

    private static func notAFile(_ url: URL, _ what: String) -> InputProblem {
        InputProblem(file: url.lastPathComponent, problem: "これは通常のファイルではなく\(what)です。Kankeiはリンクの先や特殊なファイルを読みません。",
                     remedy: "書き出したファイルそのものを inbox/<イベント>/ に置いてください。")
    }

    // MARK: - Listing

    private struct Entry {
        enum Kind {
            case file, directory
            /// A link or a special file, described in Japanese.
            case other(String)
        }

        var url: URL
        var kind: Kind
    }

    private static let otherKinds: [FileAttributeType: String] = [
        .typeSymbolicLink: "リンク（シンボリックリンク）", .typeSocket: "ソケット", .typeCharacterSpecial: "デバイス",
        .typeBlockSpecial: "デバイス",
    ]

    /// Names a coordinator's tools leave behind that are not exports: hidden files, Office lock files.
    private static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("~$")
    }

    /// The entries of a folder in name order, by what they are themselves (links are not followed).
    private func list(_ folder: URL) -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !Self.isIgnored($0) }.sorted().map { name in
            let url = folder.appendingPathComponent(name)
            let type = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
            switch type {
            case .typeRegular?: return Entry(url: url, kind: .file)
            case .typeDirectory?: return Entry(url: url, kind: .directory)
            case let type?: return Entry(url: url, kind: .other(Self.otherKinds[type] ?? "特殊なファイル（名前付きパイプなど）"))
            case nil: return Entry(url: url, kind: .other("読み取れない項目"))
            }
        }
    }

    /// Every entry below an event folder, nested folders included, in name order.
    private func listBelow(_ folder: URL) -> [Entry] {
        list(folder).flatMap { entry -> [Entry] in
            if case .directory = entry.kind { return [entry] + listBelow(entry.url) }
            return [entry]
        }
    }

    private func removeIfEmpty(_ folder: URL) {
        for entry in list(folder) {
            if case .directory = entry.kind { removeIfEmpty(entry.url) }
        }
        if (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
            try? FileManager.default.removeItem(at: folder)
        }
    }
}
