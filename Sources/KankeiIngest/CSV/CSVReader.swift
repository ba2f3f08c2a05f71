import CCSV
import Foundation
import KankeiModel

/// Reads a CSV file through libcsv in strict mode, streaming: the file is read in 64 KiB chunks
/// and each record is handed over as soon as it ends. A quote where RFC 4180 allows none (inside
/// an unquoted field, or after a closing quote — Zoom writes `…such as "Student activeStudent" may…`
/// unquoted) is read as a character, the way Excel and Python's csv read it: libcsv takes that one
/// byte in its lenient mode, then goes on strictly; the record is marked `strayQuote`. Keeps the spreadsheet row of every record
/// (quoted line breaks and CRLF counted right), refuses a field larger than `maxFieldBytes` and
/// bytes that are not text. Files in CP932 or UTF-16 are converted to UTF-8 as they stream in.
public struct CSVReader {
    public struct Limits: Sendable {
        /// The largest field accepted (a longer one is almost certainly not a survey answer).
        public var maxFieldBytes = 4 << 20
        /// The most fields accepted in one record.
        public var maxFields = 20_000
        /// The largest part of a zip (xlsx, .lsa) accepted once uncompressed: a zip bomb stops here.
        public var maxZipPartBytes = 256 << 20

        public init(maxFieldBytes: Int = 4 << 20, maxFields: Int = 20_000, maxZipPartBytes: Int = 256 << 20) {
            self.maxFieldBytes = maxFieldBytes
            self.maxFields = maxFields
            self.maxZipPartBytes = maxZipPartBytes
        }
    }

    public var limits: Limits
    public var delimiter: UInt8
    public var encoding: TextEncoding

    public init(limits: Limits = Limits(), delimiter: UInt8 = UInt8(ascii: ","), encoding: TextEncoding = .utf8) {
        self.limits = limits
        self.delimiter = delimiter
        self.encoding = encoding
    }

    /// Reads `source` from its start, calling `body` for every non-blank record. `body` may throw
    /// to stop; a CSV error is thrown as an `InputProblem` naming the row. With `range` (which
    /// starts on a row), reads those bytes only, the first of them on row `firstRow`. Returns the
    /// row after the last one read.
    @discardableResult
    public func read(_ source: ByteSource, range: Range<Int>? = nil, firstRow: Int = 1,
                     _ body: (CSVRecord) throws -> Void) throws -> Int {
        var parser = csv_parser()
        let strict = UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL)
        guard csv_init(&parser, strict) == 0 else {
            throw source.problem(.wholeFile, "CSVパーサーを初期化できませんでした。", "もう一度実行してください。")
        }
        defer { csv_free(&parser) }
        csv_set_delim(&parser, delimiter)
        csv_set_blk_size(&parser, 4096)

        // Text converted by iconv is valid UTF-8 by construction: only bytes read as they are are checked.
        let context = CSVContext(limits: limits, validatesText: encoding.iconvName == nil)
        context.currentRow = firstRow
        let opaque = Unmanaged.passUnretained(context).toOpaque()
        return try withExtendedLifetime(context) {
            try source.forEachUTF8Chunk(encoding, in: range, firstLine: firstRow) { chunk in
                var offset = 0
                while true {
                    let rest = chunk.count - offset
                    let parsed = csv_parse(&parser, chunk.baseAddress.map { $0 + offset }, rest, csvFieldCallback, csvRecordCallback, opaque)
                    try context.drain(body)
                    offset += parsed
                    if parsed == rest { break }
                    guard csv_error(&parser) == CSV_EPARSE else {
                        throw source.problem(.row(context.currentRow), Self.describe(csv_error(&parser)), Self.quoteRemedy)
                    }
                    // libcsv kept its state for the byte it stopped on.
                    parser.status = 0
                    context.strayQuote = true
                    if parser.pstate == Self.fieldMightHaveEnded {
                        Self.unquote(&parser)
                        continue
                    }
                    // A quote inside an unquoted field: that one byte as a character.
                    csv_set_opts(&parser, strict & ~UInt8(CSV_STRICT))
                    let taken = csv_parse(&parser, chunk.baseAddress.map { $0 + offset }, 1, csvFieldCallback, csvRecordCallback, opaque)
                    csv_set_opts(&parser, strict)
                    guard taken == 1 else {
                        throw source.problem(.row(context.currentRow), Self.describe(csv_error(&parser)), Self.quoteRemedy)
                    }
                    offset += 1
                }
                if csv_get_buffer_size(&parser) > limits.maxFieldBytes {
                    throw source.problem(
                        .row(context.currentRow),
                        "1つのセルが大きすぎます（\(limits.maxFieldBytes / (1 << 20)) MB超）。引用符（\"）が閉じられていない可能性があります。",
                        Self.quoteRemedy)
                }
                if let row = context.invalidTextRow { throw Self.notUTF8(source, row) }
                if let overflow = context.overflow {
                    throw source.problem(.row(overflow), "列が多すぎます（\(limits.maxFields)列超）。", "アンケートの書き出しファイルか確認してください。")
                }
            }
            if csv_fini(&parser, csvFieldCallback, csvRecordCallback, opaque) != 0 {
                throw source.problem(.row(context.currentRow), "ファイルの終わりで引用符（\"）が閉じられていません。ファイルが途中で切れている可能性があります。",
                                     "元のサービスからもう一度ダウンロードしてください。")
            }
            try context.drain(body)
            if let row = context.invalidTextRow { throw Self.notUTF8(source, row) }
            return context.currentRow
        }
    }

    /// libcsv's parser states (libcsv.c): inside a field, and just after a quote inside a quoted one.
    static let fieldBegun: Int32 = 2
    static let fieldMightHaveEnded: Int32 = 3

    /// Text after a closing quote (`"q"r`): the quoted part was the field's start, the rest goes on
    /// unquoted, as Python's csv reads it (`qr`). The closing quote libcsv has kept is dropped (the
    /// spaces after it stay) and the field continues unquoted.
    static func unquote(_ parser: inout csv_parser) {
        let quote = parser.entry_pos - parser.spaces - 1
        if let buffer = parser.entry_buf, parser.entry_pos > parser.spaces {
            for index in quote..<(parser.entry_pos - 1) { buffer[index] = buffer[index + 1] }
            parser.entry_pos -= 1
        }
        parser.spaces = 0
        parser.quoted = 0
        parser.pstate = fieldBegun
    }

    static func notUTF8(_ source: ByteSource, _ row: Int) -> InputProblem {
        source.problem(.row(row), "UTF-8として読めない文字があります（ファイルの途中で文字コードが変わっているか、ファイルが壊れています）。",
                       "ExcelやGoogleスプレッドシートから「CSV UTF-8」形式で保存し直してください。")
    }

    static let quoteRemedy = "その行の引用符（\"）を確認するか、元のサービスからもう一度ダウンロードしてください。Excelで編集した場合は「CSV UTF-8（コンマ区切り）」で保存し直してください。"

    static func describe(_ code: Int32) -> String {
        switch code {
        case CSV_EPARSE: "CSVの書式が正しくありません（引用符「\"」の位置が不正です）。"
        case CSV_ENOMEM, CSV_ETOOBIG: "セルが大きすぎて読めません。"
        default: "CSVを読めませんでした（libcsv エラー \(code)）。"
        }
    }
}

