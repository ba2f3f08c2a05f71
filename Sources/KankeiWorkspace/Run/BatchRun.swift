import Foundation
import Yams
import Logging
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
/// archived as a duplicate and counted once. Only a file as long as another can be a copy of it:
/// such files are hashed before they are read, the others while they are read (a large export's
/// hash then takes no time of its own). Links and special files are never followed or read.
///
/// Each event is also recorded in the matching core (`core.sqlite`): its sessions and who attended
/// them on which side, its figures, and — for club feedback — matching-quality records per club and side.
///
/// Every step can be stopped at any moment (`kill -9` included) and the next run finishes the work
/// with the same results: one run at a time holds the workspace's lock; an event's figures are one
/// core transaction and its files' ledger entries another, written before the files move; a file
/// moves by one rename; reports are written to a temporary file and renamed. A file whose ledger
/// entry was written but which had not moved yet is moved by the next run without counting it again.
public final class BatchRun {
    public struct Options: Sendable {
        /// Definitions folder; the workspace's `pipelines/` when `nil`.
        public var pipelines: URL?
        public var keepIntermediates = false
        /// When another run holds the workspace: wait for it (`true`) or stop with a message.
        public var wait = true
        /// Told once when the run starts waiting for another one.
        public var waiting: (@Sendable (String) -> Void)?
        /// Only these inbox files are read (`kankei watch`: the files that have stopped changing);
        /// every file when `nil`. Others stay in the inbox untouched.
        public var only: Set<String>?
        /// Told how far the reading of a long text export has come.
        public var progress: Ingestor.ReadProgress?
        public var logger = Logger(label: "kankei", factory: { _ in SwiftLogNoOpLogHandler() })
        /// When a large survey export is counted per column on every core (see `CensusReader`).
        public var census = CensusOptions()
        /// Called once an event's new files have been read, before they are archived (tests change
        /// a file there, as a coordinator's download still writing would).
        public var afterReading: (@Sendable (_ event: String, _ files: [URL]) -> Void)?
        /// `kankei withdraw`: take this file (its name, or the start of its sha256) out of this
        /// event's figures, then count the event again.
        public var withdraw: (event: String, file: String)?

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
    private var ledger: Ledger!
    private let core: CoreDatabase
    private let quarantine: Quarantine
    /// Events counted again although no new file arrived (a file withdrawn).
    private var recount: Set<String> = []
    private var withdrawnNow: [String: [String]] = [:]
    private let runTime: String
    private var report = RunReport()
    /// The inbox folders this run moved files out of (archived or quarantined): a folder is
    /// removed only when this run emptied it, never one a coordinator has just made.
    private var vacated: Set<URL> = []
    /// Sizes of archived copies looked up so far (`processedSizes`); `nil` for a missing one.
    private var archivedSizes: [String: Int?] = [:]
    private var log: Logger { options.logger }

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
            // The core is checked (its version, its pages, the secret it was made with) before
            // anything is moved.
            core = try CoreDatabase(url: layout.core)
            var ingestor = Ingestor(keys: PersonKeyMaker(secret: try SecretCheck.secret(for: layout, core: core)), progress: options.progress)
            ingestor.scratchFolder = layout.scratch
            ingestor.personalWords = try Self.personalWords(in: pipelines)
            ingestor.census = options.census
            self.ingestor = ingestor
        } catch let problem as CoreProblem {
            throw WorkspaceError(message: problem.description)
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw WorkspaceError(message: "ワークスペース \(layout.root.path) を準備できませんでした（\(error.localizedDescription)）。書き込み権限を確認してください。")
        }
        quarantine = Quarantine(folder: layout.quarantine)
        runTime = ISO8601DateFormatter().string(from: Date())
    }

    public func run() throws -> RunReport {
        let lock = try RunLock.acquire(layout, wait: options.wait, startedAt: runTime) { holder in
            let message = "別の kankei が実行中です（\(holder?.description ?? "実行中のプロセス")）。終わるのを待っています…"
            options.waiting?(message)
            log.notice("waiting for the workspace lock", metadata: ["holder": "\(holder?.pid ?? 0)"])
        }
        defer { withExtendedLifetime(lock) {} }
        let started = Date()
        layout.removeStaleTemporaryFiles()
        do {
            ledger = try Ledger(core: core)
            if let withdraw = options.withdraw {
                let entry = try ledger.withdraw(withdraw.file, event: withdraw.event, at: runTime)
                recount.insert(withdraw.event)
                withdrawnNow[withdraw.event, default: []].append(entry.name)
                report.withdrawn.append("\(withdraw.event)/\(entry.name)")
                log.notice("withdrawn", metadata: ["event": "\(withdraw.event)", "file": "\(entry.name)", "sha256": "\(entry.sha256.prefix(12))"])
            }
            var record = try core.startRun(at: runTime, pid: Int(getpid()))
            log.info("run started", metadata: ["workspace": "\(layout.root.path)", "run": "\(record.id ?? 0)"])
            processInbox()
            publish()
            report.seconds = Date().timeIntervalSince(started)
            record.finishedAt = ISO8601DateFormatter().string(from: Date())
            record.events = report.events.count
            record.files = report.events.reduce(0) { $0 + $1.newFiles.count }
            record.duplicates = report.duplicates.count
            record.quarantined = report.quarantined.count
            record.warnings = report.warnings.count
            record.exitCode = Int(report.exitCode)
            try core.finishRun(record)
            log.info("run finished", metadata: ["events": "\(record.events)", "files": "\(record.files)",
                                               "duplicates": "\(record.duplicates)", "quarantined": "\(record.quarantined)",
                                               "seconds": "\(String(format: "%.2f", report.seconds))"])
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw WorkspaceError(message: "コア \(layout.core.path) に書き込めませんでした（\(error.localizedDescription)）。ディスクの空きと書き込み権限を確認してください。")
        }
        return report
    }

    private func processInbox() {
        // An event to count again (a file withdrawn) is counted even when its inbox folder is gone.
        for event in recount.sorted() where !FileManager.default.fileExists(atPath: layout.inbox.appendingPathComponent(event).path) {
            do {
                try process(event: event, folder: layout.inbox.appendingPathComponent(event, isDirectory: true))
            } catch {
                report.warnings.append("イベント「\(event)」の集計し直しを中断しました（\(error.localizedDescription)）。次回の kankei run で再び試します。")
            }
        }
        for entry in InboxListing.list(layout.inbox) {
            switch entry.kind {
            case .directory:
                do {
                    try process(event: entry.url.lastPathComponent, folder: entry.url)
                } catch {
                    log.error("event stopped", metadata: ["event": "\(entry.url.lastPathComponent)", "error": "\(error)"])
                    report.warnings.append("イベント「\(entry.url.lastPathComponent)」の処理を中断しました（\(error.localizedDescription)）。残ったファイルは次回の実行で処理します。")
                }
            case .file where isSelected(entry.url):
                isolate(entry.url, event: nil, InputProblem(
                    file: entry.url.lastPathComponent,
                    problem: "inbox/ の直下に置かれたファイルは、どのイベントのものか分かりません。",
                    remedy: "イベントごとのフォルダ（例: inbox/2022-02-04-municipal-webinar/）を作って、その中に置いてください。"))
            case .file:
                break
            case .other(let what):
                isolate(entry.url, event: nil, Self.notAFile(entry.url, what))
            }
        }
    }

    /// Renders every summary and the index again, with the core's current figures.
    private func publish() {
        do {
            report.warnings += try ReportPublisher(layout: layout, writer: writer, core: core, catalog: catalog).publish()
            report.index = layout.reports.appendingPathComponent(ReportWriter.indexFile)
            log.debug("reports published", metadata: ["index": "\(report.index?.path ?? "")"])
        } catch {
            report.warnings.append("reports/index.html と各イベントの報告書を作り直せませんでした（\(error.localizedDescription)）。次回の実行で再び試します。")
        }
    }

    private func isSelected(_ url: URL) -> Bool {
        options.only.map { $0.contains(url.standardizedFileURL.path) } ?? true
    }

    // MARK: - One event

    private func process(event: String, folder: URL) throws {
        defer { InboxListing.removeVacated(vacated, upTo: folder) }
        var files: [URL] = []
        var unselected: [URL] = []
        var settingsFile: URL?
        for entry in InboxListing.listBelow(folder) {
            let isSettings = entry.url.lastPathComponent.lowercased() == EventSettings.fileName
            switch entry.kind {
            case .file where !isSelected(entry.url):
                unselected.append(entry.url)
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

        try finishPendingMoves(event: event, files: &files, unselected: unselected)

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
        /// Files with the same bytes as another new file of this batch: settled once that one is.
        var copies: [(url: URL, sha256: String)] = []
        /// Notes for new files whose bytes another event counted too.
        var countedElsewhere: [String] = []
        // Each new file as it was before it was read: one that changes or vanishes meanwhile is not counted.
        let stamps = Dictionary(files.compactMap { url in FileStamp.of(url).map { (url, $0) } }, uniquingKeysWith: { first, _ in first })
        let sizes = files.map(Self.size(of:))
        let processed = processedSizes()
        for (url, size) in zip(files, sizes) {
            // Bytes no other file has as many of cannot be a copy: hashed while they are read.
            if let size, let processed, !processed.contains(size), sizes.filter({ $0 == size }).count == 1 {
                log.debug("new file", metadata: ["event": "\(event)", "file": "\(url.lastPathComponent)", "bytes": "\(size)"])
                sources.append(EventSource(url: url, name: url.lastPathComponent, sha256: nil, isNew: true))
                continue
            }
            guard let digest = try? FileDigest.sha256(of: url) else {
                report.warnings.append(Self.unreadable(event, url))
                continue
            }
            // (A stopped run's unfinished move was finished above: what the ledger knows now is a duplicate.)
            if ledger.processedEntry(sha256: digest.hex, event: event) != nil {
                try archiveDuplicate(url, sha256: digest.hex, event: event)
            } else if sources.contains(where: { $0.isNew && $0.sha256 == digest.hex }) {
                copies.append((url, digest.hex))
            } else {
                if let other = ledger.processedEntry(sha256: digest.hex), other.event != event {
                    countedElsewhere.append("「\(url.lastPathComponent)」と同じ内容のファイルは、イベント「\(other.event)」でも集計されています"
                        + "（置き間違いなら、kankei withdraw --event \(other.event) \(digest.hex.prefix(12)) でそちらから取り下げてください）。")
                }
                log.debug("new file", metadata: ["event": "\(event)", "file": "\(url.lastPathComponent)",
                                                 "sha256": "\(digest.hex.prefix(12))", "bytes": "\(digest.bytes)"])
                sources.append(EventSource(url: url, name: url.lastPathComponent, sha256: digest.hex, isNew: true))
            }
        }
        guard sources.contains(where: \.isNew) || settingsFile != nil || recount.contains(event) else { return }

        var notes: [String] = countedElsewhere
        for name in withdrawnNow[event] ?? [] {
            notes.append("「\(name)」が取り下げられたため（kankei withdraw）、このイベントを集計し直しました。ファイルは archive/ に保管したままです。")
        }
        var result: EventPipeline.Result?
        var refused: [String: InputProblem] = [:]
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
                        if let sha256 = source.sha256 { refused[sha256] = failure.problem }
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
            guard result != nil else { continue }
            options.afterReading?(event, sources.filter(\.isNew).map(\.url))
            // Counted only as archived: a file that changed or vanished while it was read stays in
            // the inbox for the next run, and the event is counted without it.
            let changed = sources.filter { source in source.isNew && FileStamp.of(source.url) != stamps[source.url] }
            guard !changed.isEmpty else { break }
            for source in changed {
                report.warnings.append(Self.changedWhileRead(event, source.url))
                log.notice("changed while read", metadata: ["event": "\(event)", "file": "\(source.url.lastPathComponent)"])
            }
            sources.removeAll { source in changed.contains { $0.url == source.url } }
            result = nil
            guard sources.contains(where: \.isNew) || settingsFile != nil || recount.contains(event) else { return }
        }

        if let result {
            var tabulation = result.tabulation
            tabulation.notes += notes
            let feedback = try recordInCore(result, tabulation: &tabulation)
            let folder = layout.report(for: event)
            // summary.html, summary.md and tables.csv follow at the end of the run, with the core's club figures.
            try writer.writeSummary(tabulation, to: folder)
            log.info("event counted", metadata: ["event": "\(event)", "respondents": "\(tabulation.respondents)",
                                                "files": "\(sources.count)", "new": "\(sources.filter(\.isNew).count)"])
            report.events.append(.init(id: event, reportFolder: folder, tabulation: tabulation,
                                       newFiles: sources.filter(\.isNew).map(\.name), feedback: feedback))
        } else if sources.isEmpty, withdrawnNow[event] != nil {
            try remove(event: event)
        }
        var counted: [(url: URL, sha256: String, format: String)] = []
        for source in sources where source.isNew {
            let file = result?.files[source.url]
            guard let sha256 = source.sha256 ?? file?.sha256 ?? (try? FileDigest.sha256(of: source.url).hex) else {
                report.warnings.append(Self.unreadable(event, source.url))
                continue
            }
            counted.append((source.url, sha256, file?.format.rawValue ?? "unknown"))
        }
        if let settingsFile {
            counted.append((settingsFile, try FileDigest.sha256(of: settingsFile).hex, Ledger.eventSettingsFormat))
        }
        try archive(counted, event: event)
        for copy in copies {
            if var problem = refused[copy.sha256] {
                problem.file = copy.url.lastPathComponent
                isolate(copy.url, event: event, problem)
            } else {
                try archiveDuplicate(copy.url, sha256: copy.sha256, event: event)
            }
        }
    }

    /// Takes an event whose last file was withdrawn out of the core and out of `reports/` (the
    /// index follows at the end of the run); its files stay in `archive/`.
    private func remove(event: String) throws {
        try core.removeEvent(event)
        let folder = layout.report(for: event)
        if FileManager.default.fileExists(atPath: folder.path) { try FileManager.default.removeItem(at: folder) }
        report.removedEvents.append(event)
        log.notice("event removed", metadata: ["event": "\(event)"])
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

    /// Archives an event's counted files: their ledger entries first, in one transaction, then the
    /// moves. A run stopped in between leaves files in the inbox whose entries exist; the next run
    /// finds them by name and hash and finishes the moves (`finishPendingMoves`).
    private func archive(_ files: [(url: URL, sha256: String, format: String)], event: String) throws {
        let entries = files.map { file in
            LedgerEntry(sha256: file.sha256, event: event, name: file.url.lastPathComponent, format: file.format,
                        archived: archivedName(file.url, sha256: file.sha256), outcome: .processed, at: runTime)
        }
        // An entry a stopped run already wrote (its event.yaml read again) is not written twice.
        try ledger.append(entries.filter { !ledger.contains($0) })
        for (file, entry) in zip(files, entries) {
            try moveIntoArchive(file.url, name: entry.archived)
            log.info("archived", metadata: ["event": "\(event)", "file": "\(entry.name)", "format": "\(entry.format)",
                                           "archive": "\(entry.archived)"])
        }
    }

    /// Finishes the moves a stopped run left — the ledger counts the file, its archived copy is
    /// missing, the file is still in the event's folder — whether or not this batch selected it:
    /// the event's figures are read from the archive, so the copy must be there first.
    private func finishPendingMoves(event: String, files: inout [URL], unselected: [URL]) throws {
        for entry in ledger.files(of: event)
        where !FileManager.default.fileExists(atPath: layout.archive.appendingPathComponent(entry.archived).path) {
            for url in files + unselected where url.lastPathComponent == entry.name {
                guard (try? FileDigest.sha256(of: url).hex) == entry.sha256 else { continue }
                try moveIntoArchive(url, name: entry.archived)
                files.removeAll { $0 == url }
                log.notice("finished the move a stopped run left", metadata: ["event": "\(event)", "file": "\(entry.name)"])
                break
            }
        }
    }

    private func archiveDuplicate(_ url: URL, sha256: String, event: String) throws {
        let name = ledger.processedEntry(sha256: sha256)?.archived ?? archivedName(url, sha256: sha256)
        let entry = LedgerEntry(sha256: sha256, event: event, name: url.lastPathComponent, format: "duplicate",
                                archived: name, outcome: .duplicate, at: runTime)
        if !ledger.contains(entry) { try ledger.append([entry]) }
        try moveIntoArchive(url, name: name)
        report.duplicates.append(url.lastPathComponent)
        log.info("duplicate archived", metadata: ["event": "\(event)", "file": "\(url.lastPathComponent)", "archive": "\(name)"])
    }

    private func moveIntoArchive(_ url: URL, name: String) throws {
        let target = layout.archive.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: target.path) {
            try FileManager.default.removeItem(at: url)
        } else {
            try OwnerOnlyMove.move(url, to: target)
        }
        vacated.insert(url.deletingLastPathComponent().standardizedFileURL)
    }

    /// The office's personal-data header words (`pipelines/personal-data.yaml`); the built-in
    /// list when the folder has none.
    private static func personalWords(in pipelines: URL) throws -> PersonalDataWords {
        let url = pipelines.appendingPathComponent(PersonalDataWords.fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return .builtIn }
        do {
            return try YAMLDecoder().decode(PersonalDataWords.self, from: YAMLText.checked(YAMLText.read(url)))
        } catch {
            throw WorkspaceError(message: "pipelines/\(PersonalDataWords.fileName) を読めませんでした（\(error)）。"
                + "email:、name:、contact:、wholeName:、wholeContact: の下に語を並べてください（このリポジトリの pipelines/ を参照）。")
        }
    }

    /// The warning for an inbox file that changed or vanished while it was read.
    private static func changedWhileRead(_ event: String, _ url: URL) -> String {
        "inbox/\(event)/\(url.lastPathComponent) は読んでいる間に書き換わったか消えたため、今回は数えませんでした。"
            + "書き出し（ダウンロード）が終わっていれば、次回の実行で読み直します。"
    }

    /// The warning for an inbox file that vanished or cannot be read: it is tried again next run.
    private static func unreadable(_ event: String, _ url: URL) -> String {
        "inbox/\(event)/\(url.lastPathComponent) を読めませんでした（処理中に消えたか、読み取り権限がありません）。次回の実行で再び試します。"
    }

    /// The byte count of every processed file (its archived copy); `nil` when a copy is missing,
    /// so that no size can rule a copy out.
    private func processedSizes() -> Set<Int>? {
        var sizes: Set<Int> = []
        for entry in ledger.processedEntries {
            if archivedSizes[entry.archived] == nil {
                archivedSizes[entry.archived] = Self.size(of: layout.archive.appendingPathComponent(entry.archived))
            }
            guard let size = archivedSizes[entry.archived] ?? nil else { return nil }
            sizes.insert(size)
        }
        return sizes
    }

    private static func size(of url: URL) -> Int? {
        var status = stat()
        return stat(url.path, &status) == 0 ? Int(status.st_size) : nil
    }

    /// `<sha256>.<extension>`; just `<sha256>` when the extension is not a short run of letters
    /// and digits (a name like `a.<240 characters>` must not make a name the file system refuses).
    private func archivedName(_ url: URL, sha256: String) -> String {
        let ext = url.pathExtension.lowercased()
        let usable = !ext.isEmpty && ext.utf8.count <= 16 && ext.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        return usable ? "\(sha256).\(ext)" : sha256
    }

    /// Quarantines a file; if even that fails, the file stays where it is and the run says so.
    private func isolate(_ url: URL, event: String?, _ problem: InputProblem) {
        do {
            let location = try quarantine.isolate(url, event: event, problem: problem)
            vacated.insert(url.deletingLastPathComponent().standardizedFileURL)
            report.quarantined.append(.init(event: event, name: url.lastPathComponent, location: location, problem: problem))
            log.notice("quarantined", metadata: ["event": "\(event ?? "")", "file": "\(url.lastPathComponent)",
                                                "where": "\(problem.locationText)", "problem": "\(problem.problem)"])
        } catch {
            report.warnings.append("\(url.path) を quarantine/ に移せませんでした（\(error.localizedDescription)）。\(problem.problem)")
        }
    }

    private static func notAFile(_ url: URL, _ what: String) -> InputProblem {
        InputProblem(file: url.lastPathComponent, problem: "これは通常のファイルではなく\(what)です。Kankeiはリンクの先や特殊なファイルを読みません。",
                     remedy: "書き出したファイルそのものを inbox/<イベント>/ に置いてください。")
    }
}
