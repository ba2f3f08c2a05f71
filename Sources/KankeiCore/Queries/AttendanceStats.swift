import GRDB
import KankeiModel

/// 関係人口 across every recorded session: per club and in all, 延べ and 実人員 per side. A person
/// in two clubs counts once in the total's 実人員.
public struct CoreStats: Hashable, Sendable, Codable {
    /// One club's line of report section 5.4.
    public struct ClubLine: Hashable, Sendable, Codable {
        public var id: String
        @Nullable public var number: Int?
        public var name: String
        public var type: Int
        public var status: String
        public var attendance: AttendanceSummary
        /// 「延264人（自治体・地域側：144人、企業側：120人）」.
        public var line: String
    }

    public var clubs: [ClubLine]
    public var total: AttendanceSummary
    /// Attendance in events of no club (webinars), not part of the clubs' 関係人口.
    public var outsideClubs: AttendanceSummary
}

extension CoreDatabase {
    public func stats() throws -> CoreStats {
        let catalog = try clubCatalog()
        let rows = try read { db in
            try Row.fetchAll(db, sql: """
                SELECT events.clubId AS club, attendance.sessionId AS session, attendance.personKey AS person, attendance.side AS side
                FROM attendance JOIN sessions ON sessions.id = attendance.sessionId JOIN events ON events.id = sessions.eventId
                ORDER BY attendance.sessionId, attendance.personKey
                """)
        }
        var byClub: [String?: [(session: String, person: PersonKey, side: Side?)]] = [:]
        for row in rows {
            let side = (row["side"] as String?).flatMap(Side.init(rawValue:))
            byClub[row["club"] as String?, default: []].append((row["session"], PersonKey(row["person"]), side))
        }
        let clubs = catalog.clubs.map { club in
            let summary = AttendanceSummary(attendance: byClub[club.id] ?? [])
            return CoreStats.ClubLine(id: club.id, number: club.number, name: catalog.name(of: club), type: club.type,
                                      status: club.status.rawValue, attendance: summary, line: summary.reportLine)
        }
        let inClubs = byClub.filter { $0.key != nil }.values.flatMap { $0 }
        return CoreStats(clubs: clubs, total: AttendanceSummary(attendance: inClubs),
                         outsideClubs: AttendanceSummary(attendance: byClub[nil] ?? []))
    }
}
