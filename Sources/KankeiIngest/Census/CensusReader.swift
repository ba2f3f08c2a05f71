import Dispatch
import Foundation
import KankeiModel

/// Reads a large CSV export in two parts. The first `headRows` rows go one by one, as for any
/// file, so normalize sees them as responses and infers the questions' types from them. Then, if
/// normalize asks for a census (`planner`) and the export's columns allow one, the rest is cut
/// into stretches on row boundaries and counted per column on every core (`ChunkCensus`), one
/// `.census` record for all of it. Whatever the census cannot count exactly — an odd row, too
/// many distinct answers, bytes that are not text — sends the rest through row by row instead,
/// which gives the same figures and names the row of any problem.
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
        let nextRow = try reader.read(source, range: all.lowerBound..<headEnd) { try table.consume($0) }
        let rest = headEnd..<file.size
        guard !rest.isEmpty else { return }
        if let plan = planner(), let kinds = table.censusColumns(plan),
           let census = take(file, rest, kinds: kinds, plan: plan, encoding: censusEncoding, delimiter: reader.delimiter,
                             source: table.sha256) {
            return try table.add(census)
        }
        try reader.read(source, range: rest, firstRow: nextRow) { try table.consume($0) }
    }

    /// The census of `range`, or `nil` when it cannot be taken exactly.
    private func take(_ file: FileBytes, _ range: Range<Int>, kinds: [(question: Int, column: CensusPlan.Column)?],
                      plan: CensusPlan, encoding: CensusEncoding, delimiter: UInt8, source: String) -> ResponseCensus? {
        let stretches = RowChunks.split(file, range, parts: options.stretches)
        let codes: [UInt8] = kinds.map { kind in
            switch kind?.column {
            case .values?: 1
            case .texts?: 2
            case nil: 0
            }
        }
        let counted = ParallelSlots<ChunkCensus>(count: stretches.count)
        let limits = limits
        let kept = plan.keptTexts
        DispatchQueue.concurrentPerform(iterations: stretches.count) { index in
            guard let census = ChunkCensus(kinds: codes, encoding: encoding, delimiter: delimiter, keptTexts: kept, limits: limits) else { return }
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
            defer { buffer.deallocate() }
            if census.count(file, stretches[index], buffer: buffer) { counted[index] = census }
        }
        let censuses = stretches.indices.compactMap { counted[$0] }
        guard censuses.count == stretches.count else { return nil }
        return CensusMerge(questions: kinds.map { $0?.question }, questionCount: plan.columns.count, encoding: encoding,
                           keptTexts: kept).merge(censuses, source: source)
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

    public init() {}
}
