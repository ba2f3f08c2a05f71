import GRDB
import KankeiModel

/// The core's organisations and clubs, read once, with the names reviewers know them by.
public struct ClubCatalog: Sendable {
    public var organizations: [String: Organization]
    public var clubs: [Club]
    /// Tags per organisation id.
    public var tags: [String: [OrganizationTag]]

    /// 「北海道鷹栖町×大手百貨店」.
    public func name(of club: Club) -> String {
        "\(organizations[club.municipalityId]?.displayName ?? club.municipalityId)×\(organizations[club.companyId]?.name ?? club.companyId)"
    }

    /// 「①北海道鷹栖町×大手百貨店」 when the club has a number.
    public func title(of club: Club) -> String {
        (club.number.map(ClubType.mark) ?? "") + name(of: club)
    }

    public func club(id: String) -> Club? { clubs.first { $0.id == id } }

    /// The club a survey answer or `event.yaml` names: its id, its number (①), or its name with or
    /// without the prefecture (「鷹栖町×大手百貨店」), compared as `MatchKey`s.
    public func club(named label: String) -> Club? {
        let key = MatchKey.make(label)
        return clubs.first { club in
            let municipality = organizations[club.municipalityId]
            let company = organizations[club.companyId]?.name ?? ""
            let names = [club.id, name(of: club), title(of: club), (municipality?.name ?? "") + "×" + company]
                + (club.number.map { [ClubType.mark($0)] } ?? [])
            return names.contains { MatchKey.make($0) == key }
        }
    }

    public func needs(of id: String) -> Set<String> { Set(tags[id, default: []].filter { $0.kind == .need }.map(\.tag)) }
    public func themes(of id: String) -> Set<String> { Set(tags[id, default: []].filter { $0.kind == .theme }.map(\.tag)) }
}

extension CoreDatabase {
    public func clubCatalog() throws -> ClubCatalog {
        try read { db in
            let organizations = try Organization.order(Column("id")).fetchAll(db)
            return ClubCatalog(
                organizations: Dictionary(uniqueKeysWithValues: organizations.map { ($0.id, $0) }),
                clubs: try Club.order(Column("number"), Column("id")).fetchAll(db),
                tags: Dictionary(grouping: try OrganizationTag.order(Column("tag")).fetchAll(db), by: \.organizationId))
        }
    }
}
