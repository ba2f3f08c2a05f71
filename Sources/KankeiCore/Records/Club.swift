import GRDB
import KankeiModel

/// A 『放課後企業クラブ』: one municipality × one company, of one of the report's four types
/// (section 6.2), with its time span and status.
public struct Club: Hashable, Sendable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "clubs"

    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case planned, active, ended
    }

    public var id: String
    /// The club's number in the report (① = 1).
    public var number: Int?
    public var municipalityId: String
    public var companyId: String
    /// 1–4: ① ビジネススキル等の社外活用, ② 越境体験の社内還元, ③ シニア人材の社外活用, ④ 社外交流プログラム.
    public var type: Int
    /// yyyy-MM or yyyy-MM-dd.
    public var start: String?
    public var end: String?
    public var status: Status

    public init(id: String, number: Int? = nil, municipalityId: String, companyId: String, type: Int, start: String? = nil,
                end: String? = nil, status: Status) {
        self.id = id
        self.number = number
        self.municipalityId = municipalityId
        self.companyId = companyId
        self.type = type
        self.start = start
        self.end = end
        self.status = status
    }
}

/// The four club types of report section 6.2, by what the company needed.
public enum ClubType {
    /// The type's mark as the report prints it: ①–④.
    public static func mark(_ type: Int) -> String {
        (1...20).contains(type) ? String(UnicodeScalar(0x2460 + UInt32(type - 1))!) : "\(type)"
    }

    /// A type from 「③」, 「3」 or 「類型3」.
    public static func parse(_ text: String) -> Int? {
        let key = MatchKey.make(text).replacingOccurrences(of: "類型", with: "")
        if let number = Int(key), (1...4).contains(number) { return number }
        return names.indices.first { mark($0 + 1) == text.trimmingCharacters(in: .whitespaces) }.map { $0 + 1 }
    }

    /// The model names of section 6.2.
    public static let names = [
        "企業人材の持つ幅広いビジネススキル等の社外活用モデル",
        "地域での「越境体験」を通じて発揮された若手人材等の課題発見力の社内還元モデル",
        "シニア人材等の統合的なマネジメント力や調整力の社外活用モデル",
        "社員の社会性やモチベーションの向上、外部との関係性の拡大を図る社外交流プログラム",
    ]
}

/// One person on a club's roster, by keyed hash.
struct ClubMember: Hashable, Sendable, Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "clubMembers"

    var clubId: String
    var personKey: String
    var side: Side
}
