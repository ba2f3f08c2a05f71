import Foundation
import KankeiCore
import KankeiModel
import Testing

@Suite("kankei core import: the report's organisations and clubs, CSV and YAML")
struct CoreImportTests {
    @Test("Samples/core: 13 municipalities, the companies as section 5.4 names them, 15 clubs with their 6.2 type")
    func samples() throws {
        let catalog = try sampleCore().clubCatalog()
        #expect(catalog.organizations.values.filter { $0.kind == .municipality }.count == 13)
        #expect(Set(catalog.organizations.values.filter { $0.kind == .company }.map(\.name)) == [
            "大手百貨店", "大手総合商社", "大手総合商社 労働組合", "大手電気機器", "大手非鉄金属メーカー", "株式会社ニコン日総プライム",
            "不動産管理会社", "大手航空会社"])
        #expect(catalog.clubs.count == 15)
        let types = Dictionary(grouping: catalog.clubs, by: \.type).mapValues { $0.map { catalog.title(of: $0) } }
        #expect(types[1] == ["⑩奈良県生駒市×大手航空会社"])
        #expect(types[2] == ["①北海道鷹栖町×大手百貨店"])
        #expect(types[3]?.count == 7 && types[4]?.count == 6)
        #expect(catalog.organizations["shizukuishi"]?.population == 16100)
        #expect(catalog.themes(of: "takatori").contains("ふるさと納税"))
        #expect(catalog.club(named: "鷹栖町×大手百貨店")?.id == "club-01")
        #expect(catalog.club(named: "⑭")?.id == "club-14")
        #expect(catalog.club(named: " 北海道奈井江町 × 大手総合商社")?.id == "club-02")
    }

    @Test("a CP932 CSV from Excel: quoted thousands, 「、」 lists, ① and 髙 kept; importing again replaces")
    func cp932CSV() throws {
        let core = try CoreDatabase()
        let url = Paths.fixtures.appendingPathComponent("organizations-cp932.csv")
        #expect(try importFile(url, into: core).organizations == 2)
        try importFile(url, into: core)
        let catalog = try core.clubCatalog()
        #expect(catalog.organizations.count == 2)
        #expect(catalog.organizations["kamiyama"]?.population == 5000)
        #expect(catalog.organizations["kamiyama"]?.displayName == "徳島県神山町")
        #expect(catalog.organizations["hotel"]?.name == "髙島屋ホテル①")
        #expect(catalog.needs(of: "hotel") == ["観光", "人材育成"])
        #expect(try core.sideDirectory(club: nil).organizations[OrganizationKey.make("㈱髙島屋ホテル")!] == .company)
    }

    @Test("a club naming an unknown organisation: nothing of the file is written, the row and the fix are named")
    func unknownOrganisation() throws {
        let core = try CoreDatabase()
        try importFile(Paths.fixtures.appendingPathComponent("organizations-cp932.csv"), into: core)
        let problem = #expect(throws: InputProblem.self) {
            try importFile(Paths.fixtures.appendingPathComponent("clubs-unknown-company.csv"), into: core)
        }
        #expect(problem?.location == .row(3))
        #expect(problem?.problem.contains("no-such-company") == true)
        #expect(problem?.remedy.contains("組織を取り込む") == true)
        #expect(try core.clubCatalog().clubs.isEmpty)
    }

    @Test("rosters keep keyed hashes only: no address is in the core file")
    func rosterHashes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kankei-core-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let core = try CoreDatabase(url: folder.appendingPathComponent("core.sqlite"))
        for name in ["organizations.yaml", "clubs.yaml", "members.csv"] {
            try importFile(Paths.samplesCore.appendingPathComponent(name), into: core)
        }
        let roster = try String(contentsOf: Paths.samplesCore.appendingPathComponent("members.csv"), encoding: .utf8)
        let addresses = roster.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",")[2].trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(addresses.count == 14)
        let bytes = try Data(contentsOf: folder.appendingPathComponent("core.sqlite"))
        for address in addresses { #expect(bytes.range(of: Data(address.utf8)) == nil) }
        #expect(try core.sideDirectory(club: "club-01").members.count == 9)
        #expect(try core.tableNames() == ["attendance", "clubMembers", "clubs", "events", "ledger", "matchingQuality",
                                           "organizationAliases", "organizationDomains", "organizationTags", "organizations",
                                           "participants", "runs", "secretCheck", "sessions", "tabulations", "withdrawals"])
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("core.sqlite").path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }
}
