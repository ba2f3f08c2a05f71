import CCensus
import Testing

/// The census checks free text is UTF-8 with SSSE3 when the CPU has it (`kankei_utf8.c`): it must
/// accept and refuse exactly what Swift's own decoder and the portable loop do.
@Suite("UTF-8 checked 16 bytes at a time, as byte by byte")
struct UTF8ValidationTests {
    static func swiftAccepts(_ bytes: [UInt8]) -> Bool { String(validating: bytes, as: UTF8.self) != nil }

    static func agree(_ bytes: [UInt8]) -> Bool {
        let expected = swiftAccepts(bytes)
        return bytes.withUnsafeBytes { raw in
            (kankei_utf8_valid(raw.baseAddress, raw.count) != 0) == expected
                && (kankei_utf8_valid_portable(raw.baseAddress, raw.count) != 0) == expected
        }
    }

    @Test("every two-byte pair, at every place in a 16-byte block and across two blocks")
    func pairs() {
        let context = Array("満足です。ありがとう".utf8)  // 30 bytes of three-byte characters
        var disagreements = 0
        for first in 0x80...0xFF {
            for second in 0...0xFF {
                for offset in [0, 7, 14, 15, 16, 29] {
                    var bytes = Array(context.prefix(offset / 3 * 3))
                    bytes += [UInt8(first), UInt8(second)]
                    bytes += Array("、以上".utf8)
                    if !Self.agree(bytes) { disagreements += 1 }
                }
            }
        }
        #expect(disagreements == 0)
    }

    @Test("three- and four-byte leads with every second byte, complete and cut short")
    func longSequences() {
        var disagreements = 0
        for lead in 0xE0...0xFF {
            for second in 0x80...0xBF {
                for tail in [[UInt8](), [0x80], [0xBF, 0x80], [0x80, 0xBF, 0xBF], [0x41, 0x80]] {
                    for padding in [0, 13, 14, 15, 17] {
                        let bytes = [UInt8](repeating: 0x61, count: padding) + [UInt8(lead), UInt8(second)] + tail
                            + Array("です".utf8)
                        if !Self.agree(bytes) { disagreements += 1 }
                        if !Self.agree(Array(bytes.dropLast(6))) { disagreements += 1 }
                    }
                }
            }
        }
        #expect(disagreements == 0)
    }

    @Test("random text made of characters of every length, then damaged one byte at a time")
    func random() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = ["a", "é", "あ", "漢", "①", "～", "😀", "\u{10FFFF}", "\u{FFFF}", ",", "\n"].map { Array($0.utf8) }
        var disagreements = 0
        for _ in 0..<4_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &generator) { bytes += pieces.randomElement(using: &generator)! }
            if !Self.agree(bytes) { disagreements += 1 }
            guard !bytes.isEmpty else { continue }
            bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            if !Self.agree(bytes) { disagreements += 1 }
        }
        #expect(disagreements == 0)
    }
}
