import KankeiModel

/// A survey as the office defines it in `pipelines/<id>.yaml`: its questions with the texts the
/// form asks, their options in the form's order, how the report phrases each one, and which KPI a
/// question measures.
public struct PipelineDefinition: Hashable, Sendable, Decodable {
    public var id: String
    public var title: String
    /// The kind of event this survey follows.
    public var eventKind: EventKind?
    public var questions: [QuestionDefinition]

    enum CodingKeys: String, CodingKey {
        case id, title, questions
        case eventKind = "event_kind"
    }
}

/// One question of a definition.
public struct QuestionDefinition: Hashable, Sendable, Decodable {
    public var id: String
    /// The question as the form asks it (the survey file's column header).
    public var text: String
    /// Other header texts the same question has had (older forms, other tools).
    public var aliases: [String]
    /// How the report names it; the question text when absent.
    public var label: String?
    public var type: QuestionType
    public var options: [String]
    /// The option that collects answers outside the list (Google Forms' 「その他」 free text).
    public var other: String?
    /// For a scale: the options of its top box (満足, やや満足). Required for scales, since a form may
    /// list a scale either way round.
    public var topBox: [String]
    public var prose: ProseSpec?
    /// `kpi:` (one) or `kpis:` (a list, e.g. one per side).
    public var kpis: [KPIReference]
    public var role: QuestionRole?

    enum CodingKeys: String, CodingKey {
        case id, text, aliases, label, type, options, other, prose, kpi, kpis, role
        case topBox = "top_box"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        text = try container.decode(String.self, forKey: .text)
        aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
        label = try container.decodeIfPresent(String.self, forKey: .label)
        type = try container.decode(QuestionType.self, forKey: .type)
        options = try container.decodeIfPresent([String].self, forKey: .options) ?? []
        other = try container.decodeIfPresent(String.self, forKey: .other)
        topBox = try container.decodeIfPresent([String].self, forKey: .topBox) ?? []
        prose = try container.decodeIfPresent(ProseSpec.self, forKey: .prose)
        kpis = try container.decodeIfPresent([KPIReference].self, forKey: .kpis)
            ?? (try container.decodeIfPresent(KPIReference.self, forKey: .kpi)).map { [$0] } ?? []
        role = try container.decodeIfPresent(QuestionRole.self, forKey: .role)
    }
}

/// `prose:` of a question: any of base / lead / top; the rest take the report's defaults.
public struct ProseSpec: Hashable, Sendable, Decodable {
    public var base: PercentBase?
    public var lead: String?
    public var top: Int?

    var rule: ProseRule {
        let defaults = ProseRule()
        return ProseRule(base: base ?? defaults.base, lead: lead ?? defaults.lead, top: top ?? defaults.top)
    }
}

/// A question's link to a KPI of `pipelines/kpis.yaml`: the options whose share is the value.
public struct KPIReference: Hashable, Sendable, Decodable {
    public var id: String
    public var counts: [String]
    /// 「企業側」 or 「自治体・地域側」: only that side's respondents count (needs a `role: side` question).
    public var side: String?
}

/// One KPI of section 3.2 of the report (`pipelines/kpis.yaml`).
public struct KPIDefinition: Hashable, Sendable, Decodable {
    public var id: String
    public var label: String
    public var target: Int
    /// "%" for shares, or the unit of a count (人, 社, 団体, 事業, 件).
    public var unit: String
    /// Written before a count: 「延」 in 延500人.
    public var prefix: String?
    /// What counts it from the matching core (`core.visits.company` …); `nil` for a share measured
    /// by a survey or a value the office enters.
    public var measure: String?
}

/// The KPI catalogue file.
struct KPICatalogFile: Decodable {
    var kpis: [KPIDefinition]
}
