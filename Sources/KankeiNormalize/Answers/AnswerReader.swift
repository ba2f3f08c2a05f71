import KankeiModel

/// Turns one cell into the canonical answer to one question: the options chosen by their labels in
/// the definition, and anything else kept — under the question's 「その他」 when it has one (the text
/// saved with it), else as its own label. (Ingest has already masked e-mail addresses and phone numbers.)
///
/// Answers repeat: each distinct cell is read once and remembered (up to `memoLimit` of them).
public final class AnswerReader {
    /// A cell's canonical answer, and whether any of it was outside the options.
    public struct Reading: Hashable, Sendable {
        public var answer: Answer
        public var isUnlisted: Bool
    }

    static let memoLimit = 4_096

    public let question: Question
    private let splitter: OptionSplitter
    private let optionByKey: [String: Int]
    /// Cell → its reading (`nil`: nothing in it, e.g. only separators).
    private var memo: [String: Reading?] = [:]

    public init(question: Question) {
        self.question = question
        splitter = OptionSplitter(options: question.options)
        var byKey: [String: Int] = [:]
        for (index, option) in question.options.enumerated() where byKey[MatchKey.make(option)] == nil {
            byKey[MatchKey.make(option)] = index
        }
        optionByKey = byKey
    }

    /// The answer, or `nil` for an empty cell (or one holding only separators).
    public func answer(_ cell: String?) -> Answer? { read(cell)?.answer }

    public func read(_ cell: String?) -> Reading? {
        guard let cell = cell.map(MatchKey.trimmed), !cell.isEmpty else { return nil }
        guard question.type != .text else { return Reading(answer: Answer(question: question.id, text: cell), isUnlisted: false) }
        if let known = memo[cell] { return known }
        let reading = choiceReading(cell)
        if memo.count < Self.memoLimit { memo[cell] = reading }
        return reading
    }

    private func choiceReading(_ cell: String) -> Reading? {
        if question.type == .multiple {
            let split = splitter.split(cell)
            return reading(split.chosen.map { question.options[$0] }, split.unlisted)
        }
        if let index = optionByKey[MatchKey.make(cell)] {
            return Reading(answer: Answer(question: question.id, choices: [question.options[index]]), isUnlisted: false)
        }
        return reading([], [cell])
    }

    private func reading(_ chosen: [String], _ others: [String]) -> Reading? {
        guard !others.isEmpty else {
            return chosen.isEmpty ? nil : Reading(answer: Answer(question: question.id, choices: chosen), isUnlisted: false)
        }
        if let other = question.otherOption {
            let choices = chosen.contains(other) ? chosen : chosen + [other]
            return Reading(answer: Answer(question: question.id, choices: choices, text: others.joined(separator: "、")), isUnlisted: true)
        }
        return Reading(answer: Answer(question: question.id, choices: chosen + others.filter { !chosen.contains($0) }), isUnlisted: true)
    }
}
