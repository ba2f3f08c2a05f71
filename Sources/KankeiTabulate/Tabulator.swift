import KankeiModel

/// The tabulate stage: an event's normalized records in, its `Tabulation` out.
///
/// Counts stream: each respondent is added and dropped, so memory grows with the number of
/// questions and options, not with the number of answers. Percentages are exact integer
/// arithmetic rounded half-up (`Percent`); a multiple answer gets both bases — respondents who
/// answered the question (無回答 excluded) and all selections.
public final class Tabulator {
    private struct SurveyTally {
        var schema: SurveySchema
        var respondents = 0
        var questions: [String: QuestionTally]
        var segments: SegmentTally?
        /// The question that asks the respondent's side, for KPIs of one side.
        var sideQuestion: String?
    }

    private var event: EventInfo?
    private var surveyOrder: [String] = []
    private var surveys: [String: SurveyTally] = [:]
    private var registrants = 0
    private var organizations: Set<String> = []
    private var attendees = 0
    private var sessions: [String] = []
    private var attendance: [(session: String, person: PersonKey, side: Side?)] = []
    private var notes: [String] = []

    public init() {}

    public func consume(_ record: NormalizedRecord) {
        switch record {
        case .event(let info):
            event = info
        case .survey(let schema):
            add(schema)
        case .respondent(let respondent):
            guard var tally = surveys[respondent.survey] else { return }
            tally.respondents += 1
            let side = SegmentTally.side(of: respondent, question: tally.sideQuestion)
            for answer in respondent.answers { tally.questions[answer.question]?.add(answer, side: side) }
            tally.segments?.add(respondent, side: side)
            surveys[respondent.survey] = tally
        case .answerCounts(let counts):
            guard var tally = surveys[counts.survey] else { return }
            tally.respondents += counts.respondents
            for counted in counts.questions {
                guard var question = tally.questions[counted.question] else { continue }
                for answer in counted.answers { question.add(answer.answer, times: answer.count) }
                question.addTexts(notKept: counted.textsNotKept)
                tally.questions[counted.question] = question
            }
            surveys[counts.survey] = tally
        case .participant(let participant):
            if participant.registered {
                registrants += 1
                if let key = participant.organizationKey { organizations.insert(key) }
            }
            if participant.attended, !participant.staff { attendees += 1 }
            for session in participant.sessions { attendance.append((session, participant.person, participant.side)) }
        case .session(let session):
            sessions.append(session.key)
        case .notice(let notice):
            notes.append(notice.message)
        }
    }

    public func finish() -> Tabulation {
        let info = event ?? EventInfo(id: "", kind: .survey)
        let attendanceReport = !info.sources.filter(SourceFormat.attendanceReports.contains).isEmpty
        // A club's sessions have members, not applications: no 申込人数.
        let zoomPeople = info.kind != .clubSession
            && (info.sources.contains(.zoomRegistrationReport) || info.sources.contains(.zoomAttendeeReport))
        let attendeeCount = attendanceReport ? attendees : nil
        let summary = EventSummary(
            id: info.id, kind: info.kind, title: info.title, date: info.date,
            registrants: zoomPeople ? registrants : nil,
            organizations: zoomPeople && !organizations.isEmpty ? organizations.count : nil,
            attendees: attendeeCount, club: info.club, audience: info.audience, files: info.files)
        let tallies = surveyOrder.compactMap { surveys[$0] }
        let respondents = tallies.reduce(0) { $0 + $1.respondents }
        let questions = tallies.flatMap { tally in
            Self.foldingGrids(tally.schema.questions.compactMap { question in
                tally.questions[question.id].map { (question, $0.result(survey: tally.schema.id, respondents: tally.respondents)) }
            })
        }
        let kpis = tallies.flatMap { tally in tally.schema.questions.flatMap { tally.questions[$0.id]?.kpis ?? [] } }
        let clubAttendance = info.kind == .clubSession && attendanceReport
            ? AttendanceSummary(attendance: attendance, sessions: sessions.count) : nil
        return Tabulation(event: summary, respondents: respondents,
                          responseRate: attendeeCount.flatMap { Percent(count: respondents, of: $0) },
                          questions: questions, kpis: kpis, attendance: clubAttendance,
                          segments: tallies.flatMap { $0.segments?.results(eventClub: info.club) ?? [] }, notes: notes)
    }

    /// Consecutive rows of one grid become one result with `rows`; its base is the busiest row's.
    static func foldingGrids(_ results: [(Question, QuestionResult)]) -> [QuestionResult] {
        var folded: [QuestionResult] = []
        var gridID: String?
        for (question, result) in results {
            guard let grid = question.grid else {
                folded.append(result)
                gridID = nil
                continue
            }
            if gridID == grid.id, var last = folded.popLast() {
                last.rows?.append(GridRowResult(result))
                last.base.answered = max(last.base.answered, result.base.answered)
                last.base.responses += result.base.responses
                last.reference = last.reference || result.reference
                folded.append(last)
            } else {
                var head = QuestionResult(id: grid.id, survey: result.survey, text: grid.text, label: grid.text, type: result.type,
                                          base: result.base, options: [], prose: result.prose, reference: result.reference)
                head.rows = [GridRowResult(result)]
                folded.append(head)
                gridID = grid.id
            }
        }
        return folded
    }

    /// A schema seen again (a second file of the same survey) adds only the questions it brings anew.
    private func add(_ schema: SurveySchema) {
        guard var tally = surveys[schema.id] else {
            surveyOrder.append(schema.id)
            surveys[schema.id] = SurveyTally(schema: schema, questions: Dictionary(
                schema.questions.map { ($0.id, QuestionTally(question: $0)) }, uniquingKeysWith: { first, _ in first }),
                segments: SegmentTally(schema: schema), sideQuestion: schema.questions.first { $0.role == .side }?.id)
            return
        }
        for question in schema.questions where tally.questions[question.id] == nil {
            tally.schema.questions.append(question)
            tally.questions[question.id] = QuestionTally(question: question)
        }
        surveys[schema.id] = tally
    }
}
