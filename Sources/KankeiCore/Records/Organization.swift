import GRDB
import KankeiModel

/// A company, municipality or regional group the office works with, with the needs (companies) or
/// themes (municipalities) that matching compares.
public struct Organization: Hashable, Sendable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "organizations"

    public var id: String
    public var kind: OrganizationKind
    public var name: String
    public var prefecture: String?
    public var population: Int?
    /// For a company: the club type (1–4) its needs fit, when it has no club yet to tell.
    public var clubType: Int?

    public init(id: String, kind: OrganizationKind, name: String, prefecture: String? = nil, population: Int? = nil,
                clubType: Int? = nil) {
        self.id = id
        self.kind = kind
        self.name = name
        self.prefecture = prefecture
        self.population = population
        self.clubType = clubType
    }

    /// The name as the report writes it: 「北海道鷹栖町」 for a municipality, the name otherwise.
    public var displayName: String {
        guard kind == .municipality, let prefecture, !name.hasPrefix(prefecture) else { return name }
        return prefecture + name
    }
}

/// A need or theme of an organisation.
public struct OrganizationTag: Hashable, Sendable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "organizationTags"

    public enum Kind: String, Hashable, Sendable, Codable {
        /// What a company wants from a club.
        case need
        /// What a municipality wants to work on.
        case theme
    }

    public var organizationId: String
    public var kind: Kind
    public var tag: String
}

/// An e-mail domain an organisation uses.
struct OrganizationDomain: Hashable, Sendable, Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "organizationDomains"

    var domain: String
    var organizationId: String
}

/// Another name an organisation is written as.
struct OrganizationAlias: Hashable, Sendable, Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "organizationAliases"

    var aliasKey: String
    var organizationId: String
    var alias: String
}
