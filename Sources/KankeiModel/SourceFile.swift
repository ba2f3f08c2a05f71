/// One input file as ingest saw it: what it is, how it was encoded and its fingerprint.
public struct SourceFile: Hashable, Sendable, Codable {
    /// The file's name as the coordinator dropped it (no directories).
    public var name: String
    /// Lower-case hex SHA-256 of the file's bytes: the file's identity in the archive.
    public var sha256: String
    public var bytes: Int
    public var format: SourceFormat
    /// The text encoding detected, e.g. "UTF-8", "UTF-8 (BOM)".
    public var encoding: String

    public init(name: String, sha256: String, bytes: Int, format: SourceFormat, encoding: String) {
        self.name = name
        self.sha256 = sha256
        self.bytes = bytes
        self.format = format
        self.encoding = encoding
    }
}

/// The kinds of export Kankei reads.
public enum SourceFormat: String, Hashable, Sendable, Codable, CaseIterable {
    case zoomAttendeeReport = "zoom-attendee-report"
    case zoomRegistrationReport = "zoom-registration-report"
    case zoomPollReport = "zoom-poll-report"
    case zoomMeetingParticipants = "zoom-meeting-participants"
    case googleFormsCSV = "google-forms-csv"
    case microsoftFormsXLSX = "microsoft-forms-xlsx"
    case limeSurveyStructure = "limesurvey-lss"
    case limeSurveyResponses = "limesurvey-lsr"
    case limeSurveyArchive = "limesurvey-lsa"
    case qualtricsCSV = "qualtrics-csv"
    case qualtricsXML = "qualtrics-xml"
    case surveyMonkeyCSV = "surveymonkey-csv"

    /// Exports that list who attended a session.
    public static let attendanceReports: Set<SourceFormat> = [.zoomAttendeeReport, .zoomMeetingParticipants]

    /// How a coordinator knows this export (Japanese, as in their tools).
    public var displayName: String { Self.displayNames[self]! }

    private static let displayNames: [SourceFormat: String] = [
        .zoomAttendeeReport: "Zoom 出席者レポート（CSV）",
        .zoomRegistrationReport: "Zoom 登録レポート（CSV）",
        .zoomPollReport: "Zoom 投票レポート（CSV）",
        .zoomMeetingParticipants: "Zoom ミーティングの参加者レポート（CSV）",
        .googleFormsCSV: "Google フォームの回答（CSV）",
        .microsoftFormsXLSX: "Microsoft Forms の回答（Excel xlsx）",
        .limeSurveyStructure: "LimeSurvey のアンケート構造（.lss）",
        .limeSurveyResponses: "LimeSurvey の回答（.lsr）",
        .limeSurveyArchive: "LimeSurvey のアーカイブ（.lsa）",
        .qualtricsCSV: "Qualtrics の回答（CSV）",
        .qualtricsXML: "Qualtrics の回答（XML）",
        .surveyMonkeyCSV: "SurveyMonkey の回答（CSV）",
    ]
}

/// Where in a source file a record came from.
public struct Provenance: Hashable, Sendable, Codable {
    /// SHA-256 of the source file.
    public var sha256: String
    /// The row as a spreadsheet shows it (1 = the file's first line).
    public var row: Int

    public init(sha256: String, row: Int) {
        self.sha256 = sha256
        self.row = row
    }
}
