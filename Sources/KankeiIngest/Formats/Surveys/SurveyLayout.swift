import KankeiModel

/// How the columns of one survey export become questions, whatever the tool: a column holds a
/// whole answer, one option of a multiple answer spread over columns, the free text of 「その他」,
/// the respondent's e-mail or name (turned into a `PersonKey`, never passed on), the submission
/// time, or nothing Kankei needs.
struct SurveyLayout {
    enum Role: Equatable {
        case answer(question: Int)
        /// A whole answer written as a code (LimeSurvey's `AO01`), shown by the code's text.
        case coded(question: Int, texts: [String: String])
        /// One option's column: chosen when the cell holds anything but a "not chosen" mark.
        case choice(question: Int, label: String)
        case otherText(question: Int)
        case email, name, submitted, skip
    }

    private(set) var questions: [String] = []
    private(set) var options: [[String]?] = []
    private(set) var hints: [ColumnHint?] = []
    var roles: [Role] = []
    var optionNumbers = false

    /// Marks some exports write in an option's column when it was not chosen (Qualtrics' `-99`
    /// for "seen but not answered", SPSS-style `0`).
    static let notChosen: Set<String> = ["0", "-99"]

    /// Addresses some exports write instead of nothing for an anonymous respondent.
    private static let anonymous: Set<String> = MatchKey.keys(["anonymous", "匿名"])

    /// Adds a question and returns its index. `options`: the options the export lists, if any.
    mutating func addQuestion(_ text: String, options: [String]? = nil, hint: ColumnHint? = nil) -> Int {
        // A question's text may hold contact details too (a consent text naming its researchers).
        questions.append(PersonalDataMask.mask(text))
        self.options.append(options)
        hints.append(hint)
        return questions.count - 1
    }

    /// Says that typed texts of question `index` belong to its option `label` (offered too when
    /// the question's options are listed).
    mutating func typedTexts(of index: Int, belongTo label: String) {
        if options[index] != nil { offer(label, to: index) }
        var hint = hints[index] ?? ColumnHint()
        hint.otherOption = hint.otherOption ?? label
        hints[index] = hint
    }

    /// Records that question `index` offers `label` (for exports that spread options over columns).
    mutating func offer(_ label: String, to index: Int) {
        var list = options[index] ?? []
        if !list.contains(label) { list.append(label) }
        options[index] = list
    }

    /// The role personal-data headers have in any survey, by the header's words; `nil` otherwise.
    static func personalRole(ofHeader header: String, words: PersonalDataWords) -> Role? {
        switch PersonalColumn.kind(ofHeader: MatchKey.make(header), words: words) {
        case .email?: .email
        case .name?: .name
        case .contact?: .skip
        case nil: nil
        }
    }

    func columns(_ context: IngestContext, format: SourceFormat) -> SurveyColumns {
        SurveyColumns(source: context.sha256, format: format, columns: questions,
                      options: options.contains { $0 != nil } ? options : nil, optionNumbers: optionNumbers,
                      hints: hints.contains { $0 != nil } ? hints : nil)
    }

    /// Per column, the question it answers and how `plan` counts it, when every question is one
    /// whole-answer column and no column names the respondent; else `nil`.
    func censusColumns(_ plan: CensusPlan) -> [(question: Int, column: CensusPlan.Column)?]? {
        guard plan.columns.count == questions.count else { return nil }
        var seen = Set<Int>()
        var columns: [(question: Int, column: CensusPlan.Column)?] = []
        for role in roles {
            switch role {
            case .answer(let question):
                guard seen.insert(question).inserted else { return nil }
                columns.append((question, plan.columns[question]))
            case .submitted, .name, .skip:
                columns.append(nil)
            case .email, .coded, .choice, .otherText:
                return nil
            }
        }
        return columns
    }

    /// One respondent from a row whose cell `i` has role `roles[i]`.
    func response(_ value: (Int) -> String?, provenance: Provenance, keys: PersonKeyMaker) -> SurveyResponse {
        var parts = [[String]](repeating: [], count: questions.count)
        var spread = [Bool](repeating: false, count: questions.count)
        var email: String?, name: String?, submitted: String?
        for (column, role) in roles.enumerated() {
            guard let text = value(column) else { continue }
            switch role {
            case .answer(let question):
                parts[question].append(PersonalDataMask.mask(text))
            case .coded(let question, let texts):
                // LimeSurvey's `-oth-`: 「その他」 was chosen; its text is in the other-text column.
                if text != "-oth-" { parts[question].append(texts[text] ?? PersonalDataMask.mask(text)) }
            case .choice(let question, let label):
                spread[question] = true
                if !Self.notChosen.contains(text) { parts[question].append(label) }
            case .otherText(let question):
                spread[question] = true
                parts[question].append(PersonalDataMask.mask(text))
            case .email: email = email ?? (Self.anonymous.contains(MatchKey.make(text)) ? nil : text)
            case .name: name = name ?? text
            case .submitted: submitted = submitted ?? (DateTimeText.iso(from: text) ?? text)
            case .skip: break
            }
        }
        let cells: [SurveyCell?] = parts.indices.map { index in
            let items = parts[index]
            if items.isEmpty { return nil }
            return spread[index] || items.count > 1 ? .choices(items) : .text(items[0])
        }
        return SurveyResponse(provenance: provenance, submittedAt: submitted, person: keys.respondentKey(email: email), cells: cells)
    }
}

extension IngestContext {
    /// Emits the respondent on `record` under `layout`.
    func emitResponse(_ record: CSVRecord, _ layout: SurveyLayout) throws {
        try emit(.response(layout.response({ record.value($0) }, provenance: provenance(record), keys: keys)))
    }
}
