import KankeiModel

/// Guesses a question's type and options from a sample of its answers, for a survey that no
/// definition describes. The rules, in order:
/// - **multiple**: some cells hold several pieces (cut as `OptionSplitter` cuts them), the pieces
///   form a small recurring set (at most `maxOptions` distinct, each used twice on average), and
///   few pieces are one-offs (「その他」 free text);
/// - **single**: the whole cells are whole numbers of at most 11 values (a rating), or form a small
///   recurring set with few one-offs;
/// - **text**: anything else.
/// Options are ordered by how often they were chosen in the sample (whole numbers: numerically).
/// When the export itself lists a question's options (`offered`), they are taken as they are, in
/// the form's order: the question is multiple when any answer chose several, else single.
/// When it declares the question's type or the option its typed texts belong to (`hint`), that
/// is what the question is.
public enum TypeInference {
    public static let maxOptions = 40

    public static func question(id: String, header: String, sample: [SurveyCell?], offered: [String]? = nil,
                                hint: ColumnHint? = nil, labels: AnswerLabels = AnswerLabels()) -> Question {
        var question = guessed(id: id, header: header, sample: sample.map { withoutTypedText($0, other: hint?.otherOption) }, offered: offered)
        if offered == nil, question.type != .multiple, let known = wellKnown(sample, labels) {
            question.type = .single
            question.options = known
        }
        guard let hint else { return question }
        if hint.isChoice, question.type == .text {
            let multiple = sample.contains { cell in
                if case .text(let text)? = cell { OptionSplitter.pieces(text).count > 1 } else { false }
            }
            question.type = multiple ? .multiple : .single
            question.options = seen(sample, multiple: multiple)
        }
        if let type = hint.type, type != question.type {
            question.type = type
            if type == .text { question.options = [] }
            if type != .text, question.options.isEmpty { question.options = seen(sample, multiple: type == .multiple) }
        }
        if let other = hint.otherOption, question.type != .text {
            question.otherOption = other
            if !question.options.contains(other) { question.options.append(other) }
        }
        return question
    }

    private static func guessed(id: String, header: String, sample: [SurveyCell?], offered: [String]?) -> Question {
        if let offered, !offered.isEmpty {
            // Options spread over columns (SurveyMonkey writes single answers so too): multiple
            // once someone chose two.
            let keys = MatchKey.keys(offered)
            let multiple = sample.contains { if case .choices(let items) = $0 { items.filter { keys.contains(MatchKey.make($0)) }.count > 1 } else { false } }
            return Question(id: id, text: header, label: header, type: multiple ? .multiple : .single, options: offered)
        }
        let cells = sample.compactMap { $0 }
        let values = cells.map { MatchKey.trimmed($0.joined) }.filter { !$0.isEmpty }
        let text = Question(id: id, text: header, label: header, type: .text)
        guard !values.isEmpty else { return text }

        // A cell cut at commas only into pieces none of which is ever a whole answer is one
        // answer with commas in it (a consent text, 「…, and I understand …」), not several.
        let wholeAnswers = Set(values.map(MatchKey.exact))
        func standsAlone(_ pieces: [OptionSplitter.Piece], _ text: String) -> Bool {
            pieces.count < 2 || text.contains(where: { $0 == ";" || $0 == "；" }) || pieces.contains { wholeAnswers.contains($0.exact) }
        }
        // Pieces are tallied until they are too many to be options (free text stops early).
        var atoms = Tally(limit: maxOptions)
        var multiPieceCells = 0
        var cut: [String: [String]] = [:]  // answers repeat: each distinct cell is cut once
        for cell in cells where !atoms.isOver {
            let pieces: [String]
            switch cell {
            case .text(let text):
                if let known = cut[text] {
                    pieces = known
                } else {
                    let cutPieces = OptionSplitter.pieces(text)
                    pieces = standsAlone(cutPieces, text) ? cutPieces.map(\.text) : [MatchKey.trimmed(text)]
                    cut[text] = pieces
                }
            case .choices(let items):
                pieces = items.map(MatchKey.trimmed).filter { !$0.isEmpty }
            }
            if pieces.count > 1 { multiPieceCells += 1 }
            atoms.add(pieces)
        }
        if !atoms.isOver, multiPieceCells > 0, atoms.distinct * 2 <= atoms.total,
           atoms.singletons <= max(2, atoms.distinct / 2) {
            return Question(id: id, text: header, label: header, type: .multiple, options: atoms.ordered)
        }
        var wholes = Tally(limit: 20)
        wholes.add(values)
        // A few one-off answers beside answers chosen by many (a poll answered 161/7/3/1/1) are
        // still options; one-offs that are most of the distinct answers make text.
        let fewOneOffs = wholes.singletons <= max(1, wholes.distinct / 4)
            || (wholes.singletons * 20 <= wholes.total && wholes.singletons * 2 <= wholes.distinct)
        let recurring = !wholes.isOver && wholes.distinct * 2 <= wholes.total && fewOneOffs
        if (!wholes.isOver && wholes.isRating) || recurring {
            return Question(id: id, text: header, label: header, type: .single, options: wholes.ordered)
        }
        return text
    }

