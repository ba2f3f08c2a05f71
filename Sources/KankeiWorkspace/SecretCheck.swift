import Foundation
import KankeiCore
import KankeiIngest
import KankeiModel

/// The workspace secret, checked against the core before it is used: a core that holds person
/// hashes is never run with a new or different secret (roster hashes would stop matching and
/// the figures change without a word). The core keeps a keyed check value, never the secret.
enum SecretCheck {
    static func secret(for layout: WorkspaceLayout, core: CoreDatabase) throws -> [UInt8] {
        let stored = try core.secretFingerprint()
        let present = FileManager.default.fileExists(atPath: layout.secret.path)
        if !present, try stored != nil || core.holdsPersonKeys() {
            throw WorkspaceError(message: "\(layout.secret.path) がありません。コアの名簿と参加記録はこの鍵で作られているため、鍵なしでは実行しません"
                + "（新しい鍵では同じ人を結び付けられず、関係人口などの数字が変わります）。"
                + "kankei backup で取ったコピーの secret を .kankei/secret に戻してから、もう一度実行してください。")
        }
        let secret = try layout.loadSecret()
        let fingerprint = fingerprint(of: secret)
        guard let stored else {
            try core.recordSecretFingerprint(fingerprint)
            return secret
        }
        guard stored == fingerprint else {
            throw WorkspaceError(message: "\(layout.secret.path) がこのコアを作ったときの鍵と違います。違う鍵では同じ人を結び付けられないため、実行しません。"
                + "kankei backup で取ったコピーの secret を .kankei/secret に戻してから、もう一度実行してください。")
        }
        return secret
    }

    /// A keyed hash of a fixed text: the same secret always gives it, no other secret does.
    static func fingerprint(of secret: [UInt8]) -> String {
        PersonKeyMaker(secret: secret).key(email: "secret-check@kankei.invalid")?.value ?? ""
    }
}
