import KankeiModel

/// Which definition a survey file follows, judged from its header row: a question matches a column
/// when their texts are the same after NFKC, case folding and removing white space. A definition
/// fits when at least half its questions are found; the best fit has the most. When `event.yaml`
/// names the definition and no column text matches (an export without question texts), columns
/// are taken as the definition's questions in order, if there are as many.
public struct SurveyMatch: Sendable {
    public var definition: PipelineDefinition
    /// Column index → the question it holds.
    public var questions: [Int: QuestionDefinition]
    /// Columns no question of the definition names (kept: their types are inferred).
    public var unmatchedColumns: [Int]
    /// Columns whose header names a question another column already holds: which one is the
    /// question cannot be told (question id → every column with its header, 0-based).
    public var duplicatedColumns: [String: [Int]] = [:]
}

extension PipelineCatalog {
    public func match(columns: [String]) -> SurveyMatch? {
        definitions.compactMap { Self.match($0, columns: columns) }
            .max { ($0.questions.count, -$0.unmatchedColumns.count) < ($1.questions.count, -$1.unmatchedColumns.count) }
    }

    /// The mapping of `columns` to `definition`, or `nil` when fewer than half its questions are there.
    public static func match(_ definition: PipelineDefinition, columns: [String], force: Bool = false) -> SurveyMatch? {
        var byKey: [String: QuestionDefinition] = [:]
        for question in definition.questions {
            for text in [question.text] + question.aliases { byKey[MatchKey.make(text)] = byKey[MatchKey.make(text)] ?? question }
        }
        var questions: [Int: QuestionDefinition] = [:]
        var used: Set<String> = []
        var unmatched: [Int] = []
        var duplicated: [String: [Int]] = [:]
        for (index, column) in columns.enumerated() {
            let question = byKey[MatchKey.make(column)]
            if let question, used.insert(question.id).inserted {
                questions[index] = question
            } else {
                if let question, let first = questions.first(where: { $0.value.id == question.id })?.key {
                    duplicated[question.id, default: [first]].append(index)
                }
                unmatched.append(index)
            }
        }
        // An export without question texts (Qualtrics XML) under a definition the event names:
        // its columns are the definition's questions in order.
        if force, questions.isEmpty, columns.count == definition.questions.count {
            return SurveyMatch(definition: definition, questions: Dictionary(uniqueKeysWithValues: zip(columns.indices, definition.questions)),
                               unmatchedColumns: [])
        }
        let needed = (definition.questions.count + 1) / 2
        guard force || (!questions.isEmpty && questions.count >= needed) else { return nil }
        return SurveyMatch(definition: definition, questions: questions, unmatchedColumns: unmatched, duplicatedColumns: duplicated)
    }
}
