import Foundation
import KankeiModel

/// Turns an e-mail address (or, without one, a name) into a `PersonKey` with a keyed hash, so the
/// same person links across files while the address itself goes no further than ingest.
public struct PersonKeyMaker: Sendable {
    private let secret: [UInt8]

    public init(secret: [UInt8]) { self.secret = secret }

    /// The key of a survey respondent: by e-mail address only, `nil` without one. Names repeat (two
    /// 田中さん; Zoom guests named "iPhone") and Microsoft Forms writes "anonymous" where the address
    /// would be, so only an address can tell that two submissions are the same person's.
    public func respondentKey(email: String?) -> PersonKey? {
        guard let email = CellText.meaningful(email), let at = email.firstIndex(of: "@"),
              at != email.startIndex, email.index(after: at) != email.endIndex else { return nil }
        return key(email: email)
    }

    /// A maker with a random secret: keys link within one run only.
    public static func ephemeral() -> PersonKeyMaker {
        var generator = SystemRandomNumberGenerator()
        return PersonKeyMaker(secret: (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// The key for a person; `nil` when neither an address nor a name is given.
    /// Zoom writes `--` for a missing value; that counts as missing.
    public func key(email: String?, name: String? = nil) -> PersonKey? {
        if let email = CellText.meaningful(email) {
            return make("email:" + MatchKey.make(email))
        }
        if let name = CellText.meaningful(name) {
            return make("name:" + MatchKey.make(name))
        }
        return nil
    }

    /// The domain of an e-mail address as a matching key (`Taro@Town.Takasu.LG.JP` → `town.takasu.lg.jp`).
    public static func domain(email: String?) -> String? {
        guard let email = CellText.meaningful(email).map(MatchKey.make), let at = email.lastIndex(of: "@") else { return nil }
        let domain = String(email[email.index(after: at)...])
        return domain.isEmpty ? nil : domain
    }

    private func make(_ identity: String) -> PersonKey {
        let mac = HMACSHA256.mac(key: secret, message: Array(identity.utf8))
        return PersonKey("p" + SHA256.hex(Array(mac.prefix(12))))
    }
}
