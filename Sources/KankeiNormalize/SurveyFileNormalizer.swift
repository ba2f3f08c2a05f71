import KankeiModel

/// Normalizes one survey file: maps its columns to the questions of the matching definition,
/// infers the type of every other column from a sample of the first `sampleSize` answers, emits
/// the schema, then each respondent with canonical answers. Only that sample is ever held in
/// memory; the rest streams through.
final class SurveyFileNormalizer {
    static let sampleSize = 2_000

    private let columns: SurveyColumns
    private let file: String
    private let match: SurveyMatch?
    private let catalog: PipelineCatalog
    private let emit: (NormalizedRecord) throws -> Void
    private var sample: [SurveyResponse] = []
    private var readers: [(column: Int, reader: AnswerReader)]?
    /// The survey this file answers (`schemaID(_:match:)`).
    let schemaID: String
    private(set) var unlistedCounts: [String: Int] = [:]
    private(set) var schema: SurveySchema?

    /// The same survey's schema from an earlier file of the event: its questions keep the types
    /// that file gave them, so two exports of one survey are read alike.
    private let earlier: SurveySchema?

    init(columns: SurveyColumns, file: String, match: SurveyMatch?, catalog: PipelineCatalog, earlier: (String) -> SurveySchema?,
         emit: @escaping (NormalizedRecord) throws -> Void) {
        self.columns = columns
        self.file = file
        self.match = match
        self.catalog = catalog
        self.emit = emit
        schemaID = Self.schemaID(columns, match: match)
        self.earlier = earlier(schemaID)
    }

    /// The survey a file answers: its definition's id, else (a survey no definition names) its
    /// export format and columns, so two exports of it are one survey.
    static func schemaID(_ columns: SurveyColumns, match: SurveyMatch?) -> String {
        match?.definition.id
            ?? "inferred-" + stableHash(([columns.format.rawValue] + columns.columns.map(MatchKey.make)).joined(separator: "\u{1F}"))
    }

    /// How the rest of the file may come counted per column, once the questions' types are known:
    /// only when each answer counts on its own — no side or club question that splits the others,
    /// no KPI of one side, no 「その他」 whose text rides along with a chosen option.
    var censusPlan: CensusPlan? {
        guard let readers, let schema else { return nil }
        let independent = schema.questions.allSatisfy { question in
            question.role != .side && question.role != .club && question.otherOption == nil
                && question.kpis.allSatisfy { $0.side == nil }
        }
        guard independent, readers.map(\.column) == Array(columns.columns.indices) else { return nil }
        return CensusPlan(columns: readers.map { $0.reader.question.type == .text ? .texts : .values },
                          keptTexts: Tabulation.keptTexts)
    }

    /// The rest of the file, counted per column: each distinct cell read once, its answer counted
    /// as often as the cell occurs.
    func consume(_ census: ResponseCensus) throws {
        if readers == nil { try start() }
        var questions: [QuestionAnswerCounts] = []
        for (column, reader) in readers ?? [] where column < census.columns.count {
            let cells = census.columns[column]
            var answers: [QuestionAnswerCounts.Counted] = []
            for cell in cells.cells {
                guard let reading = reader.read(.text(cell.cell)) else { continue }
                if reading.isUnlisted { unlistedCounts[reader.question.id, default: 0] += cell.count }
                answers.append(.init(answer: reading.answer, count: cell.count))
            }
            for text in cells.texts {
                if let reading = reader.read(.text(text)) { answers.append(.init(answer: reading.answer, count: 1)) }
            }
            questions.append(QuestionAnswerCounts(question: reader.question.id, answers: answers,
                                                  textsNotKept: cells.textCount - cells.texts.count))
        }
        try emit(.answerCounts(AnswerCounts(survey: schemaID, respondents: census.respondents, questions: questions)))
    }

    func consume(_ response: SurveyResponse) throws {
        if readers == nil {
            sample.append(response)
            if sample.count >= Self.sampleSize || !needsSample { try start() }
            return
        }
        try emitRespondent(response)
    }

    func finish() throws {
        if readers == nil { try start() }
    }

    /// A survey no definition describes, whose types are not yet known: its rows so far are held
    /// for the next file of the same survey, so that the types are inferred once from all the
    /// event's rows (up to `sampleSize`), not from one small file at a time.
    var canPool: Bool { match == nil && readers == nil && earlier == nil && sample.count < Self.sampleSize }

    /// Takes over the rows an earlier file of the same survey held (`canPool`).
    func adopt(_ earlier: SurveyFileNormalizer) throws {
        let carried = earlier.sample
        earlier.sample = []
        for response in carried { try consume(response) }
    }

