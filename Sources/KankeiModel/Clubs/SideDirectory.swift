/// What decides a club participant's side, gathered from the matching core before an event is
/// normalized: the club's roster, the organisations' e-mail domains and their names. Without a
/// core it is empty and only the municipal-domain rule applies.
public struct SideDirectory: Sendable, Hashable {
    /// Roster: person → side.
    public var members: [PersonKey: Side]
    /// E-mail domain (lower-case) → side of the organisation that uses it.
    public var domains: [String: Side]
    /// `OrganizationKey` of an organisation's name or alias → its side.
    public var organizations: [String: Side]

    public init(members: [PersonKey: Side] = [:], domains: [String: Side] = [:], organizations: [String: Side] = [:]) {
        self.members = members
        self.domains = domains
        self.organizations = organizations
    }

    /// The side of a person, by roster, else address, else the organisation named; `nil` when none decides.
    public func side(of person: PersonKey, domain: String?, organizationKey: String?) -> (Side, SideBasis)? {
        if let side = members[person] { return (side, .roster) }
        if let domain, let side = domains[domain] ?? (Self.isMunicipal(domain: domain) ? .municipality : nil) {
            return (side, .address)
        }
        if let organizationKey, let side = organizations[organizationKey] { return (side, .organization) }
        return nil
    }

    /// Labels that begin a local government's own domain under a prefecture (`town.takasu.hokkaido.jp`,
    /// `city.tsuru.yamanashi.jp`, `pref.iwate.jp`).
    static let municipalLabels: Set<String> = ["pref", "city", "town", "vill"]
    /// Second-level labels of organisational `.jp` domains, which a municipal label never precedes.
    static let organisationalSecondLevels: Set<String> = ["co", "or", "ne", "ac", "ad", "ed", "go", "gr"]

    /// `true` for an LGWAN-era `lg.jp` domain or a local government's regional `.jp` domain.
    public static func isMunicipal(domain: String) -> Bool {
        let labels = domain.split(separator: ".").map(String.init)
        guard labels.last == "jp", labels.count >= 3 else { return false }
        if labels[labels.count - 2] == "lg" { return true }
        if organisationalSecondLevels.contains(labels[labels.count - 2]) { return false }
        return labels.indices.contains { index in
            municipalLabels.contains(labels[index]) && [3, 4].contains(labels.count - index)
        }
    }
}
