import Foundation
import KankeiModel
import Testing

@Suite("Half-up rounding on exact integers")
struct PercentTests {
    @Test("the report's figures and the halves that binary floating point gets wrong", arguments: [
        (3, 17, "17.6"),    // 17.647… → 17.6
        (20, 29, "69.0"),   // 68.965… → 69.0
        (23, 29, "79.3"),
        (7, 39, "17.9"),    // 17.948… → 17.9
        (1, 16, "6.3"),     // 6.25 exactly → 6.3 (half-up; banker's rounding would give 6.2)
        (3, 16, "18.8"),    // 18.75 → 18.8
        (1, 80, "1.3"),     // 1.25 → 1.3
        (29, 29, "100.0"),
        (0, 29, "0.0"),
    ])
    func rounding(count: Int, base: Int, expected: String) throws {
        #expect(try #require(Percent(count: count, of: base)).fixed == expected)
    }

    @Test("prose writes a whole 100 the report's way; a zero base has no percentage")
    func prose() {
        #expect(Percent(count: 29, of: 29)?.prose == "100%")
        #expect(Percent(count: 20, of: 29)?.prose == "69.0%")
        #expect(Percent(count: 1, of: 0) == nil)
    }

    @Test("JSON carries the rounded number, never a long binary fraction")
    func json() throws {
        let data = try JSONEncoder().encode([Percent(count: 20, of: 29)!, Percent(count: 1, of: 16)!])
        #expect(String(decoding: data, as: UTF8.self) == "[69,6.3]")
    }
}

