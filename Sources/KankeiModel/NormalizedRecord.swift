/// What normalize emits for one event: the event, each survey's schema before its respondents,
/// the respondents with canonical answers, the people who registered or attended, and notices.
public enum NormalizedRecord: Sendable, Equatable {
    case event(EventInfo)
    case survey(SurveySchema)
    case respondent(Respondent)
    case participant(Participant)
    case notice(Notice)
}

/// One answered form with its answers mapped to the survey's questions and options.
public struct Respondent: Hashable, Sendable, Codable {
    /// The `SurveySchema.id` this respondent answered.
    public var survey: String
    public var provenance: Provenance
    public var submittedAt: String?
    public var person: PersonKey?
    /// Answers to the questions answered; a question left blank has no entry.
    public var answers: [Answer]

    public init(survey: String, provenance: Provenance, submittedAt: String?, person: PersonKey?, answers: [Answer]) {
        self.survey = survey
        self.provenance = provenance
        self.submittedAt = submittedAt
        self.person = person
        self.answers = answers
    }
}

/// The answer to one question: the options chosen (canonical labels, each once) and any free text.
public struct Answer: Hashable, Sendable, Codable {
    public var question: String
    public var choices: [String]
    /// Free text: the whole answer of a text question, or what was written under 「その他」.
    public var text: String?

    public init(question: String, choices: [String] = [], text: String? = nil) {
        self.question = question
        self.choices = choices
        self.text = text
    }
}

/// One person across an event's registration and attendance reports.
public struct Participant: Hashable, Sendable, Codable {
    public var person: PersonKey
    /// The organisation as first written (trimmed), for display.
    public var organization: String?
    /// The organisation's matching key (NFKC, no spaces, legal forms spelled out).
    public var organizationKey: String?
    public var registered: Bool
    /// Attended as an attendee (hosts and panelists are not attendees).
    public var attended: Bool
    /// Host or panelist of the session.
    public var staff: Bool

    public init(person: PersonKey, organization: String?, organizationKey: String?, registered: Bool,
                attended: Bool, staff: Bool) {
        self.person = person
        self.organization = organization
        self.organizationKey = organizationKey
        self.registered = registered
        self.attended = attended
        self.staff = staff
    }
}

/// Something a reviewer should know about how the figures were made (in Japanese).
public struct Notice: Hashable, Sendable, Codable {
    public var source: String?
    public var message: String

    public init(source: String? = nil, message: String) {
        self.source = source
        self.message = message
    }
}

extension NormalizedRecord: KindTagged {
    public var kind: String {
        switch self {
        case .event: "event"
        case .survey: "survey"
        case .respondent: "respondent"
        case .participant: "participant"
        case .notice: "notice"
        }
    }

    public func encodePayload(to encoder: any Encoder) throws {
        switch self {
        case .event(let value): try value.encode(to: encoder)
        case .survey(let value): try value.encode(to: encoder)
        case .respondent(let value): try value.encode(to: encoder)
        case .participant(let value): try value.encode(to: encoder)
        case .notice(let value): try value.encode(to: encoder)
        }
    }

    public init(kind: String, from decoder: any Decoder) throws {
        switch kind {
        case "event": self = .event(try EventInfo(from: decoder))
        case "survey": self = .survey(try SurveySchema(from: decoder))
        case "respondent": self = .respondent(try Respondent(from: decoder))
        case "participant": self = .participant(try Participant(from: decoder))
        case "notice": self = .notice(try Notice(from: decoder))
        default: throw UnknownKind(kind: kind)
        }
    }
}
