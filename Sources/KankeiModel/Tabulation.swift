/// The figures of one event: what `summary.json` holds (its field names are a contract, see
/// DESIGN.md) and what every other report file is rendered from.
public struct Tabulation: Hashable, Sendable, Codable {
    public var event: EventSummary
    /// Respondents of the event's surveys (each answered form once).
    public var respondents: Int
    /// Respondents as a share of attendees, when both are known.
    @Nullable public var responseRate: Percent?
    public var questions: [QuestionResult]
    public var kpis: [KPIResult]
    /// 関係人口 of a club session: 延べ and 実人員, in all and per side.
    @Nullable public var attendance: AttendanceSummary?
    /// Club feedback per club and side (satisfaction, continuation …), when a survey asks for club or side.
    public var segments: [SegmentResult]
    /// How figures were made where a reviewer should know (Japanese).
    public var notes: [String]

    public init(event: EventSummary, respondents: Int, responseRate: Percent?, questions: [QuestionResult],
                kpis: [KPIResult], attendance: AttendanceSummary? = nil, segments: [SegmentResult] = [], notes: [String]) {
        self.attendance = attendance
        self.segments = segments
        self.event = event
        self.respondents = respondents
        self.responseRate = responseRate
        self.questions = questions
        self.kpis = kpis
        self.notes = notes
    }

    /// Below this many answers a figure is a reference value (参考値).
    public static let referenceThreshold = 30
    /// Free-text answers a summary quotes per question (the count is always exact).
    public static let keptTexts = 500
}

/// The event and its headcounts. A count is `nil` when no export gave it.
public struct EventSummary: Hashable, Sendable, Codable {
    public var id: String
    public var kind: EventKind
    @Nullable public var title: String?
    @Nullable public var date: String?
    /// Distinct registrants (申込人数).
    @Nullable public var registrants: Int?
    /// Distinct organisations among registrants (団体数).
    @Nullable public var organizations: Int?
    /// Distinct attendees, hosts and panelists excluded.
    @Nullable public var attendees: Int?
    /// The club id, for a club's events.
    @Nullable public var club: String?
    /// Who the event was for: companies or municipalities (decides 「21社」 or 「74団体」).
    @Nullable public var audience: Side?
    /// The sha256 of every file counted, sorted.
    public var files: [String]

    public init(id: String, kind: EventKind, title: String?, date: String?, registrants: Int?, organizations: Int?,
                attendees: Int?, club: String? = nil, audience: Side? = nil, files: [String] = []) {
        self.club = club
        self.audience = audience
        self.files = files
        self.id = id
        self.kind = kind
        self.title = title
        self.date = date
        self.registrants = registrants
        self.organizations = organizations
        self.attendees = attendees
    }
}

/// The bases of one question's percentages.
public struct QuestionBase: Hashable, Sendable, Codable {
    /// Respondents of the survey the question belongs to.
    public var respondents: Int
    /// Respondents who answered this question: the base of `percentOfRespondents` (n).
    public var answered: Int
    /// Selections in all (for a multiple answer, more than `answered`): the base of `percentOfResponses`.
    public var responses: Int

    public init(respondents: Int, answered: Int, responses: Int) {
        self.respondents = respondents
        self.answered = answered
        self.responses = responses
    }
}

/// One option's count and both shares.
public struct OptionResult: Hashable, Sendable, Codable {
    public var label: String
    public var count: Int
    @Nullable public var percentOfRespondents: Percent?
    @Nullable public var percentOfResponses: Percent?
    /// `true` for an answer that is not among the form's options (kept as its own label).
    public var unlisted: Bool

    public init(label: String, count: Int, percentOfRespondents: Percent?, percentOfResponses: Percent?,
                unlisted: Bool = false) {
        self.label = label
        self.count = count
        self.percentOfRespondents = percentOfRespondents
        self.percentOfResponses = percentOfResponses
        self.unlisted = unlisted
    }
}

/// One question's results.
public struct QuestionResult: Hashable, Sendable, Codable {
    public var id: String
    /// The survey (schema id) the question belongs to.
    public var survey: String
    public var text: String
    public var label: String
    public var type: QuestionType
    public var base: QuestionBase
    /// Options in the form's order, then unlisted answers in order of first appearance.
    public var options: [OptionResult]
    /// For scales, the options of the top box (e.g. 満足, やや満足).
    public var topBoxOptions: [String]
    /// For scales, the share of the top box.
    @Nullable public var topBox: Percent?
    /// Free-text answers (text questions, and what was written under 「その他」), personal data
    /// masked; the first `Tabulation.keptTexts` of them.
    public var texts: [String]
    /// How many free-text answers there were in all.
    public var textCount: Int
    public var prose: ProseRule
    /// A choice question with n (answered) below `Tabulation.referenceThreshold`: its shares are
    /// reference values (参考値).
    public var reference: Bool
    /// For a grid: one result per row; the grid itself has no options.
    public var rows: [GridRowResult]?

