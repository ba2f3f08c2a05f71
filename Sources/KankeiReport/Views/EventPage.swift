import KankeiModel

/// What `summary.html` and `summary.md` show for one event, worded by `wording.yaml`: the page
/// templates lay it out, so both files carry the same words and figures.
struct EventPage {
    struct Fact {
        let label: String
        let value: String
    }

    let w: [String: Any]
    let title: String
    let kind: String
    let facts: [Fact]
    let club: ClubSection?
    let attendance: AttendanceSection?
    let overview: [String]
    let overviewNotes: [String]
    let hasOverview: Bool
    let questions: [QuestionSection]
    let hasQuestions: Bool
    let segments: SegmentsSection?
    let kpis: [KPIRow]
    let hasKPIs: Bool
    let notes: [String]
    let hasNotes: Bool

    init(_ tabulation: Tabulation, club profile: ClubProfile?, _ templates: ReportTemplates) {
        let event = tabulation.event
        let questions = QuestionResult.flattened(tabulation.questions)
        w = templates.words
        title = event.title ?? event.id
        kind = templates.label("kinds.\(event.kind.rawValue)")
        var facts = [Fact(label: templates.label("labels.kind"), value: kind)]
        if let date = JapaneseDate.format(iso: event.date) { facts.append(Fact(label: templates.label("labels.date"), value: date)) }
        if let registrants = event.registrants {
            let unit = templates.phrase(event.audience == .company ? .companyUnit : .otherUnit)
            facts.append(Fact(label: templates.label("labels.registrants"), value: templates.phrase(.registrants, [
                "count": Formatting.grouped(registrants), "organizations": event.organizations.map(Formatting.grouped), "unit": unit,
            ])))
        }
        if let attendees = event.attendees {
            facts.append(Fact(label: templates.label("labels.attendees"), value: templates.phrase(.attendees, ["count": Formatting.grouped(attendees)])))
        }
        if !questions.isEmpty {
            facts.append(Fact(label: templates.label("labels.respondents"), value: templates.phrase(.respondents, [
                "count": Formatting.grouped(tabulation.respondents), "rate": tabulation.responseRate?.fixed,
            ])))
        }
        self.facts = facts
        club = profile.map { ClubSection($0, templates) }
        attendance = tabulation.attendance.map { AttendanceSection($0, templates) }

        let sections = questions.map { QuestionSection($0, templates) }
        overview = sections.compactMap(\.sentence)
        var overviewNotes: [String] = []
        if questions.contains(where: \.reference) {
            overviewNotes.append(templates.phrase(.referenceNote, ["threshold": Tabulation.referenceThreshold]))
        }
        if questions.contains(where: { $0.type == .multiple }) { overviewNotes.append(templates.phrase(.multipleNote)) }
        self.overviewNotes = overviewNotes
        hasOverview = !overview.isEmpty
        self.questions = sections
        hasQuestions = !questions.isEmpty
        segments = tabulation.segments.isEmpty ? nil : SegmentsSection(tabulation.segments, templates)
        kpis = tabulation.kpis.map { KPIRow($0, templates) }
        hasKPIs = !kpis.isEmpty
        notes = tabulation.notes
        hasNotes = !notes.isEmpty
    }
}

/// One event KPI row (section 6.1's columns): 指標, 目標, 達成状況, n, 判定.
struct KPIRow {
    let label: String
    let target: String
    let value: String
    let n: String
    let verdict: String
    let verdictClass: String

    init(_ kpi: KPIResult, _ templates: ReportTemplates) {
        label = kpi.label
        target = templates.phrase(.targetPercent, ["target": kpi.target])
        value = kpi.value?.prose ?? templates.phrase(.noVerdict)
        n = String(kpi.n)
        verdict = Verdict.word(kpi.achieved, templates)
        verdictClass = Verdict.cssClass(kpi.achieved)
    }
}

/// 達成 / 未達成 / — from `wording.yaml`.
enum Verdict {
    static func word(_ achieved: Bool?, _ templates: ReportTemplates) -> String {
        templates.phrase(achieved.map { $0 ? .achieved : .notAchieved } ?? .noVerdict)
    }

    /// The class the page's CSS colours a verdict by.
    static func cssClass(_ achieved: Bool?) -> String {
        achieved.map { $0 ? "achieved" : "not-achieved" } ?? ""
    }
}
