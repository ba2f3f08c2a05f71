import CCensus
import Dispatch
import Foundation
import KankeiModel

/// Reads a large CSV export in two parts. The first `headRows` rows go one by one, as for any
/// file, so normalize sees them as responses and infers the questions' types from them. Then, if
/// normalize asks for a census (`planner`) and the export's columns allow one, the rest comes as
/// one `.census` record, counted per column on every core (`ChunkCensus`). That census starts
/// before the first rows are read (`ParallelCensus`): while they are read, and the file is
/// hashed, the other cores already count the rest. Whatever the census cannot count exactly (an
/// odd row, too many distinct answers, bytes that are not text) sends the rest through row by row
/// instead, which gives the same figures and names the row of any problem.
struct CensusReader {
    let options: CensusOptions
    let limits: CSVReader.Limits

    /// Reads `source` with `reader`, handing rows (and the census) to `table`; without a
    /// `planner` (or for a small file), row by row from start to end.
    func read(_ source: ByteSource, encoding: TextEncoding, reader: CSVReader, table: TableReader,
              planner: (() -> CensusPlan?)?) throws {
        guard let planner, let censusEncoding = CensusEncoding(encoding), let file = FileBytes(url: source.url),
              file.size >= options.minimumBytes else {
            try reader.read(source) { try table.consume($0) }
            return
        }
        let all = source.textStart..<file.size
        let headEnd = RowChunks.end(ofRows: options.headRows, file, all)
        let rest = headEnd..<file.size
        let early = rest.isEmpty ? nil : try startCensus(file, rest, header: all.lowerBound..<headEnd, source: source,
                                                         reader: reader, encoding: censusEncoding)
        defer { early?.stop() }
        let nextRow = try reader.read(source, range: all.lowerBound..<headEnd) { try table.consume($0) }
        guard !rest.isEmpty else { return }
        if let plan = planner(), let columns = table.censusColumns(plan) {
            let merge = CensusMerge(columns: columns, questionCount: plan.columns.count, encoding: censusEncoding,
                                    keptTexts: plan.keptTexts)
            let progress: (Int) -> Void = { source.progress?(headEnd + $0) }
            // The census begun early serves when it counted these columns and kept as many texts
            // (its stretches are let go once merged, before any other census is taken).
            var census: ResponseCensus?
            if let early, early.settings.kinds.count == columns.count, plan.keptTexts <= early.settings.keptTexts {
                census = early.wait(progress: progress).flatMap { merge.merge($0, source: table.sha256) }
            }
            early?.stop()
            if census == nil {
                census = ParallelCensus(file, rest, settings(columns, merge, reader.delimiter), parts: options.stretches)
                    .wait(progress: progress).flatMap { merge.merge($0, source: table.sha256) }
            }
            if let census { return try table.add(census) }
        }
        early?.stop()
        try reader.read(source, range: rest, firstRow: nextRow) { try table.consume($0) }
    }

    /// The census of `rest` begun now, every column of the header (the first record in `head`)
    /// counted as values until it shows itself to be free text.
    private func startCensus(_ file: FileBytes, _ rest: Range<Int>, header head: Range<Int>, source: ByteSource,
                             reader: CSVReader, encoding: CensusEncoding) throws -> ParallelCensus? {
        var width: Int?
        do {
            try reader.read(source, range: head) { record in
                width = record.count
                throw HeaderRead()
            }
        } catch is HeaderRead {}
        guard let width else { return nil }
        let settings = ChunkCensus.Settings(kinds: [UInt8](repeating: UInt8(KANKEI_COLUMN_AUTO), count: width),
                                            encoding: encoding, delimiter: reader.delimiter, keptTexts: Tabulation.keptTexts,
                                            autoValues: options.autoValues, limits: limits)
        return ParallelCensus(file, rest, settings, parts: options.stretches)
    }

    private struct HeaderRead: Error {}

    /// How a census counts the plan's kinds of column.
    private func settings(_ columns: [(question: Int, column: CensusPlan.Column)?], _ merge: CensusMerge,
                          _ delimiter: UInt8) -> ChunkCensus.Settings {
        let kinds: [UInt8] = columns.map { counted in
            switch counted?.column {
            case .values?: UInt8(KANKEI_COLUMN_VALUES)
            case .texts?: UInt8(KANKEI_COLUMN_TEXTS)
            case nil: UInt8(KANKEI_COLUMN_IGNORE)
            }
        }
        return ChunkCensus.Settings(kinds: kinds, encoding: merge.encoding, delimiter: delimiter, keptTexts: merge.keptTexts,
                                    autoValues: options.autoValues, limits: limits)
    }
}

/// When and how `CensusReader` counts a large export per column.
public struct CensusOptions: Sendable {
    /// Files smaller than this are read row by row (a census is not worth starting).
    public var minimumBytes = 4 << 20
    /// Rows read one by one first: a little more than normalize's type-inference sample (2,000
    /// responses), so blank rows in between still leave it complete.
    public var headRows = 2_200
    /// Stretches per file: a few per core, so a core that finishes early takes another.
    public var stretches = 2 * ProcessInfo.processInfo.activeProcessorCount
    /// Distinct cells a column holds, in a census begun before its kind is known, before it may
    /// turn out to be free text (when at least one cell in eight is new).
    public var autoValues = 4_096

    public init() {}
}
