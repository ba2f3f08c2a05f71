import KankeiModel

/// Reads SurveyMonkey's "all individual responses" CSV: row 1 holds the bookkeeping columns
/// (`Respondent ID`, `Collector ID`, `Start Date`, `End Date`, `IP Address`, `Email Address`,
/// `First Name`, `Last Name`, `Custom Data 1`) and each question's text over its first column only;
/// row 2 says what each column of a question is: `Response` (a single answer), `Open-Ended
/// Response` (free text, or 「その他」's text after the options), or an option's text (a multiple
/// answer spread over columns, the cell holding the option when chosen).
final class SurveyMonkeyParser: TableExportParser {
    static func recognises(_ record: CSVRecord) -> Bool {
        let keys = Set(record.keys)
        return (keys.contains("respondentid") && keys.contains("collectorid")) || (keys.contains("回答者id") && keys.contains("コレクターid"))
    }

    private static let bookkeeping: [String: SurveyLayout.Role] = {
        var table: [String: SurveyLayout.Role] = [:]
        for header in ["Respondent ID", "Collector ID", "Start Date", "IP Address", "Custom Data", "Custom Data 1",
                       "回答者 ID", "コレクター ID", "開始日", "IP アドレス", "カスタムデータ 1"] { table[MatchKey.make(header)] = .skip }
        for header in ["End Date", "終了日"] { table[MatchKey.make(header)] = .submitted }
        for header in ["Email Address", "メール アドレス", "メールアドレス"] { table[MatchKey.make(header)] = .email }
        for header in ["First Name", "Last Name", "名", "姓"] { table[MatchKey.make(header)] = .name }
        return table
    }()

    /// Row-2 labels of a column holding a whole answer.
    private static let wholeAnswer: Set<String> = MatchKey.keys(["Response", "Open-Ended Response", "回答", "自由回答", ""])
    /// Row-2 labels of 「その他」's free-text column after the options.
    private static func isOtherText(_ key: String) -> Bool {
        key == MatchKey.make("Open-Ended Response") || key.contains("pleasespecify") || key.contains("具体的に") || key == "自由回答"
    }

    private let context: IngestContext
    private let questionRow: [String]
    private var layout: SurveyLayout?

    init(questionRow: CSVRecord, context: IngestContext) {
        self.context = context
        self.questionRow = questionRow.fields
    }

    func consume(_ record: CSVRecord) throws {
        guard let layout else {
            let layout = Self.layout(questions: questionRow, labels: record.fields, words: context.personalWords)
            self.layout = layout
            try context.emit(.surveyColumns(layout.columns(context, format: .surveyMonkeyCSV)))
            return
        }
        try context.emitResponse(record, layout)
    }

    func finish() throws {
        if layout == nil {
            throw context.source.problem(.row(2), "SurveyMonkeyの2行目（各列の見出し）がありません。",
                                         "SurveyMonkeyの「結果を分析」→「保存」→「エクスポート」から「すべての回答データ」をCSVで書き出し直してください。")
        }
    }

    /// Groups each question's columns (its text over the first, blanks after) and gives each a role.
    private static func layout(questions: [String], labels: [String], words: PersonalDataWords) -> SurveyLayout {
        var layout = SurveyLayout()
        var groups: [(text: String, columns: [Int])] = []
        for (column, header) in questions.enumerated() {
            let text = MatchKey.trimmed(header)
            if let role = bookkeeping[MatchKey.make(text)] ?? (text.isEmpty ? nil : SurveyLayout.personalRole(ofHeader: text, words: words)) {
                layout.roles.append(role)
                groups.append(("", []))
                continue
            }
            layout.roles.append(.skip)
            if text.isEmpty, !groups.isEmpty, !groups[groups.count - 1].columns.isEmpty {
                groups[groups.count - 1].columns.append(column)
            } else if !text.isEmpty {
                groups.append((text, [column]))
            }
        }
        for group in groups where !group.columns.isEmpty {
            let index = layout.addQuestion(group.text)
            for column in group.columns {
                let label = column < labels.count ? MatchKey.trimmed(labels[column]) : ""
                let key = MatchKey.make(label)
                if column == group.columns.first, wholeAnswer.contains(key) {
                    layout.roles[column] = .answer(question: index)
                } else if column != group.columns.first, isOtherText(key) {
                    layout.roles[column] = .otherText(question: index)
                } else {
                    layout.offer(label, to: index)
                    layout.roles[column] = .choice(question: index, label: label)
                }
            }
        }
        return layout
    }
}
