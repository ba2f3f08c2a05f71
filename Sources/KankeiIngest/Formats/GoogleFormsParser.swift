import KankeiModel

/// Reads a Google Forms response CSV: the header row holds the question texts after the
/// タイムスタンプ / Timestamp column. Columns that hold personal data — by the words of their
/// header: e-mail, name, phone, postal address — never go further: the first e-mail column (or,
/// without one, the first name column) becomes the respondent's `PersonKey`, the rest are dropped;
/// addresses or phone numbers written inside answers are masked. A quiz's score column is skipped.
/// Checkbox answers stay joined in their cell (`, ` from Sheets, `;` from the Forms download) for
/// normalize to split against the options.
final class GoogleFormsParser: CSVExportParser {
    static let timestampHeaders: Set<String> = MatchKey.keys(["タイムスタンプ", "Timestamp"])
    private static let skippedHeaders: Set<String> = MatchKey.keys(["スコア", "Score", "得点"])

    private let context: IngestContext
    private let headerCount: Int
    private var emailColumn: Int?
    private var nameColumn: Int?
    private var questionColumns: [Int] = []

    /// Starts from the header row.
    init(header: CSVRecord, context: IngestContext) throws {
        self.context = context
        headerCount = header.count
        var questions: [String] = []
        for index in 1..<header.count {
            let text = MatchKey.trimmed(header[index]!)
            let key = MatchKey.make(text)
            switch PersonalColumn.kind(ofHeader: key) {
            case .email?: emailColumn = emailColumn ?? index
            case .name?: nameColumn = nameColumn ?? index
            case .contact?: continue
            case nil:
                if !Self.skippedHeaders.contains(key), !(text.isEmpty && index == header.count - 1) {
                    questionColumns.append(index)
                    questions.append(text)
                }
            }
        }
        guard !questionColumns.isEmpty else {
            throw context.problem(header, "アンケートの設問の列がありません（見出し行にタイムスタンプしかありません）。",
                                  "Googleフォームの「回答」タブから回答をダウンロードし直してください。")
        }
        try context.emit(.surveyColumns(SurveyColumns(source: context.sha256, format: .googleFormsCSV, columns: questions)))
    }

    func consume(_ record: CSVRecord) throws {
        if record.count > headerCount, (headerCount..<record.count).contains(where: { record.value($0) != nil }) {
            throw context.problem(record, "見出し行より列の多い行があります（見出し\(headerCount)列、この行\(record.count)列）。",
                                  "Googleフォームからダウンロードした回答をそのまま置いてください（列を追加・削除しないでください）。")
        }
        let person = context.keys.key(email: record.value(emailColumn), name: record.value(nameColumn))
        try context.emit(.response(SurveyResponse(
            provenance: context.provenance(record),
            submittedAt: record.value(0),
            person: person,
            cells: questionColumns.map { record.value($0).map(PersonalDataMask.mask) })))
    }

    func finish() throws {}
}
