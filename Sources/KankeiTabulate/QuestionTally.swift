import KankeiModel

/// The running counts of one question: who answered, how many selections, each option's count,
/// answers outside the options in order of first appearance, free text, and KPI hits.
struct QuestionTally {
    /// Unlisted labels kept apart before the rest are pooled (memory stays bounded).
    static let maxUnlistedLabels = 100
    static let pooledLabel = "（その他の選択肢外の回答）"

    var question: Question
    var answered = 0
    var responses = 0
    var counts: [String: Int] = [:]
    var unlisted: [String] = []
    var texts: [String] = []
    var textCount = 0
    /// Per KPI binding: respondents who count (answered, and on the binding's side) and hits.
    var kpiTallies: [(answered: Int, hits: Int)]
    private let known: Set<String>
    private let kpiOptions: [Set<String>]

    init(question: Question) {
        self.question = question
        known = Set(question.options)
        kpiOptions = question.kpis.map { Set($0.counts) }
        kpiTallies = question.kpis.map { _ in (0, 0) }
    }

    /// Adds one respondent's answer (or `times` respondents' same answer); `side` is the
    /// respondent's side, for KPIs of one side.
    mutating func add(_ answer: Answer, side: Side? = nil, times: Int = 1) {
        for (index, binding) in question.kpis.enumerated() where binding.side == nil || binding.side == side {
            kpiTallies[index].answered += times
            if answer.choices.contains(where: kpiOptions[index].contains) { kpiTallies[index].hits += times }
        }
        answered += times
        if let text = answer.text {
            textCount += times
            texts += repeatElement(text, count: min(times, max(0, Tabulation.keptTexts - texts.count)))
        }
        guard question.type != .text else { return }
        for choice in answer.choices {
            var label = choice
            if !known.contains(label), counts[label] == nil {
                if unlisted.count < Self.maxUnlistedLabels {
                    unlisted.append(label)
                } else {
                    label = Self.pooledLabel
                    if counts[label] == nil { unlisted.append(label) }
                }
            }
            counts[label, default: 0] += times
            responses += times
        }
    }

    /// Counts free-text answers whose text was not kept (beyond what a summary quotes).
    mutating func addTexts(notKept count: Int) {
        answered += count
        textCount += count
    }

    func result(survey: String, respondents: Int) -> QuestionResult {
        let base = QuestionBase(respondents: respondents, answered: answered, responses: responses)
        let options = question.options.map { option(label: $0, unlisted: false) } + unlisted.map { option(label: $0, unlisted: true) }
        var topBox: Percent?
        if question.type == .scale, !question.topBoxOptions.isEmpty {
            topBox = Percent(count: question.topBoxOptions.reduce(0) { $0 + counts[$1, default: 0] }, of: answered)
        }
        return QuestionResult(id: question.id, survey: survey, text: question.text, label: question.label,
                              type: question.type, base: base, options: options,
                              topBoxOptions: question.topBoxOptions, topBox: topBox, texts: texts, textCount: textCount,
                              prose: question.prose, reference: question.type != .text && answered < Tabulation.referenceThreshold)
    }

    var kpis: [KPIResult] {
        zip(question.kpis, kpiTallies).map { binding, tally in
            let value = Percent(count: tally.hits, of: tally.answered)
            return KPIResult(id: binding.id, label: binding.label, value: value, target: binding.target,
                             achieved: value.map { $0.tenths >= binding.target * 10 }, question: question.id,
                             n: tally.answered)
        }
    }

    private func option(label: String, unlisted: Bool) -> OptionResult {
        let count = counts[label, default: 0]
        return OptionResult(label: label, count: count, percentOfRespondents: Percent(count: count, of: answered),
                            percentOfResponses: Percent(count: count, of: responses), unlisted: unlisted)
    }
}
