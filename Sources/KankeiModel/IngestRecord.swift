/// What ingest emits for one source file, in order: its `source`, then the records read from it.
///
/// Person-identifying values (e-mail addresses, names) never appear here: ingest replaces them
/// with `PersonKey`s, so everything downstream — and every intermediate file — is pseudonymous.
public enum IngestRecord: Sendable, Equatable {
    case source(SourceFile)
    /// The preamble of a Zoom report (topic, start time, …).
    case webinar(WebinarInfo)
    case registrant(Registrant)
    case attendance(Attendance)
    /// The question columns of a survey export, in file order.
    case surveyColumns(SurveyColumns)
    case response(SurveyResponse)
    /// The rest of a large survey export's rows, counted per column (after its first rows came as
    /// `.response`), when normalize asked for a `CensusPlan`.
    case census(ResponseCensus)
    /// Something the reader recovered from or set aside, for the report's notes (which file,
    /// which rows, what was done).
    case notice(Notice)
}

/// The preamble of a Zoom report (webinar or meeting).
public struct WebinarInfo: Hashable, Sendable, Codable {
    public var source: String
    public var topic: String?
    public var webinarID: String?
    /// The start time as Zoom printed it, e.g. "Feb 4, 2022 01:30 PM".
    public var startTime: String?
    /// The start date as ISO 8601 (yyyy-MM-dd) when the start time could be read.
    public var date: String?
    public var durationMinutes: Int?
    /// The meeting's host (a meeting participants report names the host's address): not an attendee.
    public var host: PersonKey?

    public init(source: String, topic: String? = nil, webinarID: String? = nil, startTime: String? = nil,
                date: String? = nil, durationMinutes: Int? = nil, host: PersonKey? = nil) {
        self.host = host
        self.source = source
        self.topic = topic
        self.webinarID = webinarID
        self.startTime = startTime
        self.date = date
        self.durationMinutes = durationMinutes
    }
}

/// One row of a Zoom registration report.
public struct Registrant: Hashable, Sendable, Codable {
    public var person: PersonKey
    /// The organisation as the registrant typed it (trimmed), if the report has such a field.
    public var organization: String?
    public var registrationTime: String?
    public var approvalStatus: String?
    public var provenance: Provenance

    public init(person: PersonKey, organization: String?, registrationTime: String?, approvalStatus: String?,
                provenance: Provenance) {
        self.person = person
        self.organization = organization
        self.registrationTime = registrationTime
        self.approvalStatus = approvalStatus
        self.provenance = provenance
    }
}

/// The part a person played in a Zoom session.
public enum SessionRole: String, Hashable, Sendable, Codable {
    case host, panelist, attendee
    /// Zoom's "Other Attended": joined without a registration record.
    case other
}

/// One join/leave row of a Zoom attendee report (a person has many).
public struct Attendance: Hashable, Sendable, Codable {
    public var person: PersonKey
    public var role: SessionRole
    /// `Attended` = Yes. A registrant who never joined has a row with `No`.
    public var attended: Bool
    public var organization: String?
    public var joinTime: String?
    public var leaveTime: String?
    public var minutes: Int?
    /// The domain of the person's e-mail address (NFKC, lower-case), which can tell their side: an
    /// organisation's domain, not a personal datum.
    public var domain: String?
    public var provenance: Provenance

    public init(person: PersonKey, role: SessionRole, attended: Bool, organization: String?, joinTime: String?,
                leaveTime: String?, minutes: Int?, domain: String? = nil, provenance: Provenance) {
        self.domain = domain
        self.person = person
        self.role = role
        self.attended = attended
        self.organization = organization
        self.joinTime = joinTime
        self.leaveTime = leaveTime
        self.minutes = minutes
        self.provenance = provenance
    }
}

/// The question columns of a survey export. Identity columns (e-mail, name) are not among them:
/// ingest turns them into `SurveyResponse.person`. A multiple answer that the export spreads over
/// one column per option (SurveyMonkey, LimeSurvey, Qualtrics XML) is already folded into one
/// column whose cells are `.choices`.
public struct SurveyColumns: Hashable, Sendable, Codable {
    public var source: String
    public var format: SourceFormat
    /// Column header texts (question texts) as written in the file.
    public var columns: [String]
    /// The options each column offers, in the form's order, when the export names them (Microsoft
    /// Forms and Google Forms do not; LimeSurvey, SurveyMonkey and Qualtrics XML do).
    public var options: [[String]?]?
    /// `true` when answers are the options' numbers (1 = the first option) rather than their
    /// texts, as in Qualtrics' "numeric values" download.
    public var optionNumbers: Bool
    /// What the export itself says of each column beyond its text and options (its question type,
    /// the option its typed texts belong to), when it says anything.
    public var hints: [ColumnHint?]?

