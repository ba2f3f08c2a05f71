import KankeiModel

/// A reader for one kind of table export (CSV, or an xlsx sheet), fed the table's records in order.
protocol TableExportParser: AnyObject {
    func consume(_ record: CSVRecord) throws
    func finish() throws
    /// Per column, the question it answers and how `plan` counts it (`nil`: a column that is no
    /// answer); `nil` when the rows cannot be counted column by column: they name people, or a
    /// question spans several columns.
    func censusColumns(_ plan: CensusPlan) -> [(question: Int, column: CensusPlan.Column)?]?
}

extension TableExportParser {
    func censusColumns(_ plan: CensusPlan) -> [(question: Int, column: CensusPlan.Column)?]? { nil }
}

/// What every export parser needs: where records go, how people become keys, and the file.
struct IngestContext {
    let source: ByteSource
    let identity: FileIdentity
    let bytes: Int
    let keys: PersonKeyMaker
    /// The header words of personal-data columns (`pipelines/personal-data.yaml`).
    var personalWords: PersonalDataWords
    let emit: (IngestRecord) throws -> Void

    /// The file's sha256 (waited for, the first time, while it is worked out).
    var sha256: String { identity.sha256 }

    func provenance(_ record: CSVRecord) -> Provenance {
        Provenance(sha256: sha256, row: record.row)
    }

    func problem(_ record: CSVRecord, _ problem: String, _ remedy: String) -> InputProblem {
        source.problem(.row(record.row), problem, remedy)
    }

    /// Emits the file's `.source` record, once its format is known: always the first record.
    @discardableResult
    func begin(_ format: SourceFormat, encoding: String) throws -> SourceFile {
        // A file hashed while it is read: nothing is handed on until its sha256 is known.
        try identity.check()
        let file = SourceFile(name: source.name, sha256: sha256, bytes: bytes, format: format, encoding: encoding)
        try emit(.source(file))
        return file
    }
}

extension CSVRecord {
    /// The field trimmed, `nil` when empty or Zoom's `--`.
    func value(_ index: Int?) -> String? {
        guard let index, let text = self[index] else { return nil }
        return CellText.meaningful(text)
    }

    /// The matching key of the first field.
    var firstKey: String { MatchKey.make(self[0] ?? "") }

    /// The matching keys of all fields.
    var keys: [String] { fields.map(MatchKey.make) }

    /// `true` when only the first field has text (a label row padded with commas).
    var isLabelRow: Bool {
        count >= 1 && (1..<count).allSatisfy { MatchKey.trimmed(self[$0]!).isEmpty }
    }
}
