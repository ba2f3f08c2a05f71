/// One club as report section 5.4 describes it, from the matching core: its name, when it ran,
/// its 関係人口 over every recorded session, and the latest feedback of each side.
public struct ClubProfile: Hashable, Sendable, Codable {
    public var id: String
    /// The club's number in the report (① = 1).
    public var number: Int?
    /// 「①北海道鷹栖町×大手百貨店」: the club's number and name, as the report titles it.
    public var title: String
    /// yyyy-MM or yyyy-MM-dd.
    public var start: String?
    public var end: String?
    /// `true` while the club goes on (継続中).
    public var ongoing: Bool
    public var attendance: AttendanceSummary
    /// The latest feedback per side, 自治体・地域側 first; empty before the first club survey.
    public var ratings: [ClubRating]

    public init(id: String, number: Int?, title: String, start: String?, end: String?, ongoing: Bool,
                attendance: AttendanceSummary, ratings: [ClubRating]) {
        self.id = id
        self.number = number
        self.title = title
        self.start = start
        self.end = end
        self.ongoing = ongoing
        self.attendance = attendance
        self.ratings = ratings
    }
}

/// How one side of a club rated it in its latest feedback survey.
public struct ClubRating: Hashable, Sendable, Codable {
    public var side: Side
    public var n: Int
    public var satisfaction: Percent?
    public var continuation: Percent?
    /// The event the survey belonged to.
    public var event: String

    public init(side: Side, n: Int, satisfaction: Percent?, continuation: Percent?, event: String) {
        self.side = side
        self.n = n
        self.satisfaction = satisfaction
        self.continuation = continuation
        self.event = event
    }
}
