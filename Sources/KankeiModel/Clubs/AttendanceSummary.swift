/// A 関係人口 count: 延べ人数 (a person once per session attended) and 実人員 (each person once).
public struct AttendanceCount: Hashable, Sendable, Codable {
    /// 延べ人数.
    public var visits: Int
    /// 実人員.
    public var unique: Int

    public init(visits: Int = 0, unique: Int = 0) {
        self.visits = visits
        self.unique = unique
    }
}

/// The 関係人口 of one session, one club or all clubs: in all and per side. People whose side no
/// roster, address or organisation decided are counted in all and in `unassigned`.
public struct AttendanceSummary: Hashable, Sendable, Codable {
    public var sessions: Int
    public var visits: Int
    public var unique: Int
    public var bySide: SideCounts
    public var unassigned: AttendanceCount

    public init(sessions: Int, total: AttendanceCount, bySide: SideCounts, unassigned: AttendanceCount) {
        self.sessions = sessions
        visits = total.visits
        unique = total.unique
        self.bySide = bySide
        self.unassigned = unassigned
    }

    /// Counts from (session, person, side) rows, each row one attendance (duplicates ignored).
    /// `sessions`: how many sessions there were, when some had no one counted; else those in the rows.
    public init(attendance rows: [(session: String, person: PersonKey, side: Side?)], sessions total: Int? = nil) {
        var seen: Set<[String]> = []
        var sessions: Set<String> = []
        var visits: [Side?: Int] = [:]
        var people: [Side?: Set<PersonKey>] = [:]
        var everyone: Set<PersonKey> = []
        for row in rows where seen.insert([row.session, row.person.value]).inserted {
            sessions.insert(row.session)
            visits[row.side, default: 0] += 1
            people[row.side, default: []].insert(row.person)
            everyone.insert(row.person)
        }
        func count(_ side: Side?) -> AttendanceCount {
            AttendanceCount(visits: visits[side, default: 0], unique: people[side]?.count ?? 0)
        }
        self.init(sessions: total ?? sessions.count, total: AttendanceCount(visits: seen.count, unique: everyone.count),
                  bySide: SideCounts(municipality: count(.municipality), company: count(.company)), unassigned: count(nil))
    }

    /// The 関係人口 line in the report's words: 延264人（自治体・地域側：144人、企業側：120人）.
    public var reportLine: String {
        "延\(visits)人（自治体・地域側：\(bySide.municipality.visits)人、企業側：\(bySide.company.visits)人）"
    }
}

/// One count per side, named as `summary.json` names them.
public struct SideCounts: Hashable, Sendable, Codable {
    public var municipality: AttendanceCount
    public var company: AttendanceCount

    public init(municipality: AttendanceCount, company: AttendanceCount) {
        self.municipality = municipality
        self.company = company
    }

    public subscript(side: Side) -> AttendanceCount {
        side == .municipality ? municipality : company
    }
}
