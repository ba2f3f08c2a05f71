import KankeiModel

/// The sentences of a summary, in the report's style (section 5.2), worded by `wording.yaml`:
/// 「…」（79.3%）が最も多く、「…」（69.0%）、「…」（69.0%）が続いた。
/// 「放課後企業クラブ」への関心度は、100%の方が「関心あり」と回答した。
/// This decides what a sentence says (which options, which shares, ties); the words are the office's.
enum Prose {
    /// The sentence for a question, or `nil` when nobody answered it.
    static func sentence(for question: QuestionResult, _ templates: ReportTemplates) -> String? {
        guard question.base.answered > 0 else { return nil }
        switch question.type {
        case .text:
            return templates.phrase(.textSentence, ["question": question.label, "count": question.base.answered])
        case .scale:
            guard let topBox = question.topBox else { return nil }
            return templates.phrase(.scaleSentence, ["question": question.label, "options": question.topBoxOptions, "percent": topBox.prose])
        case .single, .multiple:
            let ranked = ranking(question)
            guard let first = ranked.first else { return nil }
            if question.type == .single, first.percent.tenths == 1_000 {
                return templates.phrase(.unanimousSentence, ["question": question.label, "option": first.label])
            }
            let leaders = ranked.prefix { $0.percent == first.percent }
            let followers = ranked.dropFirst(leaders.count)
            let item = { (ranked: Ranked) -> [String: Any] in ["label": ranked.label, "percent": ranked.percent.prose] }
            return templates.phrase(.rankingSentence, [
                "question": question.label, "lead": question.prose.lead, "leaders": leaders.map(item),
                "followers": followers.map(item), "hasFollowers": !followers.isEmpty,
            ])
        }
    }

    /// The share a sentence and a chart quote for an option, by the question's prose base.
    static func quoted(_ option: OptionResult, of question: QuestionResult) -> Percent? {
        quotesResponses(question) ? option.percentOfResponses : option.percentOfRespondents
    }

    /// A multiple answer whose definition quotes shares of all selections (回答比).
    static func quotesResponses(_ question: QuestionResult) -> Bool {
        question.type == .multiple && question.prose.base == .responses
    }

    struct Ranked: Equatable {
        let label: String
        let percent: Percent
    }

    /// The options a sentence names: chosen at least once, highest share first (ties in the form's
    /// order), the first `top` of them plus any tied with the last.
    static func ranking(_ question: QuestionResult) -> [Ranked] {
        let chosen = question.options.enumerated()
            .compactMap { index, option in quoted(option, of: question).map { (index, option.count, Ranked(label: option.label, percent: $0)) } }
            .filter { $0.1 > 0 }
            .sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }
            .map(\.2)
        guard chosen.count > question.prose.top, question.prose.top > 0 else { return chosen }
        let cut = chosen[question.prose.top - 1].percent
        return Array(chosen.prefix { $0.percent >= cut })
    }
}
