import KankeiModel

/// The sentences of a summary, in the report's style (section 5.2):
/// 「…」（79.3%）が最も多く、「…」（69.0%）、「…」（69.0%）が続いた。
/// 「放課後企業クラブ」への関心度は、100%の方が「関心あり」と回答した。
public enum Prose {
    /// The sentence for a question, or `nil` when nobody answered it.
    public static func sentence(for question: QuestionResult) -> String? {
        guard question.base.answered > 0 else { return nil }
        switch question.type {
        case .text:
            return "\(question.label)には、\(question.base.answered)件の回答があった。"
        case .scale:
            guard let topBox = question.topBox else { return nil }
            let top = question.topBoxOptions.map { "「\($0)」" }.joined()
            return "\(question.label)は、\(top)を合わせて\(topBox.prose)であった。"
        case .single, .multiple:
            let ranked = ranking(question)
            guard let first = ranked.first else { return nil }
            if question.type == .single, first.percent.tenths == 1_000 {
                return "\(question.label)は、100%の方が「\(first.label)」と回答した。"
            }
            return rankingSentence(label: question.label, lead: question.prose.lead, ranked: ranked)
        }
    }

    /// The share a sentence quotes for an option, by the question's prose base.
    public static func quoted(_ option: OptionResult, of question: QuestionResult) -> Percent? {
        question.type == .multiple && question.prose.base == .responses ? option.percentOfResponses : option.percentOfRespondents
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

    static func rankingSentence(label: String, lead: String, ranked: [Ranked]) -> String {
        let quote = { (item: Ranked) in "「\(item.label)」（\(item.percent.prose)）" }
        let leaders = ranked.prefix { $0.percent == ranked[0].percent }
        let followers = ranked.dropFirst(leaders.count)
        var sentence = "\(label)は、" + leaders.map(quote).joined(separator: "と") + "が\(lead)"
        if followers.isEmpty {
            sentence += "なった。"
        } else {
            sentence += "、" + followers.map(quote).joined(separator: "、") + "が続いた。"
        }
        return sentence
    }
}
