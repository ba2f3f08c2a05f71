/// What an event is: a webinar (WEB説明会), a club session, or a stand-alone survey.
public enum EventKind: String, Hashable, Sendable, Codable, CaseIterable {
    case webinar
    case clubSession = "club-session"
    case survey

    /// The word reviewers read.
    public var displayName: String {
        switch self {
        case .webinar: "WEB説明会"
        case .clubSession: "放課後企業クラブ セッション"
        case .survey: "アンケート"
        }
    }
}

/// One event: an inbox subfolder, with what `event.yaml` or the exports say about it.
public struct EventInfo: Hashable, Sendable, Codable {
    /// The inbox subfolder's name.
    public var id: String
    public var kind: EventKind
    public var title: String?
    /// ISO 8601 date (yyyy-MM-dd).
    public var date: String?
    /// The club id, for club sessions.
    public var club: String?
    /// Who the event was for (`event.yaml` `audience:`): companies (申込は「社」で数える) or municipalities.
    public var audience: Side?
    /// The kinds of export the event's figures were made from.
    public var sources: [SourceFormat]
    /// The sha256 of every file counted, sorted: which files the figures rest on.
    public var files: [String]

    public init(id: String, kind: EventKind, title: String? = nil, date: String? = nil, club: String? = nil,
                audience: Side? = nil, sources: [SourceFormat] = [], files: [String] = []) {
        self.audience = audience
        self.files = files
        self.id = id
        self.kind = kind
        self.title = title
        self.date = date
        self.club = club
        self.sources = sources
    }
}
