/// The questions of one survey as normalize understood them: from a pipeline definition, or
/// inferred from the answers when no definition matched.
public struct SurveySchema: Hashable, Sendable, Codable {
    /// The definition's id, or `inferred-<hash of the column headers>` (two exports of one survey share it).
    public var id: String
    public var title: String?
    /// `true` when the question types were inferred rather than defined.
    public var inferred: Bool
    public var questions: [Question]

    public init(id: String, title: String?, inferred: Bool, questions: [Question]) {
        self.id = id
        self.title = title
        self.inferred = inferred
        self.questions = questions
    }
}

/// The kinds of question the counting rules know.
public enum QuestionType: String, Hashable, Sendable, Codable {
    /// Single answer (SA).
    case single
    /// Multiple answer (MA, 複数回答).
    case multiple
    /// An ordered scale; the share of its top box (`Question.topBoxOptions`) is the satisfaction figure.
    case scale
    /// Free text.
    case text
}

/// Which base a sentence quotes for a multiple-answer question.
public enum PercentBase: String, Hashable, Sendable, Codable {
    /// Share of respondents who answered (sums past 100%).
    case respondents
    /// Share of all selections (sums to 100%).
    case responses
}

/// How the summary sentence for a question is phrased.
public struct ProseRule: Hashable, Sendable, Codable {
    public var base: PercentBase
    /// The phrase after the first option: 「最も多く」 or 「最も高く」.
    public var lead: String
    /// How many options the sentence names (ties at the cut are all named).
    public var top: Int

    public init(base: PercentBase = .respondents, lead: String = "最も多く", top: Int = 3) {
        self.base = base
        self.lead = lead
        self.top = top
    }
}

/// A question whose share of certain answers is a KPI (section 3.2 of the report).
public struct KPIBinding: Hashable, Sendable, Codable {
    public var id: String
    public var label: String
    /// Target in percent (e.g. 80 for ≥ 80%).
    public var target: Int
    /// The options whose share is the KPI value (e.g. 「関心あり」).
    public var counts: [String]
    /// Only respondents of this side count (④(1) is the companies', ④(3) the municipalities').
    public var side: Side?

    public init(id: String, label: String, target: Int, counts: [String], side: Side? = nil) {
        self.id = id
        self.label = label
        self.target = target
        self.counts = counts
        self.side = side
    }
}

/// What a question tells the club figures: which club or side a respondent is on, or a measure
/// (its top box) reported per club and side.
public enum QuestionRole: String, Hashable, Sendable, Codable {
    /// The respondent's club (answers name a club of the core: its id, or 「自治体×企業」).
    case club
    /// The respondent's side (自治体・地域側 / 企業側).
    case side
    /// 満足度: its top box is the satisfaction figure.
    case satisfaction
    /// 継続の意向.
    case continuation
    /// 次年度以降の参画意向 (new participants).
    case intent

    /// Roles that split respondents into groups.
    public var splits: Bool { self == .club || self == .side }

    /// The word reviewers read.
    public var displayName: String {
        switch self {
        case .club: "クラブ"
        case .side: "立場"
        case .satisfaction: "満足度"
        case .continuation: "継続の意向"
        case .intent: "次年度以降の参画意向"
        }
    }
}

/// One question.
public struct Question: Hashable, Sendable, Codable {
    public var id: String
    /// The question as the form asks it.
    public var text: String
    /// How the report names it in prose and headings.
    public var label: String
    public var type: QuestionType
    /// Known options in the form's order; empty for text.
    public var options: [String]
    /// The option that collects answers outside the list (「その他」), if the form has one.
    public var otherOption: String?
    /// For a scale, the options whose share is its top box (e.g. 満足, やや満足).
    public var topBoxOptions: [String]
    public var prose: ProseRule
    /// The KPIs this question measures (one per side when the KPI is a side's).
    public var kpis: [KPIBinding]
    public var role: QuestionRole?
    /// For one row of a grid (Google Forms' `質問 [行]`, a LimeSurvey array): the grid it belongs to.
    public var grid: GridRow?

    public init(id: String, text: String, label: String, type: QuestionType, options: [String] = [],
                otherOption: String? = nil, topBoxOptions: [String] = [], prose: ProseRule = ProseRule(),
                kpis: [KPIBinding] = [], role: QuestionRole? = nil, grid: GridRow? = nil) {
        self.grid = grid
        self.role = role
        self.id = id
        self.text = text
        self.label = label
        self.type = type
        self.options = options
        self.otherOption = otherOption
        self.topBoxOptions = topBoxOptions
        self.prose = prose
        self.kpis = kpis
    }
}

/// Where a question sits in a grid: the grid's id and question text, and this row's label.
/// Rows are counted as questions of their own and reported together as one question with rows.
public struct GridRow: Hashable, Sendable, Codable {
    public var id: String
    public var text: String
    public var row: String

    public init(id: String, text: String, row: String) {
        self.id = id
        self.text = text
        self.row = row
    }
}
