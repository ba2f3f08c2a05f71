extension IngestRecord: KindTagged {
    public var kind: String {
        switch self {
        case .source: "source"
        case .webinar: "webinar"
        case .registrant: "registrant"
        case .attendance: "attendance"
        case .surveyColumns: "surveyColumns"
        case .response: "response"
        case .census: "census"
        case .notice: "notice"
        }
    }

    public func encodePayload(to encoder: any Encoder) throws {
        switch self {
        case .source(let value): try value.encode(to: encoder)
        case .webinar(let value): try value.encode(to: encoder)
        case .registrant(let value): try value.encode(to: encoder)
        case .attendance(let value): try value.encode(to: encoder)
        case .surveyColumns(let value): try value.encode(to: encoder)
        case .response(let value): try value.encode(to: encoder)
        case .census(let value): try value.encode(to: encoder)
        case .notice(let value): try value.encode(to: encoder)
        }
    }

    public init(kind: String, from decoder: any Decoder) throws {
        switch kind {
        case "source": self = .source(try SourceFile(from: decoder))
        case "webinar": self = .webinar(try WebinarInfo(from: decoder))
        case "registrant": self = .registrant(try Registrant(from: decoder))
        case "attendance": self = .attendance(try Attendance(from: decoder))
        case "surveyColumns": self = .surveyColumns(try SurveyColumns(from: decoder))
        case "response": self = .response(try SurveyResponse(from: decoder))
        case "census": self = .census(try ResponseCensus(from: decoder))
        case "notice": self = .notice(try Notice(from: decoder))
        default: throw UnknownKind(kind: kind)
        }
    }
}
