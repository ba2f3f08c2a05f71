import KankeiModel

extension CoreDatabase {
    /// Every club as report section 5.4 shows it: name, period, 関係人口 over all its recorded
    /// sessions (from `stats`, which the caller has read anyway), and the latest feedback of each side.
    public func clubProfiles(stats: CoreStats, catalog: ClubCatalog) throws -> [ClubProfile] {
        let lines = Dictionary(stats.clubs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let quality = Dictionary(grouping: try latestQuality(), by: \.clubId)
        return catalog.clubs.map { club in
            let ratings = (quality[club.id] ?? []).sorted { $0.side < $1.side }.map { record in
                ClubRating(side: record.side, n: record.n, satisfaction: record.satisfaction.map(Percent.init(tenths:)),
                           continuation: record.continuation.map(Percent.init(tenths:)), event: record.sourceEvent)
            }
            return ClubProfile(id: club.id, number: club.number, title: catalog.title(of: club), start: club.start, end: club.end,
                               ongoing: club.status != .ended && club.end == nil,
                               attendance: lines[club.id]?.attendance ?? AttendanceSummary(attendance: []), ratings: ratings)
        }
    }
}
