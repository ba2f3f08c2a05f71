import KankeiModel

/// The 関係人口 of an event's club sessions: the 5.4 line, 延べ and 実人員 per side.
struct AttendanceSection {
    struct Row {
        let side: String
        let visits: String
        let unique: String
    }

    let line: String
    let rows: [Row]
    let notes: [String]

    init(_ summary: AttendanceSummary, _ templates: ReportTemplates) {
        line = RelatedPopulation.line(summary, templates)
        let people = { (count: Int) in templates.phrase(.people, ["count": Formatting.grouped(count)]) }
        var rows = Side.allCases.map { side in
            Row(side: templates.label("sides.\(side.rawValue)"), visits: people(summary.bySide[side].visits), unique: people(summary.bySide[side].unique))
        }
        if summary.unassigned.visits > 0 {
            rows.append(Row(side: templates.phrase(.unassigned), visits: people(summary.unassigned.visits), unique: people(summary.unassigned.unique)))
        }
        rows.append(Row(side: templates.label("columns.total"), visits: people(summary.visits), unique: people(summary.unique)))
        self.rows = rows
        var notes = [templates.phrase(.attendanceNote, ["sessions": summary.sessions])]
        if summary.unassigned.visits > 0 { notes.append(templates.phrase(.unassignedNote)) }
        self.notes = notes
    }
}

/// 延264人（自治体・地域側：144人、企業側：120人）, worded by `wording.yaml`.
enum RelatedPopulation {
    static func line(_ summary: AttendanceSummary, _ templates: ReportTemplates) -> String {
        templates.phrase(.relatedPopulation, [
            "visits": Formatting.grouped(summary.visits),
            "municipality": Formatting.grouped(summary.bySide.municipality.visits),
            "company": Formatting.grouped(summary.bySide.company.visits),
        ])
    }
}

/// A club as report section 5.4 shows it, from the core: 関係人口創出数, 実施期間, オンラインセッション,
/// and the latest satisfaction and continuation per side.
struct ClubSection {
    let name: String
    let facts: [EventPage.Fact]
    let note: String

    init(_ club: ClubProfile, _ templates: ReportTemplates) {
        name = club.title
        var facts = [EventPage.Fact(label: templates.label("labels.relatedPopulation"), value: RelatedPopulation.line(club.attendance, templates))]
        if let start = JapaneseDate.month(iso: club.start) {
            facts.append(EventPage.Fact(label: templates.label("labels.period"), value: templates.phrase(.period, [
                "start": start, "end": JapaneseDate.month(iso: club.end), "ongoing": club.ongoing,
            ])))
        }
        facts.append(EventPage.Fact(label: templates.label("labels.sessions"), value: templates.phrase(.sessions, ["count": club.attendance.sessions])))
        facts.append(EventPage.Fact(label: templates.label("labels.satisfaction"), value: Self.ratings(club, \.satisfaction, templates)))
        facts.append(EventPage.Fact(label: templates.label("labels.continuation"), value: Self.ratings(club, \.continuation, templates)))
        self.facts = facts
        note = templates.phrase(.clubNote)
    }

    /// 「自治体・地域側 100%（n=13）、企業側 100%（n=13）」, or that no survey has come yet.
    static func ratings(_ club: ClubProfile, _ measure: KeyPath<ClubRating, Percent?>, _ templates: ReportTemplates) -> String {
        let parts = club.ratings.compactMap { rating in
            rating[keyPath: measure].map { value in
                templates.phrase(.rating, ["side": templates.label("sides.\(rating.side.rawValue)"), "value": value.prose, "n": rating.n])
            }
        }
        return parts.isEmpty ? templates.phrase(.noRating) : parts.joined(separator: "、")
    }
}

/// Club feedback per club and side: n and each measure's top box with its count.
struct SegmentsSection {
    struct Row {
        let club: String
        let side: String
        let n: Int
        let values: [String]
    }

    let columns: [String]
    let rows: [Row]
    let note: String

    init(_ segments: [SegmentResult], _ templates: ReportTemplates) {
        let roles = segments.first?.measures.map(\.role) ?? []
        columns = roles.map { templates.label("roles.\($0.rawValue)") }
        rows = segments.map { segment in
            Row(club: segment.club ?? templates.phrase(.allClubs),
                side: segment.side.map { templates.label("sides.\($0.rawValue)") } ?? templates.phrase(.bothSides),
                n: segment.respondents,
                values: roles.map { role in
                    guard let measure = segment.measure(role), let value = measure.value else { return templates.phrase(.noVerdict) }
                    return templates.phrase(.segmentValue, ["value": value.prose, "count": measure.count, "answered": measure.answered])
                })
        }
        note = templates.phrase(.segmentsNote, ["roles": columns.joined(separator: "・"), "threshold": Tabulation.referenceThreshold])
    }
}
