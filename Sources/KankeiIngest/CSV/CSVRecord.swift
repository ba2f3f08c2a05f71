/// One CSV record: its fields' bytes in one buffer, and the row a spreadsheet shows it on.
/// Fields become `String`s only when asked for, so scanning a record costs no allocation per field.
public struct CSVRecord: Sendable {
    /// The spreadsheet row the record starts on (1 = the file's first line).
    public let row: Int
    private let bytes: [UInt8]
    private let ends: [Int]
    /// A quote stood where CSV allows none and was read as a character (see `CSVReader`).
    public let strayQuote: Bool

    init(row: Int, bytes: [UInt8], ends: [Int], strayQuote: Bool = false) {
        self.row = row
        self.bytes = bytes
        self.ends = ends
        self.strayQuote = strayQuote
    }

    public var count: Int { ends.count }

    public func bytes(at index: Int) -> ArraySlice<UInt8> {
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes[start..<ends[index]]
    }

    /// The field as text, or `nil` past the last field. Bytes were validated as UTF-8 on reading.
    public subscript(index: Int) -> String? {
        guard index >= 0, index < ends.count else { return nil }
        return String(decoding: bytes(at: index), as: UTF8.self)
    }

    /// All fields as text.
    public var fields: [String] { (0..<count).map { self[$0]! } }

    /// `true` when every field is empty after trimming (a padding row such as `,,,`).
    public var isBlank: Bool {
        (0..<count).allSatisfy { bytes(at: $0).allSatisfy { $0 == 0x20 || $0 == 0x09 } }
    }
}

extension CSVRecord {
    /// A record made from cells read elsewhere (a spreadsheet's row), so every table export is
    /// read by the same parsers whether it came as CSV or xlsx.
    init(row: Int, fields: [String]) {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for field in fields {
            bytes.append(contentsOf: field.utf8)
            ends.append(bytes.count)
        }
        self.init(row: row, bytes: bytes, ends: ends)
    }
}
