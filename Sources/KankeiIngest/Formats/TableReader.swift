import KankeiModel

/// Reads a table export (CSV, tab-separated text or an xlsx sheet) record by record: recognises
/// the export from its first record, emits the file's `.source`, then hands every record to the
/// export's parser.
final class TableReader {
    private let context: IngestContext
    private let encoding: String
    private var parser: (any TableExportParser)?
    private var file: SourceFile?

    init(context: IngestContext, encoding: String) {
        self.context = context
        self.encoding = encoding
    }

    func consume(_ record: CSVRecord) throws {
        if let parser { return try parser.consume(record) }
        guard let kind = TableFormats.all.first(where: { $0.recognises(record) }) else {
            throw context.problem(record, "このファイルがどのサービスの書き出しファイルか判別できませんでした（1行目、\(record.count)列）。"
                + FormatSniffer.readableFormats, FormatSniffer.remedy)
        }
        file = try context.begin(kind.format(record), encoding: encoding)
        parser = try kind.parser(record, context)
    }

    func finish() throws -> SourceFile {
        guard let parser, let file else {
            throw context.source.problem(.wholeFile, "ファイルにデータがありません（空か、空行だけです）。",
                                         "元のサービスからもう一度ダウンロードしてください。")
        }
        try parser.finish()
        return file
    }
}
