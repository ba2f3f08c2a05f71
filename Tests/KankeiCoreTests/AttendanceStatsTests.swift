import KankeiCore
import KankeiModel
import Testing

@Suite("関係人口 in the core: 延べ per session, 実人員 once, per side, across events")
struct AttendanceStatsTests {
    private func record(_ core: CoreDatabase, event: String, club: String?, sessions: [String],
                        people: [(String, Side?, [String])]) throws {
        let participants = people.map { key, side, attended in
            Participant(person: PersonKey(key), organization: nil, organizationKey: nil, registered: false, attended: true,
                        staff: false, sessions: attended, side: side, sideBasis: side == nil ? nil : .address)
        }
        let summary = EventSummary(id: event, kind: .clubSession, title: nil, date: nil, registrants: nil, organizations: nil,
                                   attendees: people.count, club: club, files: ["f-\(event)"])
        try core.record(event: summary, sessions: sessions.map { SessionInfo(key: $0, source: "sha-\($0)") },
                        participants: participants,
                        tabulation: Tabulation(event: summary, respondents: 0, responseRate: nil, questions: [], kpis: [], notes: []),
                        at: "2022-01-01T00:00:00Z")
    }

    @Test("a person in many sessions is 延べ many times and 実人員 once; recording the event again changes nothing")
    func visitsAndUnique() throws {
        let core = try sampleCore()
        for _ in 0..<2 {
            try record(core, event: "e1", club: "club-01", sessions: ["s1", "s2", "s3"], people: [
                ("p-company", .company, ["s1", "s2", "s3"]), ("p-town", .municipality, ["s1"]), ("p-unknown", nil, ["s2"]),
            ])
        }
        let club = try #require(try core.stats().clubs.first { $0.id == "club-01" })
        #expect(club.attendance.visits == 5 && club.attendance.unique == 3 && club.attendance.sessions == 3)
        #expect(club.attendance.bySide.company == AttendanceCount(visits: 3, unique: 1))
        #expect(club.attendance.bySide.municipality == AttendanceCount(visits: 1, unique: 1))
        #expect(club.attendance.unassigned == AttendanceCount(visits: 1, unique: 1))
        #expect(club.line == "延5人（自治体・地域側：1人、企業側：3人）")
        #expect(try core.tabulationCount(event: "e1") == 1)
    }

    @Test("a person in two clubs counts in each club and once in the total; webinars stay outside the clubs")
    func acrossClubs() throws {
        let core = try sampleCore()
        try record(core, event: "e1", club: "club-01", sessions: ["s1", "s2"], people: [("p-both", .company, ["s1", "s2"])])
        try record(core, event: "e2", club: "club-02", sessions: ["t1"], people: [("p-both", .company, ["t1"]), ("p-town", .municipality, ["t1"])])
        try record(core, event: "webinar", club: nil, sessions: ["w1"], people: [("p-viewer", nil, ["w1"])])
        let stats = try core.stats()
        #expect(stats.total.visits == 4 && stats.total.unique == 2)
        #expect(stats.total.bySide.company == AttendanceCount(visits: 3, unique: 1))
        #expect(stats.clubs.first { $0.id == "club-02" }?.attendance.unique == 2)
        #expect(stats.outsideClubs.visits == 1)
    }
}
