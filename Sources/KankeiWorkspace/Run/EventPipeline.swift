import Foundation
import KankeiIngest
import KankeiModel
import KankeiNormalize
import KankeiTabulate

/// One input of an event: a new file in the inbox or one archived by an earlier run.
struct EventSource {
    var url: URL
    var name: String
    /// `nil` for a new file that cannot be a copy of another (no other file has its size): it is
    /// hashed while it is read, and the result says its sha256.
    var sha256: String?
    var isNew: Bool
}

/// A source that could not be read, or the event's settings that could not be used, and why.
struct SourceFailure: Error {
    /// Index into the sources; `nil` when the problem is `event.yaml`'s.
    var index: Int?
    var problem: InputProblem
}

/// Runs ingest → normalize → tabulate for one event in-process, streaming: each record goes
/// straight from one stage to the next; nothing but the stages' own running state is kept.
/// With `intermediates`, the records between stages are also written as line-delimited JSON, the
/// same the stage executables read and write.
struct EventPipeline {
    let ingestor: Ingestor
    let catalog: PipelineCatalog
    let intermediates: URL?

    /// The event's figures, and each source as it was read (sha256, format), by its URL.
    struct Result {
        var tabulation: Tabulation
        var files: [URL: SourceFile]
        /// The Zoom sessions and the people in them, for the matching core.
        var sessions: [SessionInfo]
        var participants: [Participant]
    }

    func run(settings: EventSettings, sources: [EventSource], sides: SideDirectory) throws -> Result {
        let tabulator = Tabulator()
        var files: [URL: SourceFile] = [:]
        var sessions: [SessionInfo] = []
        var participants: [Participant] = []
        let writers = try intermediates.map(IntermediateWriters.init)
        let normalizer = Normalizer(settings: settings, catalog: catalog, sides: sides) { record in
            try writers?.normalized.write(record)
            switch record {
            case .session(let session): sessions.append(session)
            case .participant(let participant) where !participant.sessions.isEmpty: participants.append(participant)
            default: break
            }
            tabulator.consume(record)
        }
        // Which surveys the files answer, so a survey only one file answers can be counted per column.
        normalizer.announce(surveys: sources.count < 2 ? [] : sources.indices.compactMap { index in
            ingestor.surveyColumns(of: sources[index].url, companions: Self.companions(of: index, sources))
        })
        // Files that only describe a survey (LimeSurvey .lss) go first; every file sees the others.
        let rank = sources.map { Ingestor.describesSurvey($0.url) ? 0 : 1 }
        let order = sources.indices.sorted { (rank[$0], $0) < (rank[$1], $1) }
        for index in order {
            let source = sources[index]
            do {
                // A large survey's rows may come as one census, when normalize can take it.
                try ingestor.ingest(source.url, sha256: source.sha256, companions: Self.companions(of: index, sources),
                                    planner: { normalizer.censusPlan() }) { record in
                    if case .source(let file) = record { files[source.url] = file }
                    try writers?.ingested.write(record)
                    try normalizer.consume(Self.named(record, source.name))
                }
            } catch let settings as EventSettingsProblem {
                throw SourceFailure(index: nil, problem: settings.problem)
            } catch let problem as InputProblem {
                throw SourceFailure(index: index, problem: Self.renamed(problem, source.name))
            }
        }
        do {
            try normalizer.finish()
        } catch let settings as EventSettingsProblem {
            throw SourceFailure(index: nil, problem: settings.problem)
        }
        try writers?.flush()
        return Result(tabulation: tabulator.finish(), files: files, sessions: sessions, participants: participants)
    }

    private static func companions(of index: Int, _ sources: [EventSource]) -> [URL] {
        sources.enumerated().filter { $0.offset != index }.map(\.element.url)
    }

    /// Archived copies are named by their hash; records and messages use the coordinator's name.
    private static func named(_ record: IngestRecord, _ name: String) -> IngestRecord {
        guard case .source(var file) = record else { return record }
        file.name = name
        return .source(file)
    }

    private static func renamed(_ problem: InputProblem, _ name: String) -> InputProblem {
        var problem = problem
        problem.file = name
        return problem
    }
}

/// The JSON-lines files `--keep-intermediates` leaves beside a report: written under temporary
/// names (which the next run sweeps away if this one is stopped) and renamed once complete.
private struct IntermediateWriters {
    let ingested: JSONLinesWriter
    let normalized: JSONLinesWriter
    private let handles: [FileHandle]
    private let files: [(temporary: URL, final: URL)]

    init(folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        files = ["ingest.jsonl", "normalize.jsonl"].map { name in
            (folder.appendingPathComponent(".\(name).\(UUID().uuidString).tmp"), folder.appendingPathComponent(name))
        }
        handles = try files.map { file in
            _ = FileManager.default.createFile(atPath: file.temporary.path, contents: nil, attributes: [.posixPermissions: 0o600])
            return try FileHandle(forWritingTo: file.temporary)
        }
        ingested = JSONLinesWriter(handle: handles[0])
        normalized = JSONLinesWriter(handle: handles[1])
    }

    func flush() throws {
        try ingested.flush()
        try normalized.flush()
        for handle in handles { try handle.close() }
        for file in files where rename(file.temporary.path, file.final.path) != 0 {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.final.path, "errno": errno])
        }
    }
}