    /// The options of a column whose whole answers all come from one well-known set.
    private static func wellKnown(_ sample: [SurveyCell?], _ labels: AnswerLabels) -> [String]? {
        var values: [String] = []
        for cell in sample {
            switch cell {
            case .text(let text)?: values.append(MatchKey.trimmed(text))
            case .choices(let items)? where items.count == 1: values.append(MatchKey.trimmed(items[0]))
            case .choices?: return nil
            case nil: continue
            }
        }
        return labels.options(for: values.filter { !$0.isEmpty })
    }

    /// A cell without the text typed for its 「その他」 (which follows the option in the cell):
    /// that text is not a second answer.
    private static func withoutTypedText(_ cell: SurveyCell?, other: String?) -> SurveyCell? {
        guard let other, case .choices(let items)? = cell, items.count > 1,
              let at = items.firstIndex(where: { MatchKey.make($0) == MatchKey.make(other) }), at < items.count - 1 else { return cell }
        return .choices(Array(items.dropLast()))
    }

    /// The answers of `sample` as options, most chosen first (cut into pieces for a multiple answer).
    private static func seen(_ sample: [SurveyCell?], multiple: Bool) -> [String] {
        var tally = Tally(limit: maxOptions)
        for cell in sample.compactMap({ $0 }) {
            switch cell {
            case .text(let text): tally.add(multiple ? OptionSplitter.pieces(text).map(\.text) : [MatchKey.trimmed(text)].filter { !$0.isEmpty })
            case .choices(let items): tally.add(items.map(MatchKey.trimmed).filter { !$0.isEmpty })
            }
        }
        return tally.isOver ? [] : tally.ordered
    }

    /// Distinct values (by `MatchKey.exact`: case tells options apart) with their counts, first spelling kept; adding stops once
    /// there are more than `limit` distinct values (`isOver`).
    private struct Tally {
        let limit: Int
        var labels: [String] = []
        var counts: [String: Int] = [:]
        var firstLabel: [String: String] = [:]
        var total = 0

        init(limit: Int) { self.limit = limit }

        var isOver: Bool { labels.count > limit }

        /// Each distinct spelling's key, made once.
        private var keys: [String: String] = [:]

        mutating func add(_ values: [String]) {
            for value in values where !isOver {
                let key = keys[value] ?? MatchKey.exact(value)
                keys[value] = key
                if counts[key] == nil {
                    labels.append(key)
                    firstLabel[key] = value
                }
                counts[key, default: 0] += 1
                total += 1
            }
        }

        var distinct: Int { labels.count }
        /// Whole numbers only, at most 11 of them (0–10 or 1–5 scales).
        var isRating: Bool { distinct <= 11 && labels.allSatisfy { Int($0) != nil } }
        var singletons: Int { counts.values.filter { $0 == 1 }.count }

        /// Most chosen first (ties in order of appearance); whole numbers in numeric order.
        var ordered: [String] {
            let numbers = labels.compactMap { Int($0) }
            if numbers.count == labels.count {
                return labels.sorted { Int($0)! < Int($1)! }.map { firstLabel[$0]! }
            }
            return labels.enumerated()
                .sorted { (counts[$0.element]!, -$0.offset) > (counts[$1.element]!, -$1.offset) }
                .map { firstLabel[$0.element]! }
        }
    }
}
