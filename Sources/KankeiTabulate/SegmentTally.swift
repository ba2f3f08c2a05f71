import KankeiModel

/// Club feedback counts of one survey, per club × side, per club and per side: for each measure
/// question (満足度, 継続の意向, 参画意向), who answered it and who chose its top box.
struct SegmentTally {
    private struct Key: Hashable {
        /// The club as answered; `""` for the event's own club (resolved at the end); `nil` = all clubs.
        var club: String?
        var side: Side?
    }

    private struct Counts {
        var respondents = 0
        var answered: [Int]
        var top: [Int]
    }

    private let clubQuestion: String?
    private let measures: [Question]
    private let topBoxes: [Set<String>]
    private var order: [Key] = []
    private var counts: [Key: Counts] = [:]

    /// `nil` when the survey asks neither club nor side, or measures nothing.
    init?(schema: SurveySchema) {
        clubQuestion = schema.questions.first { $0.role == .club }?.id
        let sideQuestion = schema.questions.first { $0.role == .side }?.id
        measures = schema.questions.filter { question in
            question.role.map { !$0.splits } == true && !question.topBoxOptions.isEmpty
        }
        guard clubQuestion != nil || sideQuestion != nil, !measures.isEmpty else { return nil }
        topBoxes = measures.map { Set($0.topBoxOptions) }
    }

    /// The respondent's side by the survey's side question.
    static func side(of respondent: Respondent, question: String?) -> Side? {
        guard let question, let answer = respondent.answers.first(where: { $0.question == question }) else { return nil }
        return (answer.choices.first ?? answer.text).flatMap(Side.init(label:))
    }

    /// `side`: the respondent's side by `side(of:question:)`, which the caller already needed.
    mutating func add(_ respondent: Respondent, side: Side?) {
        let club: String? = clubQuestion.map { question in
            let answer = respondent.answers.first { $0.question == question }
            return answer.flatMap { $0.choices.first ?? $0.text } ?? ""
        } ?? ""
        var keys = [Key(club: club, side: nil)]
        if let side { keys += [Key(club: club, side: side), Key(club: nil, side: side)] }
        for key in keys { add(respondent, to: key) }
    }

    private mutating func add(_ respondent: Respondent, to key: Key) {
        var tally = counts[key] ?? {
            order.append(key)
            return Counts(answered: measures.map { _ in 0 }, top: measures.map { _ in 0 })
        }()
        tally.respondents += 1
        for (index, question) in measures.enumerated() {
            guard let answer = respondent.answers.first(where: { $0.question == question.id }) else { continue }
            tally.answered[index] += 1
            if answer.choices.contains(where: topBoxes[index].contains) { tally.top[index] += 1 }
        }
        counts[key] = tally
    }

    /// The segments, clubs in order of first appearance (each club's total, then its sides), then
    /// each side of all clubs. Respondents without a club answer count toward `eventClub`.
    func results(eventClub: String?) -> [SegmentResult] {
        let clubs = order.compactMap(\.club).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let keys = clubs.flatMap { club in
            [Key(club: club, side: nil)] + Side.allCases.map { Key(club: club, side: $0) }
        } + Side.allCases.map { Key(club: nil, side: $0) }
        return keys.compactMap { key in
            guard let tally = counts[key] else { return nil }
            let club = key.club.map { $0.isEmpty ? eventClub : $0 } ?? nil
            // Respondents of no named club, in an event of no club: only the per-side groups say something.
            if key.club == "", club == nil { return nil }
            let measures = self.measures.enumerated().map { index, question in
                MeasureResult(role: question.role!, question: question.id, label: question.label,
                              answered: tally.answered[index], count: tally.top[index])
            }
            return SegmentResult(club: club, side: key.side, respondents: tally.respondents, measures: measures)
        }
    }
}
