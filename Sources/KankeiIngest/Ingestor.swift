import Foundation
import KankeiModel

/// The ingest stage: one source file in, its `IngestRecord`s out (`.source` first).
///
/// The format is recognised by content, never by file name: a zip (xlsx, LimeSurvey .lsa), XML
/// (LimeSurvey .lss / .lsr, Qualtrics), or text in any encoding Kankei knows (CSV or tab-separated).
/// CSV bytes go through libcsv, XML bytes through libxml2; nothing is loaded whole. A file that
/// cannot be read throws an `InputProblem` saying which file, where, what is wrong and what to do.
public struct Ingestor: Sendable {
    public var keys: PersonKeyMaker
    public var limits: CSVReader.Limits
    /// Told how far the reading of a text export (CSV, tab-separated) has come.
    public var progress: ReadProgress?
    /// When a large CSV export is counted per column rather than row by row (see `CensusReader`).
    public var census = CensusOptions()
    /// Where the parts of a zip (xlsx, .lsa) are copied out while read; the system's temporary
    /// folder when `nil`. A workspace keeps them in its own owner-only folder.
    public var scratchFolder: URL?
    /// The header words of personal-data columns: the office's `pipelines/personal-data.yaml`
    /// when a workspace run loads it, else `PersonalDataWords.builtIn`.
    public var personalWords = PersonalDataWords.builtIn

    /// `file`: the name of the file being read; `read` of `total` bytes.
    public typealias ReadProgress = @Sendable (_ file: String, _ read: Int, _ total: Int) -> Void

    public init(keys: PersonKeyMaker, limits: CSVReader.Limits = .init(), progress: ReadProgress? = nil) {
        self.keys = keys
        self.limits = limits
        self.progress = progress
    }

    /// Reads `url`, calling `emit` for each record. `sha256`, when not given, is worked out on a
    /// thread of its own while the file is read.
    /// `companions` are the other files of the same event: a LimeSurvey response file (.lsr)
    /// takes its questions from the structure file (.lss) among them. `planner` is asked, after a
    /// large survey export's first rows, whether the rest may come as one `.census`; without it,
    /// every row comes as a `.response`.
    @discardableResult
    public func ingest(_ url: URL, sha256: String? = nil, companions: [URL] = [], planner: (() -> CensusPlan?)? = nil,
                       emit: (IngestRecord) throws -> Void) throws -> SourceFile {
        try withoutActuallyEscaping(emit) { emit in
            try ingest(url, sha256: sha256, companions: companions, planner: planner, escaping: emit)
        }
    }

    /// The survey columns a file starts with, read from its head only; `nil` when it is no survey
    /// export or cannot be read (reading it for real will say why).
    public func surveyColumns(of url: URL, companions: [URL] = []) -> SurveyColumns? {
        var found: SurveyColumns?
        do {
            try ingest(url, sha256: "", companions: companions) { record in
                switch record {
                case .surveyColumns(let columns):
                    found = columns
                    throw HeadRead()
                case .source, .webinar, .notice: break
                case .registrant, .attendance, .response, .census: throw HeadRead()
                }
            }
        } catch {}
        return found
    }

    /// `true` for a file that only describes a survey (a LimeSurvey .lss): read such files first.
    public static func describesSurvey(_ url: URL) -> Bool {
        (try? ByteSource(url: url)).map(LimeSurveyStructure.isStructure) ?? false
    }

    private func ingest(_ url: URL, sha256: String?, companions: [URL], planner: (() -> CensusPlan?)?,
                        escaping consumer: @escaping (IngestRecord) throws -> Void) throws -> SourceFile {
        // What the consumer throws is the consumer's business: it passes through unchanged.
        let emit: (IngestRecord) throws -> Void = { record in
            do { try consumer(record) } catch { throw ConsumerError(underlying: error) }
        }
        do {
            let source = try ByteSource(url: url)
            let bytes = try Self.size(of: url)
            if let progress {
                let name = url.lastPathComponent
                source.progress = { progress(name, $0, bytes) }
            }
            let identity = sha256.map(FileIdentity.init(known:)) ?? FileIdentity(hashing: url)
            // However the read ends, the hashing thread is done with the file before this returns.
            defer { try? identity.check() }
            let context = IngestContext(source: source, identity: identity, bytes: bytes, keys: keys, personalWords: personalWords, emit: emit)
            let file = try read(source, context: context, companions: companions, planner: planner)
            try identity.check()
            return file
        } catch let problem as InputProblem {
            throw problem
        } catch let consumer as ConsumerError {
            throw consumer.underlying
        } catch {
            throw InputProblem(file: url.lastPathComponent, problem: "ファイルを読み込めませんでした（\(error)）。",
                               remedy: "ファイルが壊れていないか確認し、もう一度ダウンロードしてください。")
        }
    }

    private func read(_ source: ByteSource, context: IngestContext, companions: [URL],
                      planner: (() -> CensusPlan?)?) throws -> SourceFile {
        switch try FormatSniffer.container(of: source) {
        case .zip:
            return try ZipExportReader(context: context, limits: limits, scratchFolder: scratchFolder).read()
        case .xml:
            return try XMLExportReader(context: context, companions: companions).read()
        case .text:
            let encoding = try EncodingDetector.detect(source)
            let head = source.textHead(encoding)
            if FormatSniffer.isXML(head) {
                return try XMLExportReader(context: context, companions: companions).read()
            }
            let delimiter = ByteSource.delimiter(ofTextHead: head)
            let table = TableReader(context: context, encoding: encoding.rawValue)
            let reader = CSVReader(limits: limits, delimiter: delimiter, encoding: encoding)
            try CensusReader(options: census, limits: limits).read(source, encoding: encoding, reader: reader, table: table,
                                                                   planner: planner)
            return try table.finish()
        }
    }

    /// Reads a plain table that is no export (a core import file): encoding and delimiter detected
    /// as for exports, every byte through libcsv, blank rows skipped.
    public func readPlainTable(_ url: URL, _ body: (CSVRecord) throws -> Void) throws {
        let source = try ByteSource(url: url)
        let encoding = try EncodingDetector.detect(source)
        let delimiter = ByteSource.delimiter(ofTextHead: source.textHead(encoding))
        try CSVReader(limits: limits, delimiter: delimiter, encoding: encoding).read(source, body)
    }

    private static func size(of url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    }
}

/// Stops a read once the head of interest is seen.
private struct HeadRead: Error {}

/// An error thrown by the code ingest hands records to, carried out of ingest unchanged.
private struct ConsumerError: Error {
    let underlying: any Error
}
