import Foundation
import CSHA256
import Testing
@testable import KankeiIngest

@Suite("SHA-256 and HMAC against published test vectors, and files hashed while they are read")
struct HashTests {
    @Test("FIPS 180-4 examples", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func vectors(input: String, expected: String) {
        #expect(SHA256.hex(SHA256.hash(Array(input.utf8))) == expected)
    }

    @Test("a million 'a's fed in uneven pieces")
    func streaming() {
        var hasher = SHA256()
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 999)
        var fed = 0
        while fed < 1_000_000 {
            let count = min(piece.count - (fed % 7), 1_000_000 - fed)
            piece.prefix(count).withUnsafeBytes { hasher.update($0) }
            fed += count
        }
        #expect(hasher.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("the CPU's SHA extensions and portable C compress alike")
    func extensionsMatchPortable() {
        var generator = SystemRandomNumberGenerator()
        let data = (0..<64 * 257).map { _ in UInt8.random(in: 0...255, using: &generator) }
        var dispatched: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        var portable = dispatched
        data.withUnsafeBufferPointer { bytes in
            kankei_sha256_blocks(&dispatched, bytes.baseAddress, 257)
            kankei_sha256_blocks_portable(&portable, bytes.baseAddress, 257)
        }
        #expect(dispatched == portable)
    }

    @Test("a file hashed on its own thread while it is read: every record carries the file's sha256")
    func hashedWhileRead() throws {
        let url = Fixture.url("google-forms-basic.csv")
        let expected = try FileDigest.sha256(of: url).hex
        var seen: Set<String> = []
        let file = try Ingestor(keys: testKeys).ingest(url) { record in
            switch record {
            case .source(let file): seen.insert(file.sha256)
            case .surveyColumns(let columns): seen.insert(columns.source)
            case .response(let response): seen.insert(response.provenance.sha256)
            default: break
            }
        }
        #expect(file.sha256 == expected)
        #expect(seen == [expected])
        let given = try Ingestor(keys: testKeys).ingest(url, sha256: "given") { _ in }
        #expect(given.sha256 == "given")
    }

    @Test("a file that cannot be hashed says so when its sha256 is asked for")
    func unhashable() {
        let identity = FileIdentity(hashing: FileManager.default.temporaryDirectory.appendingPathComponent("missing-\(UUID().uuidString)/answers.csv"))
        #expect(throws: (any Error).self) { try identity.check() }
        #expect(identity.sha256.isEmpty)
    }

    @Test("RFC 4231 test case 2")
    func hmac() {
        let mac = HMACSHA256.mac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(SHA256.hex(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}
