import KankeiModel

/// Reads a form tool's response table whose header row holds the question texts: Google Forms
/// (タイムスタンプ / Timestamp first) and Microsoft Forms (ID, 開始時刻 / Start time, 完了時刻 /
/// Completion time, メール / Email, 名前 / Name, Language / 言語 (metadata), then the questions), as CSV or xlsx. Personal
/// columns, by their header words, become the respondent's `PersonKey` or are dropped; addresses
/// and phone numbers written inside answers are masked. Multiple answers stay joined in their cell
/// (`, ` from Sheets, `;` from the Forms downloads, `A;B;C;` from Microsoft Forms) for normalize to
/// split against the options.
final class FormResponsesParser: TableExportParser {
    /// What tells one tool's table from another's.
    struct Style {
        let format: SourceFormat
        /// Headers of the column holding the submission time.
        let submitted: Set<String>
        /// Headers of columns that are the tool's bookkeeping, not questions.
        let skipped: Set<String>
        /// Prefixes of bookkeeping columns that repeat per question (quiz points and feedback).
        let skippedPrefixes: [String]

        /// Recognises the style from the first record (the header row).
        let recognises: @Sendable (CSVRecord) -> Bool
    }

    private static let googleTimestamps = MatchKey.keys(["タイムスタンプ", "Timestamp"])

    static let googleForms = Style(
        format: .googleFormsCSV,
        submitted: googleTimestamps,
        skipped: MatchKey.keys(["スコア", "Score", "得点"]),
        skippedPrefixes: [],
        recognises: { googleTimestamps.contains($0.firstKey) })

    static let microsoftForms = Style(
        format: .microsoftFormsXLSX,
        submitted: MatchKey.keys(["完了時刻", "Completion time"]),
        skipped: MatchKey.keys(["ID", "開始時刻", "Start time", "最終変更時刻", "Last modified time", "Total points", "Quiz feedback",
                                "Grade posted time", "合計ポイント", "クイズのフィードバック", "成績の公開時刻", "Language", "言語"]),
        skippedPrefixes: ["Points - ", "Feedback - ", "ポイント - ", "フィードバック - "].map(MatchKey.make),
        recognises: { record in
            record.firstKey == "id" && MatchKey.keys(["開始時刻", "Start time", "完了時刻", "Completion time"]).contains(MatchKey.make(record[1] ?? ""))
        })

    private let context: IngestContext
    private let headerCount: Int
    private var layout = SurveyLayout()

    /// Starts from the header row.
    init(style: Style, header: CSVRecord, context: IngestContext) throws {
        self.context = context
        headerCount = header.count
        for index in 0..<header.count {
            let text = MatchKey.trimmed(header[index]!)
            let key = MatchKey.make(text)
            if style.submitted.contains(key) {
                layout.roles.append(.submitted)
            } else if style.skipped.contains(key) || style.skippedPrefixes.contains(where: key.hasPrefix)
                        || (text.isEmpty && index == header.count - 1) {
                layout.roles.append(.skip)
            } else if let personal = SurveyLayout.personalRole(ofHeader: text, words: context.personalWords) {
                layout.roles.append(personal)
            } else {
                layout.roles.append(.answer(question: layout.addQuestion(text)))
            }
        }
        guard !layout.questions.isEmpty else {
            throw context.problem(header, "アンケートの設問の列がありません（見出し行に回答日時や個人情報の列しかありません）。",
                                  "フォームの「回答」タブから回答をダウンロードし直してください。")
        }
        try context.emit(.surveyColumns(layout.columns(context, format: style.format)))
    }

    func consume(_ record: CSVRecord) throws {
        if record.count > headerCount, (headerCount..<record.count).contains(where: { record.value($0) != nil }) {
            throw context.problem(record, "見出し行より列の多い行があります（見出し\(headerCount)列、この行\(record.count)列）。",
                                  "フォームからダウンロードした回答をそのまま置いてください（列を追加・削除しないでください）。")
        }
        try context.emitResponse(record, layout)
    }

    func finish() throws {}

    func censusColumns(_ plan: CensusPlan) -> [(question: Int, column: CensusPlan.Column)?]? {
        layout.censusColumns(plan)
    }
}