    /// Questions the definition has but the file lacks.
    var missingQuestions: [QuestionDefinition] {
        guard let match else { return [] }
        let present = Set(match.questions.values.map(\.id))
        return match.definition.questions.filter { !present.contains($0.id) }
    }

    private var needsSample: Bool {
        match.map { !$0.unmatchedColumns.isEmpty } ?? true
    }

    private func start() throws {
        var questions: [(column: Int, question: Question)] = []
        if let match {
            for (column, definition) in match.questions { questions.append((column, model(definition))) }
            for column in match.unmatchedColumns {
                questions.append((column, inferred(column, id: "extra-" + Self.stableHash(MatchKey.make(columns.columns[column])))))
            }
        } else {
            for column in columns.columns.indices { questions.append((column, inferred(column, id: "q\(column + 1)"))) }
        }
        questions.sort { $0.column < $1.column }
        // Two columns with the same header text are two questions: give the second its own id.
        var used: Set<String> = []
        for index in questions.indices {
            var id = questions[index].question.id
            var counter = 2
            while !used.insert(id).inserted {
                id = "\(questions[index].question.id)-\(counter)"
                counter += 1
            }
            questions[index].question.id = id
        }
        let defined = Set(match?.questions.values.map(\.id) ?? [])
        var inferred = questions.map(\.question)
        SiblingScales.apply(&inferred, values: questions.map { column, question in
            defined.contains(question.id) || question.type == .multiple || (columns.options.map { column < $0.count && $0[column] != nil } ?? false) ? nil : wholeAnswers(column)
        })
        let grouped = GridGrouping.apply(inferred, defined: defined)
        let known = Dictionary((earlier?.questions ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for index in questions.indices { questions[index].question = known[grouped[index].id] ?? grouped[index] }
        let schema = SurveySchema(id: schemaID, title: match?.definition.title ?? file, inferred: match == nil,
                                  questions: questions.map(\.question))
        self.schema = schema
        try emit(.survey(schema))
        // Numbers stand for a definition's options by position; a question no definition describes
        // is counted as written (Qualtrics' recode values: a scale with an unused level keeps its values).
        readers = questions.map { ($0.column, AnswerReader(question: $0.question, optionNumbers: columns.optionNumbers && defined.contains($0.question.id))) }
        let buffered = sample
        sample = []
        for response in buffered { try emitRespondent(response) }
    }

    private func emitRespondent(_ response: SurveyResponse) throws {
        var answers: [Answer] = []
        for (column, reader) in readers ?? [] {
            guard column < response.cells.count, let reading = reader.read(response.cells[column]) else { continue }
            if reading.isUnlisted { unlistedCounts[reader.question.id, default: 0] += 1 }
            answers.append(reading.answer)
        }
        try emit(.respondent(Respondent(survey: schemaID, provenance: response.provenance, submittedAt: response.submittedAt,
                                        person: response.person, answers: answers)))
    }

    /// The distinct whole answers of a column in the sample.
    private func wholeAnswers(_ column: Int) -> [String] {
        var seen: Set<String> = []
        var values: [String] = []
        for response in sample where column < response.cells.count {
            let value: String?
            switch response.cells[column] {
            case .text(let text)?: value = MatchKey.trimmed(text)
            case .choices(let items)? where items.count == 1: value = MatchKey.trimmed(items[0])
            default: value = nil
            }
            if let value, !value.isEmpty, seen.insert(value).inserted { values.append(value) }
        }
        return values
    }

    private func inferred(_ column: Int, id: String) -> Question {
        TypeInference.question(id: id, header: columns.columns[column],
                               sample: sample.map { column < $0.cells.count ? $0.cells[column] : nil },
                               offered: columns.options.flatMap { column < $0.count ? $0[column] : nil },
                               hint: columns.hints.flatMap { column < $0.count ? $0[column] : nil }, labels: catalog.answerLabels)
    }

    private func model(_ definition: QuestionDefinition) -> Question {
        let kpis = definition.kpis.compactMap { reference in
            catalog.kpis[reference.id].map {
                KPIBinding(id: $0.id, label: $0.label, target: $0.target, counts: reference.counts,
                           side: reference.side.flatMap(Side.init(label:)))
            }
        }
        return Question(id: definition.id, text: definition.text, label: definition.label ?? definition.text,
                        type: definition.type, options: definition.options, otherOption: definition.other,
                        topBoxOptions: definition.topBox, prose: definition.prose?.rule ?? ProseRule(), kpis: kpis,
                        role: definition.role)
    }

    /// FNV-1a, 32 bits, as hex: a stable id for a column no definition names.
    static func stableHash(_ text: String) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        return String(hash, radix: 16)
    }
}
