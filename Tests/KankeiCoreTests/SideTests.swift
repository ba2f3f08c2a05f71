import KankeiIngest
import KankeiModel
import Testing

@Suite("Which side a participant is on: roster, else address, else organisation")
struct SideTests {
    let directory = SideDirectory(
        members: [PersonKey("p-resident"): .municipality, PersonKey("p-staff-at-home"): .company],
        domains: ["dept-store.example.co.jp": .company],
        organizations: [OrganizationKey.make("株式会社ニコン日総プライム")!: .company, OrganizationKey.make("NPO法人なんぶ里山デザイン機構")!: .municipality])

    @Test("local government domains: lg.jp, and city./town./vill./pref. under a prefecture; not co.jp or a look-alike")
    func municipalDomains() {
        for domain in ["town.takasu.lg.jp", "takasu.example.lg.jp", "city.tsuru.yamanashi.jp", "town.takasu.hokkaido.jp",
                       "pref.iwate.jp", "mail.city.ikoma.nara.jp"] {
            #expect(SideDirectory.isMunicipal(domain: domain), "\(domain)")
        }
        for domain in ["example.co.jp", "city.example.co.jp", "lg.jp.example.com", "citybank.example.jp", "gmail.com", "town.example.com"] {
            #expect(!SideDirectory.isMunicipal(domain: domain), "\(domain)")
        }
    }

    @Test("the roster wins over the address; the address over the organisation named")
    func order() {
        #expect(directory.side(of: PersonKey("p-staff-at-home"), domain: "takasu.example.lg.jp", organizationKey: nil)! == (.company, .roster))
        #expect(directory.side(of: PersonKey("p-x"), domain: "takasu.example.lg.jp", organizationKey: OrganizationKey.make("(株)ニコン日総プライム"))! == (.municipality, .address))
        #expect(directory.side(of: PersonKey("p-x"), domain: "dept-store.example.co.jp", organizationKey: nil)! == (.company, .address))
        #expect(directory.side(of: PersonKey("p-x"), domain: "example.net", organizationKey: OrganizationKey.make("㈱ニコン日総プライム"))! == (.company, .organization))
        #expect(directory.side(of: PersonKey("p-x"), domain: nil, organizationKey: OrganizationKey.make("ＮＰＯ法人 なんぶ里山デザイン機構"))! == (.municipality, .organization))
        #expect(directory.side(of: PersonKey("p-x"), domain: "example.net", organizationKey: nil) == nil)
    }

    @Test("an address changed in case or width is the same person and the same domain")
    func caseAndWidth() {
        let keys = PersonKeyMaker(secret: Array(repeating: 1, count: 32))
        let plain = "taro.yamada@dept-store.example.co.jp"
        let variants = [plain.uppercased(), String(plain.unicodeScalars.map { Character(UnicodeScalar($0.value + 0xFEE0)!) }), " \(plain) "]
        for variant in variants {
            #expect(keys.key(email: variant) == keys.key(email: plain), "\(variant)")
            #expect(PersonKeyMaker.domain(email: variant) == "dept-store.example.co.jp", "\(variant)")
        }
    }

    @Test("side labels of surveys and rosters")
    func labels() {
        #expect(Side(label: "自治体・地域側") == .municipality && Side(label: "自治体（地域）") == .municipality)
        #expect(Side(label: "企業側") == .company && Side(label: "ＣＯＭＰＡＮＹ") == .company)
        #expect(Side(label: "その他") == nil)
    }
}
