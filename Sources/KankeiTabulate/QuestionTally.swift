import KankeiModel

/// The running counts of one question: who answered, how many selections, each option's count,
/// answers outside the options in order of first appearance, free text, and KPI hits.
struct QuestionTally {
    /// Unlisted labels kept apart before the rest are pooled (memory stays bounded).
    static let maxUnlistedLabels = 100
    /// Free-text answers kept for the summary (the count is always exact).
    static let maxTexts = 500
    static let pooledLabel = "（その他の選択肢外の回答）"

    var question: Question
    var answered = 0
    var responses = 0
    var counts: [String: Int] = [:]
    var unlisted: [String] = []
    var texts: [String] = []
    var textCount = 0
    var kpiHits = 0
    private let known: Set<String>
    private let kpiOptions: Set<String>

    init(question: Question) {
        self.question = question
        known = Set(question.options)
        kpiOptions = Set(question.kpi?.counts ?? [])
    }

    mutating func add(_ answer: Answer) {
        answered += 1
        if let text = answer.text {
            textCount += 1
            if texts.count < Self.maxTexts { texts.append(text) }
        }
        guard question.type != .text else { return }
        var hit = false
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
            counts[label, default: 0] += 1
            responses += 1
            if kpiOptions.contains(choice) { hit = true }
        }
        if hit { kpiHits += 1 }
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

    var kpi: KPIResult? {
        guard let binding = question.kpi else { return nil }
        let value = Percent(count: kpiHits, of: answered)
        return KPIResult(id: binding.id, label: binding.label, value: value, target: binding.target,
                         achieved: value.map { $0.tenths >= binding.target * 10 }, question: question.id)
    }

    private func option(label: String, unlisted: Bool) -> OptionResult {
        let count = counts[label, default: 0]
        return OptionResult(label: label, count: count, percentOfRespondents: Percent(count: count, of: answered),
                            percentOfResponses: Percent(count: count, of: responses), unlisted: unlisted)
    }
}
