import Foundation
import KankeiIngest
import KankeiModel
import Yams

/// What `kankei core import` reads: organisations, clubs and club rosters, from YAML (top-level
/// `organizations:`, `clubs:`, `members:`) or from a CSV whose header says which of the three it is.
/// List cells (needs, themes, domains, aliases) in CSV are separated by `;` or 「、」.
public struct CoreImportFile: Sendable, Decodable {
    public var organizations: [OrganizationEntry] = []
    public var clubs: [ClubEntry] = []
    public var members: [MemberEntry] = []

    enum CodingKeys: String, CodingKey { case organizations, organisations, clubs, members }

    public init(organizations: [OrganizationEntry] = [], clubs: [ClubEntry] = [], members: [MemberEntry] = []) {
        self.organizations = organizations
        self.clubs = clubs
        self.members = members
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        organizations = try container.decodeIfPresent([OrganizationEntry].self, forKey: .organizations)
            ?? container.decodeIfPresent([OrganizationEntry].self, forKey: .organisations) ?? []
        clubs = try container.decodeIfPresent([ClubEntry].self, forKey: .clubs) ?? []
        members = try container.decodeIfPresent([MemberEntry].self, forKey: .members) ?? []
    }

    /// One organisation as written in an import file.
    public struct OrganizationEntry: Sendable, Decodable {
        public var id: String
        public var kind: String
        public var name: String
        public var prefecture: String?
        public var population: Int?
        public var needs: [String] = []
        public var themes: [String] = []
        public var domains: [String] = []
        public var aliases: [String] = []
        /// A company's club type (① – ④ or 1–4).
        public var type: String?
        /// Where it was written (YAML entry or CSV row), for messages.
        var place: InputProblem.Location = .wholeFile

        enum CodingKeys: String, CodingKey { case id, kind, name, prefecture, population, needs, themes, domains, aliases, type }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(Scalar.self, forKey: .id).text
            kind = try container.decode(String.self, forKey: .kind)
            name = try container.decode(String.self, forKey: .name)
            prefecture = try container.decodeIfPresent(String.self, forKey: .prefecture)
            population = try container.decodeIfPresent(Int.self, forKey: .population)
            needs = try container.decodeIfPresent([String].self, forKey: .needs) ?? []
            themes = try container.decodeIfPresent([String].self, forKey: .themes) ?? []
            domains = try container.decodeIfPresent([String].self, forKey: .domains) ?? []
            aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
            type = try container.decodeIfPresent(Scalar.self, forKey: .type)?.text
            place = .element("organizations[\(id)]")
        }

