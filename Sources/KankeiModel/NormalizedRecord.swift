/// What normalize emits for one event: the event, each survey's schema before its respondents,
/// the respondents with canonical answers, the people who registered or attended, and notices.
public enum NormalizedRecord: Sendable, Equatable {
    case event(EventInfo)
    case survey(SurveySchema)
    case respondent(Respondent)
    /// Many anonymous respondents of one survey at once, as answer counts (from a `ResponseCensus`).
    case answerCounts(AnswerCounts)
    case participant(Participant)
    /// A Zoom session the event's attendance reports cover (before the participants).
    case session(SessionInfo)
    case notice(Notice)
}

/// One Zoom session (a meeting or webinar occurrence): the unit 延べ人数 counts a person once in.
/// Two reports of the same session (same meeting ID and start) are one session.
public struct SessionInfo: Hashable, Sendable, Codable {
    /// `<meeting ID>@<start time>` when the report names them, else the report's sha256.
    public var key: String
    public var meetingID: String?
    public var topic: String?
    /// The start as Zoom printed it.
    public var startTime: String?
    /// ISO 8601 date of the start.
    public var date: String?
    /// SHA-256 of the report it was read from.
    public var source: String

    public init(key: String, meetingID: String? = nil, topic: String? = nil, startTime: String? = nil, date: String? = nil,
                source: String) {
        self.key = key
        self.meetingID = meetingID
        self.topic = topic
        self.startTime = startTime
        self.date = date
        self.source = source
    }

    /// The session a report's preamble describes; without meeting ID and start, the report itself.
    public init(_ info: WebinarInfo) {
        let key = info.webinarID.flatMap { id in info.startTime.map { MatchKey.make(id) + "@" + MatchKey.make($0) } }
        self.init(key: key ?? info.source, meetingID: info.webinarID, topic: info.topic, startTime: info.startTime,
                  date: info.date, source: info.source)
    }
}

/// One answered form with its answers mapped to the survey's questions and options.
public struct Respondent: Hashable, Sendable, Codable {
    /// The `SurveySchema.id` this respondent answered.
    public var survey: String
    public var provenance: Provenance
    public var submittedAt: String?
    /// The respondent, by e-mail address only (`PersonKeyMaker.respondentKey`); `nil` when anonymous.
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

/// Anonymous respondents of one survey counted together: how many, and per question each distinct
/// answer with the number of respondents who gave it, in order of first appearance. Counting these
/// is the same as counting the respondents one by one.
public struct AnswerCounts: Hashable, Sendable, Codable {
    public var survey: String
    public var respondents: Int
    public var questions: [QuestionAnswerCounts]

    public init(survey: String, respondents: Int, questions: [QuestionAnswerCounts]) {
        self.survey = survey
        self.respondents = respondents
        self.questions = questions
    }
}

/// One question's answers in `AnswerCounts`: distinct answers with their counts, and free-text
/// answers beyond those listed (counted, their text not kept: a summary quotes only the first few).
public struct QuestionAnswerCounts: Hashable, Sendable, Codable {
    public struct Counted: Hashable, Sendable, Codable {
        public var answer: Answer
        public var count: Int

        public init(answer: Answer, count: Int) {
            self.answer = answer
            self.count = count
        }
    }

    public var question: String
    public var answers: [Counted]
    public var textsNotKept: Int

    public init(question: String, answers: [Counted], textsNotKept: Int = 0) {
        self.question = question
        self.answers = answers
        self.textsNotKept = textsNotKept
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
    /// The sessions (`SessionInfo.key`) the person attended as an attendee, each once.
    public var sessions: [String]
    /// The person's side, when a roster, address or organisation decided it.
    public var side: Side?
    public var sideBasis: SideBasis?

    public init(person: PersonKey, organization: String?, organizationKey: String?, registered: Bool,
                attended: Bool, staff: Bool, sessions: [String] = [], side: Side? = nil, sideBasis: SideBasis? = nil) {
        self.sessions = sessions
        self.side = side
        self.sideBasis = sideBasis
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
        case .answerCounts: "answerCounts"
        case .participant: "participant"
        case .session: "session"
        case .notice: "notice"
        }
    }

    public func encodePayload(to encoder: any Encoder) throws {
        switch self {
        case .event(let value): try value.encode(to: encoder)
        case .survey(let value): try value.encode(to: encoder)
        case .respondent(let value): try value.encode(to: encoder)
        case .answerCounts(let value): try value.encode(to: encoder)
        case .participant(let value): try value.encode(to: encoder)
        case .session(let value): try value.encode(to: encoder)
        case .notice(let value): try value.encode(to: encoder)
        }
    }

    public init(kind: String, from decoder: any Decoder) throws {
        switch kind {
        case "event": self = .event(try EventInfo(from: decoder))
        case "survey": self = .survey(try SurveySchema(from: decoder))
        case "respondent": self = .respondent(try Respondent(from: decoder))
        case "answerCounts": self = .answerCounts(try AnswerCounts(from: decoder))
        case "participant": self = .participant(try Participant(from: decoder))
        case "session": self = .session(try SessionInfo(from: decoder))
        case "notice": self = .notice(try Notice(from: decoder))
        default: throw UnknownKind(kind: kind)
        }
    }
}