    public init(id: String, survey: String, text: String, label: String, type: QuestionType, base: QuestionBase,
                options: [OptionResult], topBoxOptions: [String] = [], topBox: Percent? = nil, texts: [String] = [],
                textCount: Int? = nil, prose: ProseRule, reference: Bool) {
        self.id = id
        self.survey = survey
        self.text = text
        self.label = label
        self.type = type
        self.base = base
        self.options = options
        self.topBoxOptions = topBoxOptions
        self.topBox = topBox
        self.texts = texts
        self.textCount = textCount ?? texts.count
        self.prose = prose
        self.reference = reference
    }

    /// The questions as reports list them: a grid's rows in its place, each titled 「質問 [行]」.
    public static func flattened(_ questions: [QuestionResult]) -> [QuestionResult] {
        questions.flatMap { question in
            question.rows.map { rows in rows.map { row in
                QuestionResult(id: row.id, survey: question.survey, text: "\(question.text) [\(row.label)]",
                               label: "\(question.label) [\(row.label)]", type: question.type, base: row.base, options: row.options,
                               topBoxOptions: question.topBoxOptions, topBox: row.topBox, texts: row.texts, textCount: row.textCount,
                               prose: question.prose, reference: row.reference)
            } } ?? [question]
        }
    }
}

/// One row of a grid question: its label and counts (the grid gives type, options and wording).
public struct GridRowResult: Hashable, Sendable, Codable {
    public var id: String
    public var label: String
    public var base: QuestionBase
    public var options: [OptionResult]
    @Nullable public var topBox: Percent?
    public var texts: [String]
    public var textCount: Int
    public var reference: Bool

    public init(_ result: QuestionResult) {
        id = result.id
        label = result.label
        base = result.base
        options = result.options
        topBox = result.topBox
        texts = result.texts
        textCount = result.textCount
        reference = result.reference
    }
}

/// One KPI row (目標 / 達成状況).
public struct KPIResult: Hashable, Sendable, Codable {
    public var id: String
    public var label: String
    /// The value in percent; `nil` when it could not be computed (no answers).
    @Nullable public var value: Percent?
    /// Target in percent (≥).
    public var target: Int
    @Nullable public var achieved: Bool?
    /// The question it was computed from.
    public var question: String
    /// The respondents it was computed over.
    public var n: Int

    public init(id: String, label: String, value: Percent?, target: Int, achieved: Bool?, question: String, n: Int = 0) {
        self.n = n
        self.id = id
        self.label = label
        self.value = value
        self.target = target
        self.achieved = achieved
        self.question = question
    }
}


/// Club feedback for one group of respondents: one club and one side, one club (both sides, `side`
/// `nil`), or one side of all clubs (`club` `nil`).
public struct SegmentResult: Hashable, Sendable, Codable {
    /// The club as respondents named it, or the event's club.
    @Nullable public var club: String?
    @Nullable public var side: Side?
    public var respondents: Int
    public var measures: [MeasureResult]

    public init(club: String?, side: Side?, respondents: Int, measures: [MeasureResult]) {
        self.club = club
        self.side = side
        self.respondents = respondents
        self.measures = measures
    }

    public func measure(_ role: QuestionRole) -> MeasureResult? { measures.first { $0.role == role } }
}

/// One measure (the top box of 満足度, 継続の意向 …) within a segment.
public struct MeasureResult: Hashable, Sendable, Codable {
    public var role: QuestionRole
    public var question: String
    public var label: String
    /// Respondents of the segment who answered the question (n).
    public var answered: Int
    /// Of them, those in the top box.
    public var count: Int
    @Nullable public var value: Percent?

    public init(role: QuestionRole, question: String, label: String, answered: Int, count: Int) {
        self.role = role
        self.question = question
        self.label = label
        self.answered = answered
        self.count = count
        value = Percent(count: count, of: answered)
    }
}

extension Sequence<Tabulation> {
    /// Events newest first (by date, then id), as the index lists them and the KPI table looks them up.
    public var newestFirst: [Tabulation] {
        sorted { ($0.event.date ?? "", $0.event.id) > ($1.event.date ?? "", $1.event.id) }
    }
}