        init(cells: [String: String], row: Int) {
            id = cells["id"] ?? ""
            kind = cells["kind"] ?? ""
            name = cells["name"] ?? ""
            prefecture = cells["prefecture"]
            population = cells["population"].flatMap { Int($0.replacingOccurrences(of: ",", with: "")) }
            needs = CoreImportFile.list(cells["needs"])
            themes = CoreImportFile.list(cells["themes"])
            domains = CoreImportFile.list(cells["domains"])
            aliases = CoreImportFile.list(cells["aliases"])
            type = cells["type"]
            place = .row(row)
        }
    }

    /// One club as written in an import file.
    public struct ClubEntry: Sendable, Decodable {
        public var id: String
        public var number: Int?
        /// The municipality's and the company's organisation ids.
        public var municipality: String
        public var company: String
        public var type: String
        public var start: String?
        public var end: String?
        public var status: String?
        var place: InputProblem.Location = .wholeFile

        enum CodingKeys: String, CodingKey { case id, number, municipality, company, type, start, end, status }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(Scalar.self, forKey: .id).text
            number = try container.decodeIfPresent(Int.self, forKey: .number)
            municipality = try container.decode(String.self, forKey: .municipality)
            company = try container.decode(String.self, forKey: .company)
            type = try container.decode(Scalar.self, forKey: .type).text
            start = try container.decodeIfPresent(Scalar.self, forKey: .start)?.text
            end = try container.decodeIfPresent(Scalar.self, forKey: .end)?.text
            status = try container.decodeIfPresent(String.self, forKey: .status)
            place = .element("clubs[\(id)]")
        }

        init(cells: [String: String], row: Int) {
            id = cells["id"] ?? ""
            number = cells["number"].flatMap { Int($0) }
            municipality = cells["municipality"] ?? ""
            company = cells["company"] ?? ""
            type = cells["type"] ?? ""
            start = cells["start"]
            end = cells["end"]
            status = cells["status"]
            place = .row(row)
        }
    }

    /// One person on a club's roster. The address is turned into a keyed hash on import and not kept.
    public struct MemberEntry: Sendable, Decodable {
        public var club: String
        public var side: String
        public var email: String?
        public var name: String?
        var place: InputProblem.Location = .wholeFile

        enum CodingKeys: String, CodingKey { case club, side, email, name }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            club = try container.decode(Scalar.self, forKey: .club).text
            side = try container.decode(String.self, forKey: .side)
            email = try container.decodeIfPresent(String.self, forKey: .email)
            name = try container.decodeIfPresent(String.self, forKey: .name)
            place = .element("members[\(club)]")
        }

        init(cells: [String: String], row: Int) {
            club = cells["club"] ?? ""
            side = cells["side"] ?? ""
            email = cells["email"]
            name = cells["name"]
            place = .row(row)
        }
    }

    // MARK: - Reading

    /// Reads a YAML or CSV import file (by its content: YAML maps start with a key).
    public static func load(_ url: URL, ingestor: Ingestor) throws -> CoreImportFile {
        let name = url.lastPathComponent
        if ["yaml", "yml"].contains(url.pathExtension.lowercased()) {
            do {
                return try YAMLDecoder().decode(CoreImportFile.self, from: YAMLText.checked(YAMLText.read(url)))
            } catch {
                throw InputProblem(file: name, problem: "YAMLとして読めませんでした（\(error)）。",
                                   remedy: "organizations:、clubs:、members: の下に項目を並べてください（Samples/core/ を参照）。")
            }
        }
        return try loadCSV(url, ingestor: ingestor)
    }

    /// The tables a CSV can be, by the header cells that must be present.
    private static let tables: [(required: Set<String>, build: @Sendable (inout CoreImportFile, [String: String], Int) -> Void)] = [
        (["id", "kind", "name"], { $0.organizations.append(OrganizationEntry(cells: $1, row: $2)) }),
        (["id", "municipality", "company", "type"], { $0.clubs.append(ClubEntry(cells: $1, row: $2)) }),
        (["club", "side"], { $0.members.append(MemberEntry(cells: $1, row: $2)) }),
    ]

    private static func loadCSV(_ url: URL, ingestor: Ingestor) throws -> CoreImportFile {
        var file = CoreImportFile()
        var header: [String]?
        var build: (@Sendable (inout CoreImportFile, [String: String], Int) -> Void)?
        try ingestor.readPlainTable(url) { record in
            guard let header else {
                let names = record.fields.map { MatchKey.make($0) }
                guard let table = tables.first(where: { $0.required.isSubset(of: Set(names)) }) else {
                    throw InputProblem(file: url.lastPathComponent, location: .row(record.row),
                                       problem: "1行目の見出しから、組織・クラブ・名簿のどの表か分かりません。",
                                       remedy: "組織は id,kind,name、クラブは id,municipality,company,type、名簿は club,side,email の見出しで始めてください。")
                }
                header = names
                build = table.build
                return
            }
            var cells: [String: String] = [:]
            for (index, name) in header.enumerated() where index < record.count {
                let value = MatchKey.trimmed(record[index]!)
                if !value.isEmpty { cells[name] = value }
            }
            build?(&file, cells, record.row)
        }
        return file
    }

    static func list(_ cell: String?) -> [String] {
        guard let cell else { return [] }
        return cell.split(whereSeparator: { ";；、".contains($0) }).map { MatchKey.trimmed($0) }.filter { !$0.isEmpty }
    }
}

/// A YAML scalar read as text whether written as a number or a string (`type: 3`, `type: ③`).
struct Scalar: Decodable {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let int = try? container.decode(Int.self) {
            text = String(int)
        } else {
            text = try container.decode(String.self)
        }
    }
}