/// The state libcsv's callbacks fill: the record being built and records ready to hand over.
final class CSVContext {
    let limits: CSVReader.Limits
    var bytes: [UInt8] = []
    var ends: [Int] = []
    /// The row the current record started on.
    var currentRow = 1
    /// Line breaks inside quoted fields of the current record.
    var quotedBreaks = 0
    var previousTerminator: Int32 = 0
    var ready: [CSVRecord] = []
    var overflow: Int?
    /// The current record holds a quote read as a character.
    var strayQuote = false
    /// The first row whose bytes are not valid UTF-8.
    var invalidTextRow: Int?
    let validatesText: Bool

    init(limits: CSVReader.Limits, validatesText: Bool) {
        self.limits = limits
        self.validatesText = validatesText
    }

    func addField(_ pointer: UnsafeRawPointer?, _ length: Int) {
        guard ends.count < limits.maxFields else {
            overflow = overflow ?? currentRow
            return
        }
        // A cell of NUL bytes only (SurveyMonkey's header placeholders) is empty.
        if let pointer, length > 0, !UnsafeRawBufferPointer(start: pointer, count: length).allSatisfy({ $0 == 0 }) {
            let field = UnsafeRawBufferPointer(start: pointer, count: length)
            bytes.append(contentsOf: field)
            quotedBreaks += field.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        }
        ends.append(bytes.count)
    }

    func endRecord(_ terminator: Int32) {
        defer { previousTerminator = terminator }
        if ends.isEmpty {
            // A blank line, or the LF of a CRLF whose CR already ended the record.
            if !(terminator == 0x0A && previousTerminator == 0x0D) && terminator != -1 { currentRow += 1 }
            return
        }
        if validatesText, invalidTextRow == nil, !UTF8Validation.isValid(bytes) { invalidTextRow = currentRow }
        ready.append(CSVRecord(row: currentRow, bytes: bytes, ends: ends, strayQuote: strayQuote))
        strayQuote = false
        currentRow += 1 + quotedBreaks
        quotedBreaks = 0
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    func drain(_ body: (CSVRecord) throws -> Void) throws {
        guard !ready.isEmpty, invalidTextRow == nil else { return }
        let records = ready
        ready.removeAll(keepingCapacity: true)
        for record in records where !record.isBlank { try body(record) }
    }
}

private func csvFieldCallback(_ field: UnsafeMutableRawPointer?, _ length: Int, _ data: UnsafeMutableRawPointer?) {
    Unmanaged<CSVContext>.fromOpaque(data!).takeUnretainedValue().addField(field, length)
}

private func csvRecordCallback(_ terminator: Int32, _ data: UnsafeMutableRawPointer?) {
    Unmanaged<CSVContext>.fromOpaque(data!).takeUnretainedValue().endRecord(terminator)
}
