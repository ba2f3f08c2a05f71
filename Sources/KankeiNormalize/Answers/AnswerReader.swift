import KankeiModel

/// Turns one cell into the canonical answer to one question: the options chosen by their labels in
/// the definition, and anything else kept — under the question's 「その他」 when it has one (the text
/// saved with it), else as its own label. (Ingest has already masked e-mail addresses and phone numbers.)
public struct AnswerReader: Sendable {
    public let question: Question
    private let splitter: OptionSplitter
    private let optionByKey: [String: Int]

    public init(question: Question) {
        self.question = question
        splitter = OptionSplitter(options: question.options)
        var byKey: [String: Int] = [:]
        for (index, option) in question.options.enumerated() where byKey[MatchKey.make(option)] == nil {
            byKey[MatchKey.make(option)] = index
        }
        optionByKey = byKey
    }

    /// The answer, or `nil` for an empty cell.
    public func answer(_ cell: String?) -> Answer? {
        guard let cell = cell.map(MatchKey.trimmed), !cell.isEmpty else { return nil }
        switch question.type {
        case .text:
            return Answer(question: question.id, text: cell)
        case .single, .scale:
            if let index = optionByKey[MatchKey.make(cell)] {
                return Answer(question: question.id, choices: [question.options[index]])
            }
            return unlisted([], [cell])
        case .multiple:
            let split = splitter.split(cell)
            return unlisted(split.chosen.map { question.options[$0] }, split.unlisted)
        }
    }

    /// How many answers were outside the options (for the notice), counted by the caller.
    public func isUnlisted(_ answer: Answer) -> Bool {
        answer.text != nil && question.type != .text
            || answer.choices.contains { optionByKey[MatchKey.make($0)] == nil }
    }

    private func unlisted(_ chosen: [String], _ others: [String]) -> Answer? {
        guard !others.isEmpty else {
            return chosen.isEmpty ? nil : Answer(question: question.id, choices: chosen)
        }
        if let other = question.otherOption {
            let choices = chosen.contains(other) ? chosen : chosen + [other]
            return Answer(question: question.id, choices: choices, text: others.joined(separator: "、"))
        }
        return Answer(question: question.id, choices: chosen + others.filter { !chosen.contains($0) })
    }
}
