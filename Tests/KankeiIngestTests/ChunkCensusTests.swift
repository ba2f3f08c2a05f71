import CCensus
import Foundation
import Testing
@testable import KankeiIngest

/// The C census of one stretch (`kankei_census.c`) when a column's kind is not known yet (AUTO):
/// it must read, at the end, exactly as the kind normalize later names — VALUES or TEXTS —
/// whether or not it turned into free text on the way, and give up room the same way.
@Suite("A census begun before the columns' kinds are known")
struct ChunkCensusTests {
    /// 300 rows: a choice among 満足 / 普通 / 不満 and a comment that is blank, white space, `--`
    /// or different on every row.
    static let rows: [(choice: String, comment: String)] = (0..<300).map { row in
        let choice = ["満足", "普通", "不満"][row % 3]
        let comment = switch row % 5 {
        case 0: ""
        case 1: "　 "
        case 2: "--"
        default: "説明が分かりやすかった（\(row)）"
        }
        return (choice, comment)
    }

    static let file: URL = {
        let text = "選択,感想\n" + rows.map { "\($0.choice),\"\($0.comment)\"" }.joined(separator: "\n") + "\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chunk-census-\(UUID().uuidString).csv")
        try! Data(text.utf8).write(to: url)
        return url
    }()

    static let auto = UInt8(KANKEI_COLUMN_AUTO), values = UInt8(KANKEI_COLUMN_VALUES), texts = UInt8(KANKEI_COLUMN_TEXTS)

    static func settings(_ kinds: [UInt8], autoValues: Int = 4_096, maxStoredBytes: Int = 4 << 20,
                         keptTexts: Int = 20) -> ChunkCensus.Settings {
        ChunkCensus.Settings(kinds: kinds, encoding: .utf8, delimiter: UInt8(ascii: ","), keptTexts: keptTexts,
                             autoValues: autoValues, limits: .init(), maxStoredBytes: maxStoredBytes)
    }

    /// The census of every row after the header.
    static func census(_ kinds: [UInt8], autoValues: Int = 4_096, maxStoredBytes: Int = 4 << 20, keptTexts: Int = 20) throws -> ChunkCensus {
        let bytes = try #require(FileBytes(url: file))
        let header = Data("選択,感想\n".utf8).count
        let census = try #require(ChunkCensus(settings(kinds, autoValues: autoValues, maxStoredBytes: maxStoredBytes, keptTexts: keptTexts)))
        #expect(census.count(bytes, header..<bytes.size, blockSize: 64), "status \(census.status)")  // many small blocks
        return census
    }

    static func strings(_ texts: [UnsafeRawBufferPointer]) -> [String] { texts.map { String(decoding: $0, as: UTF8.self) } }

    static func counts(_ census: ChunkCensus, _ column: Int) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: census.values(column).map { (String(decoding: $0.bytes, as: UTF8.self), $0.count) })
    }

    @Test("a column that stays values reads as VALUES and as TEXTS would")
    func staysValues() throws {
        let auto = try Self.census([Self.auto, Self.auto])
        let planned = try Self.census([Self.values, Self.texts])
        #expect(auto.records == 300)
        #expect(auto.hasValues(0) && auto.hasValues(1))
        #expect(Self.counts(auto, 0) == ["満足": 100, "普通": 100, "不満": 100])
        #expect(Self.counts(auto, 0) == Self.counts(planned, 0))
        // The comments: 120 say something; the first 20 of them kept, in row order.
        #expect(auto.answered(1) == 120 && planned.answered(1) == 120)
        #expect(Self.strings(auto.texts(1)) == Self.strings(planned.texts(1)))
        #expect(Self.strings(auto.texts(1)).first == "説明が分かりやすかった（3）")
    }

    @Test("free text found out after 16 distinct cells becomes TEXTS with the same count and kept texts")
    func becomesTexts() throws {
        let auto = try Self.census([Self.auto, Self.auto], autoValues: 16)
        let planned = try Self.census([Self.values, Self.texts])
        #expect(auto.hasValues(0))
        #expect(!auto.hasValues(1))
        #expect(auto.answered(1) == 120)
        #expect(Self.strings(auto.texts(1)) == Self.strings(planned.texts(1)))
    }

    @Test("short of room, the largest AUTO column gives way; a VALUES column gives up the census")
    func room() throws {
        let auto = try Self.census([Self.auto, Self.auto], maxStoredBytes: 2_000)
        #expect(auto.hasValues(0) && !auto.hasValues(1))
        #expect(Self.counts(auto, 0) == ["満足": 100, "普通": 100, "不満": 100])
        #expect(auto.answered(1) == 120 && auto.texts(1).count == 20)

        let bytes = try #require(FileBytes(url: Self.file))
        let planned = try #require(ChunkCensus(Self.settings([Self.values, Self.values], maxStoredBytes: 2_000)))
        #expect(!planned.count(bytes, 0..<bytes.size, blockSize: 1 << 12))
        #expect(planned.status == Int32(KANKEI_CENSUS_TOO_MANY_VALUES))
    }
}
