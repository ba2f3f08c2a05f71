import KankeiModel

/// The entries of `wording.yaml` that Kankei fills in itself (page templates name their own labels
/// as `{{w.…}}`). Loading the templates checks that every one of them is there.
enum Phrase: String, CaseIterable {
    /// These, plus the names of kinds, sides, measures and value sources looked up by their raw values.
    static var requiredKeys: [String] {
        allCases.map(\.rawValue) + EventKind.allCases.map { "kinds.\($0.rawValue)" } + Side.allCases.map { "sides.\($0.rawValue)" }
            + [QuestionRole.satisfaction, .continuation, .intent].map { "roles.\($0.rawValue)" }
            + [ProgrammeKPI.Source.core, .survey, .entered, .missing].map { "sources.\($0.rawValue)" }
    }

    case registrants = "phrases.registrants"
    case attendees = "phrases.attendees"
    case respondents = "phrases.respondents"
    case questionBase = "phrases.questionBase"
    case topBox = "phrases.topBox"
    case unlisted = "phrases.unlisted"
    case moreTexts = "phrases.moreTexts"
    case people = "phrases.people"
    case relatedPopulation = "phrases.relatedPopulation"
    case sessions = "phrases.sessions"
    case period = "phrases.period"
    case rating = "phrases.rating"
    case noRating = "phrases.noRating"
    case segmentValue = "phrases.segmentValue"
    case targetPercent = "phrases.targetPercent"
    case targetCount = "phrases.targetCount"
    case valueCount = "phrases.valueCount"
    case valuePercent = "phrases.valuePercent"
    case kpiStatus = "phrases.kpiStatus"
    case surveySource = "phrases.surveySource"
    case chartRespondents = "phrases.chartRespondents"
    case chartResponses = "phrases.chartResponses"
    case chartLabel = "phrases.chartLabel"
    case lineLabel = "phrases.lineLabel"
    case lineTarget = "phrases.lineTarget"
    case computedNote = "phrases.computedNote"
    case chartValue = "phrases.chartValue"
    case none = "labels.none"

    case referenceNote = "notes.reference"
    case multipleNote = "notes.multiple"
    case attendanceNote = "notes.attendance"
    case unassignedNote = "notes.unassigned"
    case segmentsNote = "notes.segments"
    case clubNote = "notes.club"
    case programmeNote = "notes.programme"
    case satisfactionNote = "notes.satisfaction"

    case rankingSentence = "sentences.ranking"
    case unanimousSentence = "sentences.unanimous"
    case scaleSentence = "sentences.scale"
    case textSentence = "sentences.text"

    case achieved = "verdicts.achieved"
    case notAchieved = "verdicts.notAchieved"
    case noVerdict = "verdicts.none"
    case companyUnit = "units.company"
    case otherUnit = "units.other"
    case unassigned = "labels.unassigned"
    case allClubs = "labels.allClubs"
    case bothSides = "labels.bothSides"
}
