import KankeiModel

/// Reads a Zoom poll report as a survey. After the usual preamble come one or more tables, each
/// under a header row whose first cell is `#` (then user name, e-mail, submitted time), in one of
/// three layouts Zoom has used:
/// - pairs (before September 2021): the header ends after the time; each row holds question,
///   answer, question, answer, … and often a trailing empty cell;
/// - wide (from September 2021): the header names one question per column;
/// - long: the header ends in `Question`/`Answer`; one row per answer.
/// Multiple choices arrive joined by `;`. A person's answers from several rows or tables become
/// one respondent, so answers are gathered until the end of the file (poll reports are small:
/// at most `maxRows` rows are accepted).
final class ZoomPollParser: TableExportParser {
    static let maxRows = 200_000

    private static let longHeaders: (question: Set<String>, answer: Set<String>) = (
        MatchKey.keys(["Question", "Questions", "質問", "設問"]), MatchKey.keys(["Answer", "Answers", "Selection", "回答", "解答"]))

    /// A `#` header row: `#`, then a user name column.
    static func isHeader(_ record: CSVRecord) -> Bool {
        record.firstKey == "#" && record.count >= 4
    }

    private enum Layout {
        case pairs
        case wide(questions: [Int: String])
        case long(question: Int, answer: Int)
    }

    private struct Respondent {
        var row: Int
        var submitted: String?
        var email: String?
        var name: String?
        var answers: [Int: String] = [:]
    }

    private let context: IngestContext
    private var preamble: ZoomPreamble
    private var layout: Layout?
    private var questions: [String] = []
    private var questionIndex: [String: Int] = [:]
    private var respondents: [Respondent] = []
    private var respondentIndex: [String: Int] = [:]
    /// Per display name without an address: how many people of that name so far.
    private var namesakes: [String: Int] = [:]
    private var rows = 0

    init(context: IngestContext) {
        self.context = context
        preamble = ZoomPreamble(context: context)
    }

    func consume(_ record: CSVRecord) throws {
        if layout == nil, try preamble.consume(record) { return }
        if Self.isHeader(record) {
            layout = Self.layout(of: record)
            return
        }
        guard let layout else {
            throw context.problem(record, "Zoomの投票レポートの見出し行（#,User Name,User Email,…）が見つかりません。",
                                  "Zoomの「レポート」→「投票レポート」からダウンロードしたCSVをそのまま置いてください。")
        }
        rows += 1
        guard rows <= Self.maxRows else {
            throw context.problem(record, "投票レポートの行が多すぎます（\(Self.maxRows)行超）。", "投票レポートか確認してください。")
        }
        var answers: [(String, String?)] = []
        switch layout {
        case .pairs:
            var column = 4
            while column < record.count {
                if let question = record.value(column) { answers.append((question, record.value(column + 1))) }
                column += 2
            }
        case .wide(let columns):
            answers = columns.sorted { $0.key < $1.key }.map { ($0.value, record.value($0.key)) }
        case .long(let question, let answer):
            if let text = record.value(question) { answers = [(text, record.value(answer))] }
        }
        try add(record, answers, onePerRow: { if case .long = layout { false } else { true } }())
    }

    func finish() throws {
        try context.emit(.surveyColumns(SurveyColumns(source: context.sha256, format: .zoomPollReport, columns: questions.map(PersonalDataMask.mask),
                                                       hints: questions.map { _ in ColumnHint(isChoice: true) })))
        for respondent in respondents {
            let cells: [SurveyCell?] = questions.indices.map { index in respondent.answers[index].map { .text(PersonalDataMask.mask($0)) } }
            try context.emit(.response(SurveyResponse(
                provenance: Provenance(sha256: context.sha256, row: respondent.row),
                submittedAt: respondent.submitted.map { DateTimeText.iso(from: $0) ?? $0 },
                person: context.keys.respondentKey(email: respondent.email),
                cells: cells)))
        }
    }

    /// Adds a row's answers to its person. One person's rows (one per poll) merge by address, or by
    /// display name without one. `onePerRow`: a row holds whole answers (the pairs and wide layouts;
    /// the long layout has a row per option chosen, which join like a multiple answer). There, a
    /// question the person already answered means: by address, a later answer of the same person,
    /// which replaces the earlier; by name only, another person of the same name ("iPhone").
    private func add(_ record: CSVRecord, _ answers: [(String, String?)], onePerRow: Bool) throws {
        let email = record.value(2), name = record.value(1)
        let numbered = answers.map { question, answer in
            (Self.position(MatchKey.make(question), &questionIndex, &questions) { MatchKey.trimmed(question) }, answer)
        }
        var identity = email.map { "e:" + MatchKey.make($0) } ?? name.map { "n:" + MatchKey.make($0) } ?? "row:\(record.row)"
        if onePerRow, email == nil, name != nil {
            // Rows come in submission order: only the latest person of this name can be the one.
            let base = identity
            var count = namesakes[base] ?? 1
            if count > 1 { identity = base + "#\(count)" }
            if let known = respondentIndex[identity], numbered.contains(where: { $0.1 != nil && respondents[known].answers[$0.0] != nil }) {
                count += 1
                identity = base + "#\(count)"
            }
            namesakes[base] = count
        }
        let index = Self.position(identity, &respondentIndex, &respondents) {
            Respondent(row: record.row, submitted: record.value(3), email: email, name: name)
        }
        for (number, answer) in numbered {
            guard let answer else { continue }
            let earlier = onePerRow ? nil : respondents[index].answers[number]
            respondents[index].answers[number] = earlier.map { $0 + ";" + answer } ?? answer
        }
    }

    /// Where `key` sits in `list`, appending `make()` the first time the key is seen.
    private static func position<Element>(_ key: String, _ index: inout [String: Int], _ list: inout [Element],
                                          _ make: () -> Element) -> Int {
        if let known = index[key] { return known }
        index[key] = list.count
        list.append(make())
        return list.count - 1
    }

    private static func layout(of header: CSVRecord) -> Layout {
        let keys = header.keys
        if let question = keys.firstIndex(where: longHeaders.question.contains),
           let answer = keys.firstIndex(where: longHeaders.answer.contains) {
            return .long(question: question, answer: answer)
        }
        var questions: [Int: String] = [:]
        for column in 4..<max(4, header.count) {
            if let text = header.value(column) { questions[column] = text }
        }
        return questions.isEmpty ? .pairs : .wide(questions: questions)
    }
}