    public init(source: String, format: SourceFormat, columns: [String], options: [[String]?]? = nil,
                optionNumbers: Bool = false, hints: [ColumnHint?]? = nil) {
        self.source = source
        self.format = format
        self.columns = columns
        self.options = options
        self.optionNumbers = optionNumbers
        self.hints = hints
    }

    private enum CodingKeys: String, CodingKey { case source, format, columns, options, optionNumbers, hints }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        source = try container.decode(String.self, forKey: .source)
        format = try container.decode(SourceFormat.self, forKey: .format)
        columns = try container.decode([String].self, forKey: .columns)
        options = try container.decodeIfPresent([[String]?].self, forKey: .options)
        optionNumbers = try container.decodeIfPresent(Bool.self, forKey: .optionNumbers) ?? false
        hints = try container.decodeIfPresent([ColumnHint?].self, forKey: .hints)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(source, forKey: .source)
        try container.encode(format, forKey: .format)
        try container.encode(columns, forKey: .columns)
        try container.encodeIfPresent(options, forKey: .options)
        if optionNumbers { try container.encode(optionNumbers, forKey: .optionNumbers) }
        try container.encodeIfPresent(hints, forKey: .hints)
    }
}

/// What an export says of one question column beyond its text and options, so that a question no
/// definition describes is not left to guessing: LimeSurvey's question type, SurveyMonkey's and
/// LimeSurvey's option whose typed text comes in a column of its own.
public struct ColumnHint: Hashable, Sendable, Codable {
    /// The question's type as the export declares it.
    public var type: QuestionType?
    /// The option that typed texts of the question belong to (「その他」, "Other (please specify)").
    public var otherOption: String?
    /// Every answer is an option (a Zoom poll): single, or multiple once an answer holds several.
    public var isChoice: Bool

    public init(type: QuestionType? = nil, otherOption: String? = nil, isChoice: Bool = false) {
        self.type = type
        self.otherOption = otherOption
        self.isChoice = isChoice
    }

    private enum CodingKeys: String, CodingKey { case type, otherOption, isChoice }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decodeIfPresent(QuestionType.self, forKey: .type)
        otherOption = try container.decodeIfPresent(String.self, forKey: .otherOption)
        isChoice = try container.decodeIfPresent(Bool.self, forKey: .isChoice) ?? false
    }
}

/// One answered form: the cells of the question columns, `nil` where empty.
public struct SurveyResponse: Hashable, Sendable, Codable {
    public var provenance: Provenance
    /// When the form was submitted, as ISO 8601 local time (`2022-02-04T14:31:38`) when the
    /// export's timestamp could be read, else as written.
    public var submittedAt: String?
    /// The respondent, by e-mail address only (`PersonKeyMaker.respondentKey`); `nil` when anonymous.
    public var person: PersonKey?
    public var cells: [SurveyCell?]

    public init(provenance: Provenance, submittedAt: String?, person: PersonKey?, cells: [SurveyCell?]) {
        self.provenance = provenance
        self.submittedAt = submittedAt
        self.person = person
        self.cells = cells
    }
}

/// One answer cell as the export gave it: text (a multiple answer still joined, as Google and
/// Microsoft Forms write it), or the options chosen one by one where the export keeps one
/// column per option. In JSON, a string or an array of strings.
public enum SurveyCell: Hashable, Sendable, Codable, ExpressibleByStringLiteral {
    case text(String)
    /// The chosen options' texts, and any 「その他」 free text, each an item.
    case choices([String])

    public init(stringLiteral value: String) { self = .text(value) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .text(text)
        } else {
            self = .choices(try container.decode([String].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .choices(let items): try container.encode(items)
        }
    }

    /// The cell as one text (choices joined by `;`), for type inference and messages.
    public var joined: String {
        switch self {
        case .text(let text): text
        case .choices(let items): items.joined(separator: ";")
        }
    }
}
