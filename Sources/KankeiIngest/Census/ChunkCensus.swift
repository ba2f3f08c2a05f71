import CCensus

/// One stretch of an export counted by the C census (`kankei_census.h`), owned here and freed
/// with this object.
final class ChunkCensus: @unchecked Sendable {
    let pointer: OpaquePointer
    private(set) var status: Int32 = 0

    /// How a census counts: one `KANKEI_COLUMN_…` per header column, and its limits.
    struct Settings: Sendable {
        var kinds: [UInt8]
        var encoding: CensusEncoding
        var delimiter: UInt8
        var keptTexts: Int
        /// Distinct cells an AUTO column holds before it may turn out to be free text.
        var autoValues: Int
        var limits: CSVReader.Limits
        var maxStoredBytes = ChunkCensus.maxStoredBytes
    }

    init?(_ settings: Settings) {
        let made: OpaquePointer? = settings.kinds.withUnsafeBufferPointer { kinds in
            CP932Table.shared.withTables(settings.encoding == .cp932) { single, double in
                var options = kankei_census_options(
                    kinds: kinds.baseAddress, columns: kinds.count, encoding: settings.encoding.rawValue,
                    cp932_single: single, cp932_double: double, delimiter: settings.delimiter, keep_texts: settings.keptTexts,
                    max_stored_bytes: settings.maxStoredBytes, auto_values: settings.autoValues,
                    max_cell_bytes: settings.limits.maxFieldBytes, max_fields: settings.limits.maxFields)
                return kankei_census_new(&options)
            }
        }
        guard let made else { return nil }
        pointer = made
    }

    deinit { kankei_census_free(pointer) }

    /// Distinct cells and kept texts one stretch may hold before the census gives up and the file
    /// is read row by row (bounds memory however varied the answers are).
    static let maxStoredBytes = 4 << 20

    /// Counts `range` of `file` in blocks of `blockSize`, telling `counted` the bytes of each;
    /// `false` when the stretch must be read row by row instead, or `stop` said to stop (checked
    /// between blocks).
    func count(_ file: FileBytes, _ range: Range<Int>, blockSize: Int = 1 << 18,
               stop: () -> Bool = { false }, counted: (Int) -> Void = { _ in }) -> Bool {
        var stopped = false
        let read = file.forEachBlock(of: range, blockSize: blockSize) { block in
            stopped = stop()
            guard !stopped else { return false }
            status = kankei_census_feed(pointer, block.baseAddress, block.count)
            counted(block.count)
            return status == 0
        }
        guard read, !stopped, status == 0 else { return false }
        status = kankei_census_finish(pointer)
        return status == 0
    }

    var records: Int { Int(kankei_census_records(pointer)) }

    /// Whether `column`'s distinct cells were counted (a VALUES column, or an AUTO one that
    /// stayed values).
    func hasValues(_ column: Int) -> Bool { kankei_census_has_values(pointer, column) != 0 }

    /// The distinct cells of `column`: bytes, count, first record (in this stretch).
    func values(_ column: Int) -> [(bytes: UnsafeRawBufferPointer, count: Int, first: Int)] {
        (0..<kankei_census_value_count(pointer, column)).map { index in
            var bytes: UnsafePointer<UInt8>?
            var length = 0
            var count: UInt64 = 0
            var first: UInt64 = 0
            kankei_census_value(pointer, column, index, &bytes, &length, &count, &first)
            return (UnsafeRawBufferPointer(start: bytes, count: length), Int(count), Int(first))
        }
    }

    func answered(_ column: Int) -> Int { Int(kankei_census_answered(pointer, column)) }

    func texts(_ column: Int) -> [UnsafeRawBufferPointer] {
        (0..<kankei_census_text_count(pointer, column)).map { index in
            var bytes: UnsafePointer<UInt8>?
            var length = 0
            kankei_census_text(pointer, column, index, &bytes, &length)
            return UnsafeRawBufferPointer(start: bytes, count: length)
        }
    }
}

/// The encodings a census reads as they are.
enum CensusEncoding: Int32 {
    case utf8 = 0
    case cp932 = 1

    init?(_ encoding: TextEncoding) {
        switch encoding {
        case .utf8, .utf8BOM: self = .utf8
        case .cp932: self = .cp932
        case .utf16LittleEndian, .utf16BigEndian: return nil
        }
    }
}
