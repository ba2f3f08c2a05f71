import KankeiModel

/// Turns one cell into the canonical answer to one question: the options chosen by their labels in
/// the definition, and anything else kept — under the question's 「その他」 when it has one (the text
/// saved with it), else as its own label. (Ingest has already masked e-mail addresses and phone numbers.)
///
/// Exports that keep one column per option hand over `.choices`, read item by item; exports that
/// write options' numbers (`optionNumbers`) are read by position (1 = the first option).
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
    private let optionNumbers: Bool
    private let splitter: OptionSplitter
    private let optionByKey: [String: Int]
    /// The same with case kept: options that differ only in case stay apart.
    private let optionByExactKey: [String: Int]
    /// Cell → its reading (`nil`: nothing in it, e.g. only separators).
    private var memo: [String: Reading?] = [:]

    public init(question: Question, optionNumbers: Bool = false) {
        self.question = question
        self.optionNumbers = optionNumbers
        splitter = OptionSplitter(options: question.options)
        var byKey: [String: Int] = [:]
        for (index, option) in question.options.enumerated() where byKey[MatchKey.make(option)] == nil {
            byKey[MatchKey.make(option)] = index
        }
        optionByKey = byKey
        var byExact: [String: Int] = [:]
        for (index, option) in question.options.enumerated() where byExact[MatchKey.exact(option)] == nil {
            byExact[MatchKey.exact(option)] = index
        }
        optionByExactKey = byExact
    }

    /// The option `text` is: the one spelt the same (case kept), else the one equal but for case.
    private func option(_ text: String) -> Int? {
        optionByExactKey[MatchKey.exact(text)] ?? optionByKey[MatchKey.make(text)]
    }

    /// The answer, or `nil` for an empty cell (or one holding only separators).
    public func answer(_ cell: SurveyCell?) -> Answer? { read(cell)?.answer }

    public func read(_ cell: SurveyCell?) -> Reading? {
        switch cell {
        case nil: return nil
        case .text(let text): return read(text: text)
        case .choices(let items):
            let items = items.map(MatchKey.trimmed).filter { !$0.isEmpty }
            guard !items.isEmpty else { return nil }
            return remembered("\u{1F}" + items.joined(separator: "\u{1F}")) { choicesReading(items) }
        }
    }

    private func read(text cell: String) -> Reading? {
        let cell = MatchKey.trimmed(cell)
        guard !cell.isEmpty else { return nil }
        guard question.type != .text else { return Reading(answer: Answer(question: question.id, text: cell), isUnlisted: false) }
        return remembered(cell) { textReading(cell) }
    }

    private func remembered(_ key: String, _ make: () -> Reading?) -> Reading? {
        if let known = memo[key] { return known }
        let reading = make()
        if memo.count < Self.memoLimit { memo[key] = reading }
        return reading
    }

    private func textReading(_ cell: String) -> Reading? {
        if optionNumbers, case let numbers = cell.split(separator: ",").map(String.init), let chosen = numbered(numbers) {
            return reading(chosen, [])
        }
        if question.type == .multiple {
            let split = splitter.split(cell)
            return reading(split.chosen.map { question.options[$0] }, split.unlisted)
        }
        if let index = option(cell) {
            return Reading(answer: Answer(question: question.id, choices: [question.options[index]]), isUnlisted: false)
        }
        return reading([], [cell])
    }

    /// Each item is an option, an option's number, a joined cell of options, or free text.
    private func choicesReading(_ items: [String]) -> Reading? {
        guard question.type != .text else {
            return Reading(answer: Answer(question: question.id, text: items.joined(separator: "、")), isUnlisted: false)
        }
        var chosen: [String] = []
        var others: [String] = []
        func choose(_ option: String) { if !chosen.contains(option) { chosen.append(option) } }
        for item in items {
            if optionNumbers, let numbered = numbered(item.split(separator: ",").map(String.init)) {
                numbered.forEach(choose)
            } else if let index = option(item) {
                choose(question.options[index])
            } else if question.type == .multiple {
                let split = splitter.split(item)
                split.chosen.forEach { choose(question.options[$0]) }
                others += split.unlisted
            } else {
                others.append(item)
            }
        }
        return reading(chosen, others)
    }

    /// The options at these 1-based positions, or `nil` when one is not a position.
    private func numbered(_ items: [String]) -> [String]? {
        var chosen: [String] = []
        for item in items {
            guard let number = Int(MatchKey.trimmed(item)), question.options.indices.contains(number - 1) else { return nil }
            if !chosen.contains(question.options[number - 1]) { chosen.append(question.options[number - 1]) }
        }
        return chosen.isEmpty ? nil : chosen
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
