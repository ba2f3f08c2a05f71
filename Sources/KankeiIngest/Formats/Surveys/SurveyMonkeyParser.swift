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
    private var labels: [String]?
    private var layout: SurveyLayout?
    /// Rows held until the layout is known: they tell text boxes from options.
    private var held: [CSVRecord] = []
    static let heldRows = 200

    init(questionRow: CSVRecord, context: IngestContext) {
        self.context = context
        self.questionRow = questionRow.fields
    }

    func consume(_ record: CSVRecord) throws {
        guard labels != nil else {
            labels = record.fields
            return
        }
        if let layout { return try context.emitResponse(record, layout) }
        held.append(record)
        if held.count >= Self.heldRows { try start() }
    }

    func finish() throws {
        guard labels != nil else {
            throw context.source.problem(.row(2), "SurveyMonkeyの2行目（各列の見出し）がありません。",
                                         "SurveyMonkeyの「結果を分析」→「保存」→「エクスポート」から「すべての回答データ」をCSVで書き出し直してください。")
        }
        if layout == nil { try start() }
    }

    private func start() throws {
        let labels = labels ?? []
        // A column of options holds its option's text when chosen; one holding anything else is a text box
        // (a "multiple textboxes" or contact question).
        func holds(_ column: Int, _ test: (Bool) -> Bool) -> Bool {
            held.contains { record in
                guard let value = record.value(column), !SurveyLayout.notChosen.contains(value) else { return false }
                return test(MatchKey.make(HTMLText.plain(value)) == MatchKey.make(HTMLText.plain(labels[column])))
            }
        }
        let textBoxes = Set(labels.indices.filter { holds($0) { !$0 } })
        let options = Set(labels.indices.filter { holds($0) { $0 } })
        let layout = Self.layout(questions: questionRow, labels: labels, textBoxes: textBoxes, options: options, words: context.personalWords)
        self.layout = layout
        try context.emit(.surveyColumns(layout.columns(context, format: .surveyMonkeyCSV)))
        for record in held { try context.emitResponse(record, layout) }
        held = []
    }

    /// Groups each question's columns (its text over the first, blanks after) and gives each a role.
    /// `textBoxes`: columns seen holding typed text; `options`: columns seen holding their option.
    private static func layout(questions: [String], labels: [String], textBoxes: Set<Int>, options: Set<Int>,
                               words: PersonalDataWords) -> SurveyLayout {
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
            var index: Int?
            let label: (Int) -> String = { column in column < labels.count ? HTMLText.plain(labels[column]) : "" }
            // Options beside its text boxes make a box an option's typed text ("Yes<br>Please explain …").
            // A question asking for a name, address, e-mail or phone is a contact form: all its columns are boxes.
            let isContact = group.columns.contains { SurveyLayout.personalRole(ofHeader: label($0), words: words) != nil }
            let hasOptions = !isContact && (group.columns.contains(where: options.contains) || !group.columns.contains(where: textBoxes.contains))
            for column in group.columns {
                let label = label(column)
                let key = MatchKey.make(label)
                if column == group.columns.first, wholeAnswer.contains(key) {
                    layout.roles[column] = .answer(question: layout.addQuestion(group.text))
                    index = layout.questions.count - 1
                } else if SurveyLayout.personalRole(ofHeader: label, words: words) != nil {
                    // A contact question's name, address, e-mail or phone box: never read.
                    continue
                } else if textBoxes.contains(column) || isContact, !isOtherText(key), !hasOptions {
                    layout.roles[column] = .answer(question: layout.addQuestion("\(group.text) [\(label)]", hint: ColumnHint(type: .text)))
                } else if textBoxes.contains(column), !isOtherText(key) {
                    let question = index ?? layout.addQuestion(group.text)
                    index = question
                    layout.roles[column] = .otherText(question: question)
                    layout.typedTexts(of: question, belongTo: Self.optionBeforePrompt(labels[column]))
                } else if index == nil, key == MatchKey.make("Open-Ended Response") {
                    // A comment box after text boxes only: free text of its own.
                    layout.roles[column] = .answer(question: layout.addQuestion(group.text, hint: ColumnHint(type: .text)))
                } else {
                    let question = index ?? layout.addQuestion(group.text)
                    index = question
                    if column != group.columns.first, isOtherText(key) {
                        layout.roles[column] = .otherText(question: question)
                        // "Other (please specify)": an option whose typed texts are listed under it.
                        if key != MatchKey.make("Open-Ended Response") { layout.typedTexts(of: question, belongTo: label) }
                    } else {
                        let option = Self.optionBeforePrompt(labels[column])
                        layout.offer(option, to: question)
                        layout.roles[column] = .choice(question: question, label: option)
                    }
                }
            }
        }
        return layout
    }

    /// An option's text without the prompt SurveyMonkey writes after a line break (`Yes<br />Please explain …` → `Yes`).
    static func optionBeforePrompt(_ label: String) -> String {
        let option = label.firstMatch(of: #/(?i)<br\s*/?>/#).map { String(label[..<$0.range.lowerBound]) } ?? label
        let plain = HTMLText.plain(option)
        return plain.isEmpty ? HTMLText.plain(label) : plain
    }
}
