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
}

/// The preamble of a Zoom webinar report.
public struct WebinarInfo: Hashable, Sendable, Codable {
    public var source: String
    public var topic: String?
    public var webinarID: String?
    /// The start time as Zoom printed it, e.g. "Feb 4, 2022 01:30 PM".
    public var startTime: String?
    /// The start date as ISO 8601 (yyyy-MM-dd) when the start time could be read.
    public var date: String?
    public var durationMinutes: Int?

    public init(source: String, topic: String? = nil, webinarID: String? = nil, startTime: String? = nil,
                date: String? = nil, durationMinutes: Int? = nil) {
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
    public var provenance: Provenance

    public init(person: PersonKey, role: SessionRole, attended: Bool, organization: String?, joinTime: String?,
                leaveTime: String?, minutes: Int?, provenance: Provenance) {
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
/// ingest turns them into `SurveyResponse.person`.
public struct SurveyColumns: Hashable, Sendable, Codable {
    public var source: String
    public var format: SourceFormat
    /// Column header texts as written in the file.
    public var columns: [String]

    public init(source: String, format: SourceFormat, columns: [String]) {
        self.source = source
        self.format = format
        self.columns = columns
    }
}

/// One answered form: the cells of the question columns, `nil` where empty.
public struct SurveyResponse: Hashable, Sendable, Codable {
    public var provenance: Provenance
    public var submittedAt: String?
    public var person: PersonKey?
    public var cells: [String?]

    public init(provenance: Provenance, submittedAt: String?, person: PersonKey?, cells: [String?]) {
        self.provenance = provenance
        self.submittedAt = submittedAt
        self.person = person
        self.cells = cells
    }
}
