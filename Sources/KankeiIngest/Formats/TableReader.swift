import KankeiModel

/// Reads a table export (CSV, tab-separated text or an xlsx sheet) record by record: recognises
/// the export from its first record, emits the file's `.source`, then hands every record to the
/// export's parser. An export whose table has a header but not one row of people or answers is
/// refused: it is a half-finished download or an export made before anyone answered.
final class TableReader {
    private let context: IngestContext
    private let encoding: String
    private var parser: (any TableExportParser)?
    private var file: SourceFile?
    private let counter = DataRowCounter()
    private var lastRow = 0
    /// Rows whose quotes were read as characters (see `CSVReader`).
    private var strayQuoteRows: [Int] = []

    init(context: IngestContext, encoding: String) {
        let counter = counter
        self.context = IngestContext(source: context.source, identity: context.identity, bytes: context.bytes, keys: context.keys,
                                     personalWords: context.personalWords) { record in
            counter.count(record)
            try context.emit(record)
        }
        self.encoding = encoding
    }

    func consume(_ record: CSVRecord) throws {
        lastRow = record.row
        if record.strayQuote { strayQuoteRows.append(record.row) }
        if let parser { return try parser.consume(record) }
        guard let kind = TableFormats.all.first(where: { $0.recognises(record) }) else {
            throw context.problem(record, "このファイルがどのサービスの書き出しファイルか判別できませんでした（1行目、\(record.count)列）。"
                + FormatSniffer.readableFormats, FormatSniffer.remedy)
        }
        file = try context.begin(kind.format(record), encoding: encoding)
        parser = try kind.parser(record, context)
    }

    /// The file's sha256.
    var sha256: String { context.sha256 }

    /// Per column of the table, the question it answers and how a census counts it; `nil` when
    /// this export cannot be counted per column (see `TableExportParser.censusColumns`).
    func censusColumns(_ plan: CensusPlan) -> [(question: Int, column: CensusPlan.Column)?]? {
        parser?.censusColumns(plan)
    }

    /// Hands on the census of the rows after those consumed.
    func add(_ census: ResponseCensus) throws {
        try context.emit(.census(census))
    }

    func finish() throws -> SourceFile {
        guard let parser, let file else {
            throw context.source.problem(.wholeFile, "ファイルにデータがありません（空か、空行だけです）。",
                                         "元のサービスからもう一度ダウンロードしてください。")
        }
        try parser.finish()
        if !strayQuoteRows.isEmpty {
            try context.emit(.notice(Notice(source: file.name, message: Self.strayQuoteNote(file.name, strayQuoteRows))))
        }
        guard counter.dataRecords > 0 else {
            throw context.source.problem(
                .row(lastRow), "見出しはありますが、その下に回答・参加者の行が1件もありません（\(lastRow)行目で終わっています）。書き出しが途中で止まったか、回答が集まる前に書き出したファイルです。",
                "回答が集まってから、元のサービスでもう一度書き出してください。")
        }
        return file
    }
}

extension TableReader {
    /// Names the rows (the first five, then how many more).
    static func strayQuoteNote(_ file: String, _ rows: [Int]) -> String {
        let shown = rows.prefix(5).map { "\($0)行目" }.joined(separator: "、") + (rows.count > 5 ? "ほか\(rows.count - 5)行" : "")
        return "\(file): \(shown)に、CSVの決まりでは引用符で囲むべき「\"」がそのまま書かれていました。"
            + "ExcelやPythonと同じく文字の「\"」として読み、その行の回答も集計しています。"
    }
}

/// Counts the records that carry people or answers (not the file, webinar or header records).
private final class DataRowCounter {
    private(set) var dataRecords = 0

    func count(_ record: IngestRecord) {
        switch record {
        case .registrant, .attendance, .response: dataRecords += 1
        case .census(let census): dataRecords += census.respondents
        case .source, .webinar, .surveyColumns, .notice: break
        }
    }
}
