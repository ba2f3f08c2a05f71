import Foundation
import KankeiModel

/// The ingest stage: one source file in, its `IngestRecord`s out (`.source` first).
///
/// The format is recognised by content, never by file name. CSV bytes go through libcsv, XML bytes
/// through libxml2; nothing is loaded whole. A file that cannot be read throws an `InputProblem`
/// saying which file, where, what is wrong and what to do.
public struct Ingestor: Sendable {
    public var keys: PersonKeyMaker
    public var limits: CSVReader.Limits

    public init(keys: PersonKeyMaker, limits: CSVReader.Limits = .init()) {
        self.keys = keys
        self.limits = limits
    }

    /// Reads `url`, calling `emit` for each record. `sha256` is computed when not given.
    @discardableResult
    public func ingest(_ url: URL, sha256: String? = nil, emit: (IngestRecord) throws -> Void) throws -> SourceFile {
        try withoutActuallyEscaping(emit) { emit in try ingest(url, sha256: sha256, escaping: emit) }
    }

    private func ingest(_ url: URL, sha256: String?, escaping consumer: @escaping (IngestRecord) throws -> Void) throws -> SourceFile {
        // What the consumer throws is the consumer's business: it passes through unchanged.
        let emit: (IngestRecord) throws -> Void = { record in
            do { try consumer(record) } catch { throw ConsumerError(underlying: error) }
        }
        do {
            let source = try ByteSource(url: url)
            let digest = try sha256.map { ($0, try Self.size(of: url)) } ?? FileDigest.sha256(of: url)
            try FormatSniffer.check(source)
            let context = IngestContext(source: source, sha256: digest.0, keys: keys, emit: emit)
            var file: SourceFile?
            var parser: (any CSVExportParser)?
            try CSVReader(limits: limits).read(source) { record in
                if let parser {
                    try parser.consume(record)
                    return
                }
                let format = try Self.format(of: record, context: context)
                file = SourceFile(name: source.name, sha256: digest.0, bytes: digest.1, format: format,
                                  encoding: source.byteOrderMark == .utf8 ? "UTF-8 (BOM)" : "UTF-8")
                try emit(.source(file!))
                parser = try Self.parser(for: format, first: record, context: context)
            }
            guard let parser, let file else {
                throw source.problem(.wholeFile, "ファイルにデータがありません（空か、空行だけです）。",
                                     "元のサービスからもう一度ダウンロードしてください。")
            }
            try parser.finish()
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

    /// Recognises the export from the file's first record.
    private static func format(of record: CSVRecord, context: IngestContext) throws -> SourceFormat {
        let first = record.firstKey
        if let report = ZoomVocabulary.reportTitles[first] { return report }
        if GoogleFormsParser.timestampHeaders.contains(first) { return .googleFormsCSV }
        throw context.problem(record, "この CSV がどのサービスの書き出しファイルか判別できませんでした（1行目、\(record.count)列）。"
            + FormatSniffer.readableFormats, FormatSniffer.remedy)
    }

    /// The parser for `format`, already fed the first record.
    private static func parser(for format: SourceFormat, first record: CSVRecord, context: IngestContext) throws
        -> any CSVExportParser {
        switch format {
        case .zoomAttendeeReport, .zoomRegistrationReport:
            let parser = ZoomReportParser(format: format, context: context)
            try parser.consume(record)
            return parser
        case .googleFormsCSV:
            return try GoogleFormsParser(header: record, context: context)
        }
    }

    private static func size(of url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    }
}

/// An error thrown by the code ingest hands records to, carried out of ingest unchanged.
private struct ConsumerError: Error {
    let underlying: any Error
}
