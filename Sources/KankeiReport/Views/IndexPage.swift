import Foundation
import KankeiModel

/// What `reports/index.html` shows: every event newest first with its kind, n and KPI status and
/// links to its files; satisfaction over time; the programme's KPI table (6.1); the clubs (5.4).
struct IndexPage {
    struct EventRow {
        let date: String
        let title: String
        let kind: String
        let n: String
        let kpi: String
        let folder: String
    }

    struct ProgrammeRow {
        let label: String
        let target: String
        let value: String
        let source: String
        let detail: String?
        let verdict: String
        let verdictClass: String
    }

    struct ClubRow {
        let name: String
        let population: String
        let unique: String
        let sessions: String
        let satisfaction: String
        let continuation: String
    }

    let w: [String: Any]
    let events: [EventRow]
    let hasEvents: Bool
    let satisfaction: String?
    let satisfactionNote: String
    let programme: [ProgrammeRow]
    let hasProgramme: Bool
    let programmeNote: String
    let clubs: [ClubRow]
    let hasClubs: Bool

    init(summaries: [Tabulation], programme: [ProgrammeKPI], clubs: [ClubProfile], _ templates: ReportTemplates) {
        w = templates.words
        events = summaries.newestFirst.map { tabulation in
            let event = tabulation.event
            let kpis = tabulation.kpis
            return EventRow(
                date: JapaneseDate.format(iso: event.date) ?? templates.phrase(.none), title: event.title ?? event.id,
                kind: templates.label("kinds.\(event.kind.rawValue)"),
                n: QuestionResult.flattened(tabulation.questions).isEmpty ? templates.phrase(.none) : Formatting.grouped(tabulation.respondents),
                kpi: kpis.isEmpty ? templates.phrase(.none) : templates.phrase(.kpiStatus, [
                    "achieved": kpis.filter { $0.achieved == true }.count, "total": kpis.count,
                ]),
                folder: Self.pathSegment(event.id))
        }
        hasEvents = !events.isEmpty
        let chart = SatisfactionHistory.chart(summaries, templates)
        satisfaction = chart.hasHistory ? chart.svg : nil
        satisfactionNote = templates.phrase(.satisfactionNote)
        self.programme = programme.map { ProgrammeRow($0, summaries: summaries, templates) }
        hasProgramme = !programme.isEmpty
        programmeNote = templates.phrase(.programmeNote)
        self.clubs = clubs.map { club in
            ClubRow(name: club.title, population: RelatedPopulation.line(club.attendance, templates),
                    unique: templates.phrase(.people, ["count": Formatting.grouped(club.attendance.unique)]),
                    sessions: templates.phrase(.sessions, ["count": club.attendance.sessions]),
                    satisfaction: ClubSection.ratings(club, \.satisfaction, templates),
                    continuation: ClubSection.ratings(club, \.continuation, templates))
        }
        hasClubs = !clubs.isEmpty
    }

    /// An event id as a relative link: percent-encoded (a `:` too, or `a:b/` would read as a scheme),
    /// so any folder name links right.
    static func pathSegment(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(.init(charactersIn: "/?#:;@"))) ?? id
    }
}

extension IndexPage.ProgrammeRow {
    init(_ kpi: ProgrammeKPI, summaries: [Tabulation], _ templates: ReportTemplates) {
        label = kpi.label
        target = kpi.isPercent
            ? templates.phrase(.targetPercent, ["target": kpi.target])
            : templates.phrase(.targetCount, ["prefix": kpi.prefix, "target": Formatting.grouped(kpi.target), "unit": kpi.unit])
        if kpi.isPercent {
            value = kpi.percent.map { templates.phrase(.valuePercent, ["value": $0.prose]) } ?? templates.phrase(.noVerdict)
        } else {
            value = kpi.count.map { templates.phrase(.valueCount, ["prefix": kpi.prefix, "count": Formatting.grouped($0), "unit": kpi.unit]) }
                ?? templates.phrase(.noVerdict)
        }
        source = templates.label("sources.\(kpi.source.rawValue)")
        let event = kpi.event.flatMap { id in summaries.first { $0.event.id == id } }?.event
        let survey = event.map { event in
            templates.phrase(.surveySource, ["date": JapaneseDate.format(iso: event.date) ?? event.id, "title": event.title ?? event.id, "n": kpi.n])
        }
        let computed = kpi.computed.map { count in
            templates.phrase(.computedNote, [
                "value": templates.phrase(.valueCount, ["prefix": kpi.prefix, "count": Formatting.grouped(count), "unit": kpi.unit]),
            ])
        }
        detail = [survey, kpi.note, computed].compactMap { $0 }.joined(separator: " ").nilIfEmpty
        verdict = Verdict.word(kpi.achieved, templates)
        verdictClass = Verdict.cssClass(kpi.achieved)
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

/// Satisfaction over time: per side, the top box of every survey that asked it, by event date.
enum SatisfactionHistory {
    static func chart(_ summaries: [Tabulation], _ templates: ReportTemplates) -> LineChart {
        let series = Side.allCases.map { side in
            LineChart.Series(name: templates.label("sides.\(side.rawValue)"), points: summaries.compactMap { tabulation in
                guard let date = tabulation.event.date,
                      let segment = tabulation.segments.first(where: { $0.club == nil && $0.side == side }) ?? onlyClub(tabulation, side),
                      let value = segment.measure(.satisfaction)?.value else { return nil }
                return LineChart.Point(date: date, percent: value)
            })
        }.filter { !$0.points.isEmpty }
        let title = templates.label("headings.satisfaction")
        let target = target(summaries)
        return LineChart(series: series, target: target, targetLabel: templates.phrase(.lineTarget, ["target": target]),
                         title: templates.phrase(.lineLabel, ["title": title]))
    }

    /// The target of the KPIs measured by a satisfaction question (90 in section 3.2), if any.
    private static func target(_ summaries: [Tabulation]) -> Int? {
        for tabulation in summaries {
            let questions = Set(tabulation.segments.compactMap { $0.measure(.satisfaction)?.question })
            if let kpi = tabulation.kpis.first(where: { questions.contains($0.question) }) { return kpi.target }
        }
        return nil
    }

    /// A one-club survey has no all-clubs rows: its club's row per side stands for the side.
    private static func onlyClub(_ tabulation: Tabulation, _ side: Side) -> SegmentResult? {
        let clubs = Set(tabulation.segments.compactMap(\.club))
        guard clubs.count == 1 else { return nil }
        return tabulation.segments.first { $0.side == side }
    }
}
