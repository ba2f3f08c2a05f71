import GRDB
import KankeiModel

extension CoreDatabase {
    /// What decides a participant's side in `club`'s sessions: its roster, then every organisation's
    /// domains and names. For an event of no club, the organisations only.
    public func sideDirectory(club: String?) throws -> SideDirectory {
        try read { db in
            var directory = SideDirectory()
            if let club {
                for member in try ClubMember.filter(Column("clubId") == club).fetchAll(db) {
                    directory.members[PersonKey(member.personKey)] = member.side
                }
            }
            let kinds = Dictionary(uniqueKeysWithValues: try Organization.fetchAll(db).map { ($0.id, $0.kind.side) })
            for domain in try OrganizationDomain.fetchAll(db) {
                directory.domains[domain.domain] = kinds[domain.organizationId]
            }
            for alias in try OrganizationAlias.fetchAll(db) {
                directory.organizations[alias.aliasKey] = kinds[alias.organizationId]
            }
            return directory
        }
    }
}
