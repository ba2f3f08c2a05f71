import GRDB
import KankeiIngest
import KankeiModel

/// Writes an import file into the core, all or nothing: organisations and clubs are added or
/// replaced by id, roster entries by club and person. Every entry is checked first; the first
/// problem names the file, the row or entry, and what to write instead.
public struct CoreImporter {
    /// What an import changed.
    public struct Summary: Hashable, Sendable {
        public var organizations = 0
        public var clubs = 0
        public var members = 0
    }

    private let core: CoreDatabase
    private let keys: PersonKeyMaker

    /// `keys`: the workspace's person keys, so roster entries meet the same people in Zoom reports.
    public init(core: CoreDatabase, keys: PersonKeyMaker) {
        self.core = core
        self.keys = keys
    }

    public func run(_ file: CoreImportFile, name: String) throws -> Summary {
        try core.write { db in
            var summary = Summary()
            for entry in file.organizations {
                try write(entry, name: name, db)
                summary.organizations += 1
            }
            for entry in file.clubs {
                try write(entry, name: name, db)
                summary.clubs += 1
            }
            for entry in file.members {
                try write(entry, name: name, db)
                summary.members += 1
            }
            return summary
        }
    }

    private func write(_ entry: CoreImportFile.OrganizationEntry, name: String, _ db: Database) throws {
        let problem = Self.problems(file: name, at: entry.place)
        guard !entry.id.isEmpty, !entry.name.isEmpty else {
            throw problem("id または name が空です。", "組織ごとに id（英数字）と name を書いてください。")
        }
        guard let kind = OrganizationKind(rawValue: entry.kind) else {
            let kinds = OrganizationKind.allCases.map(\.rawValue).joined(separator: " / ")
            throw problem("kind「\(entry.kind)」が分かりません。", "kind は \(kinds) のどれかにしてください。")
        }
        var clubType: Int?
        if let type = entry.type {
            guard let parsed = ClubType.parse(type) else { throw problem("type「\(type)」が類型①〜④のどれか分かりません。", "type: 3 や ③ のように書いてください。") }
            clubType = parsed
        }
        let tags = entry.needs.map { (OrganizationTag.Kind.need, $0) } + entry.themes.map { (.theme, $0) }
        if kind == .company ? !entry.themes.isEmpty : !entry.needs.isEmpty {
            throw problem("企業には needs、自治体・地域団体には themes を書きます。", "企業のニーズは needs:、自治体のテーマ・課題は themes: にしてください。")
        }
        let organization = Organization(id: entry.id, kind: kind, name: entry.name, prefecture: entry.prefecture,
                                        population: entry.population, clubType: clubType)
        try organization.save(db)
        try OrganizationTag.filter(Column("organizationId") == entry.id).deleteAll(db)
        try OrganizationDomain.filter(Column("organizationId") == entry.id).deleteAll(db)
        try OrganizationAlias.filter(Column("organizationId") == entry.id).deleteAll(db)
        for (tagKind, tag) in tags {
            try OrganizationTag(organizationId: entry.id, kind: tagKind, tag: tag).insert(db, onConflict: .ignore)
        }
        for domain in entry.domains {
            try OrganizationDomain(domain: MatchKey.make(domain), organizationId: entry.id).save(db)
        }
        for alias in Set([entry.name, organization.displayName] + entry.aliases) {
            guard let key = OrganizationKey.make(alias) else { continue }
            try OrganizationAlias(aliasKey: key, organizationId: entry.id, alias: alias).save(db)
        }
    }

    private func write(_ entry: CoreImportFile.ClubEntry, name: String, _ db: Database) throws {
        let problem = Self.problems(file: name, at: entry.place)
        guard !entry.id.isEmpty else { throw problem("クラブの id が空です。", "クラブごとに id（例: club-01）を書いてください。") }
        for (role, id, kinds) in [("municipality", entry.municipality, [OrganizationKind.municipality, .regionalGroup]),
                                  ("company", entry.company, [.company])] {
            guard let organization = try Organization.fetchOne(db, key: id) else {
                throw problem("\(role)「\(id)」という組織がコアにありません。", "先に組織を取り込むか、同じファイルの organizations: に書いてください。")
            }
            guard kinds.contains(organization.kind) else {
                throw problem("\(role)「\(id)」は\(organization.kind.displayName)です。", "\(role) には\(kinds.map(\.displayName).joined(separator: "・"))の id を書いてください。")
            }
        }
        guard let type = ClubType.parse(entry.type) else {
            throw problem("type「\(entry.type)」が類型①〜④のどれか分かりません。", "type: 3 や ③ のように書いてください（報告書6.2の類型）。")
        }
        let status = entry.status.map { Club.Status(rawValue: $0) } ?? (entry.end == nil ? .active : .ended)
        guard let status else {
            throw problem("status「\(entry.status ?? "")」が分かりません。", "status は planned / active / ended のどれかにしてください。")
        }
        try Club(id: entry.id, number: entry.number, municipalityId: entry.municipality, companyId: entry.company, type: type,
                 start: entry.start, end: entry.end, status: status).save(db)
    }

    private func write(_ entry: CoreImportFile.MemberEntry, name: String, _ db: Database) throws {
        let problem = Self.problems(file: name, at: entry.place)
        guard try Club.fetchOne(db, key: entry.club) != nil else {
            throw problem("クラブ「\(entry.club)」がコアにありません。", "先にクラブを取り込んでから名簿を取り込んでください。")
        }
        guard let side = Side(label: entry.side) else {
            throw problem("side「\(entry.side)」がどちらの側か分かりません。", "side は 自治体・地域側 か 企業側 にしてください。")
        }
        guard let person = keys.key(email: entry.email, name: entry.name) else {
            throw problem("メールアドレスも名前もありません。", "名簿の各行に email を書いてください（コアには暗号学的ハッシュだけが残ります）。")
        }
        try ClubMember(clubId: entry.club, personKey: person.value, side: side).save(db)
    }

    /// Makes the problems of one entry: the file and the entry's row or element, with what is wrong and the fix.
    private static func problems(file: String, at place: InputProblem.Location) -> (String, String) -> InputProblem {
        { InputProblem(file: file, location: place, problem: $0, remedy: $1) }
    }
}
