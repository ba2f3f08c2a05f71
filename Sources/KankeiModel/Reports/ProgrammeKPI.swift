/// One row of the programme's KPI table (report section 6.1: 目標 / 達成状況): the target from
/// `pipelines/kpis.yaml` and the value, computed from the core or a survey, or entered by hand.
public struct ProgrammeKPI: Hashable, Sendable, Codable {
    /// Where a value came from; reviewers see it beside the value.
    public enum Source: String, Hashable, Sendable, Codable {
        /// Counted from the matching core (延べ人数, organisations in clubs).
        case core
        /// The latest survey that measures it.
        case survey
        /// Entered by the office in `kpi-values.yaml` (ideas proposed, projects started …).
        case entered
        /// Neither computed nor entered yet.
        case missing
    }

    public var id: String
    public var label: String
    public var target: Int
    /// "%" for shares, else the unit of a count (人, 社 …).
    public var unit: String
    /// Written before a count: 「延」 in 延500人.
    public var prefix: String
    /// A count, when the KPI is one.
    public var count: Int?
    /// A share, when the KPI is one.
    public var percent: Percent?
    public var source: Source
    /// The event a survey value came from.
    public var event: String?
    /// Respondents behind a survey value.
    public var n: Int?
    /// What the office wrote beside an entered value.
    public var note: String?
    /// The count the core gave, when an entered value replaced it.
    public var computed: Int?

    public init(id: String, label: String, target: Int, unit: String, prefix: String = "", count: Int? = nil,
                percent: Percent? = nil, source: Source, event: String? = nil, n: Int? = nil, note: String? = nil) {
        self.id = id
        self.label = label
        self.target = target
        self.unit = unit
        self.prefix = prefix
        self.count = count
        self.percent = percent
        self.source = source
        self.event = event
        self.n = n
        self.note = note
    }

    public var isPercent: Bool { unit == "%" }

    /// Reached the target (≥), or `nil` when there is no value to judge.
    public var achieved: Bool? {
        if isPercent { return percent.map { $0.tenths >= target * 10 } }
        return count.map { $0 >= target }
    }
}
