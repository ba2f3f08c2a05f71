import Foundation
import KankeiModel
import Testing
import ZIPFoundation

@Suite("Hostile and awkward exports through kankei run")
struct HostileExportTests {
    static let event = "2022-03-01-hostile"

    /// A zip whose only part expands to `bytes` zeros (a few hundred KB on disk).
    static func zipBomb(_ url: URL, bytes: Int) throws {
        let archive = try Archive(url: url, accessMode: .create)
        try archive.addEntry(with: "xl/workbook.xml", type: .file, uncompressedSize: Int64(bytes), compressionMethod: .deflate,
                             bufferSize: 1 << 20) { _, size in Data(count: size) }
    }

    @Test("XXE, billion laughs, a zip bomb, truncated XML and an unbalanced quote are quarantined; the good files are reported")
    func hostileBatch() throws {
        let survey = try Data(contentsOf: Repository.fixtures.appendingPathComponent("same-survey/surveymonkey/Data_All_220204.csv"))
        let laughs = #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">"#
            + #"<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><Responses><Response><QID1>&lol3;</QID1></Response></Responses>"#
        // The external entity names a file this test made, outside the inbox.
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("xxe-secret-\(UUID().uuidString).txt")
        try "kankei-xxe-secret".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let xxe = #"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM ""# + secret.absoluteString
            + #"">]><Responses><Response><QID1>&x;</QID1></Response></Responses>"#
        let hostile: [String: [UInt8]] = [
            "\(Self.event)/xxe.xml": Array(xxe.utf8),
            "\(Self.event)/laughs.xml": Array(laughs.utf8),
            "\(Self.event)/cut.xml": Array(#"<?xml version="1.0"?><Responses><Response><QID1>1</QID1><QID2"#.utf8),
            "\(Self.event)/quote.csv": Array("タイムスタンプ,ご意見\n2022/02/04 10:00:00,\"閉じていない\n2022/02/04 10:01:00,ok\n".utf8),
            "\(Self.event)/survey.csv": [UInt8](survey),
        ]
        let workspace = try sampleWorkspace(extra: hostile)
        try Self.zipBomb(workspace.appendingPathComponent("inbox/\(Self.event)/bomb.xlsx"), bytes: 300 << 20)
        let bomb = try Data(contentsOf: workspace.appendingPathComponent("inbox/\(Self.event)/bomb.xlsx"))

        let result = try kankei(["run", "--workspace", workspace.path])
        #expect(result.status == 1)
        let quarantine = workspace.appendingPathComponent("quarantine")
        let expected: [(String, String)] = [
            ("xxe.xml", "DTD"), ("laughs.xml", "billion laughs"), ("cut.xml", "途中で切れている"), ("quote.csv", "引用符"), ("bomb.xlsx", "zip bomb"),
        ]
        for (name, phrase) in expected {
            let message = try text(quarantine.appendingPathComponent(name + ".error.txt"))
            #expect(message.contains("ファイル: \(name)") && message.contains(phrase) && message.contains("対処:"), "\(name): \(message)")
        }
        #expect(try Data(contentsOf: quarantine.appendingPathComponent("bomb.xlsx")) == bomb)
        #expect(try Data(contentsOf: quarantine.appendingPathComponent("xxe.xml")) == Data(hostile["\(Self.event)/xxe.xml"]!))
        #expect(!(try text(quarantine.appendingPathComponent("xxe.xml.error.txt"))).contains("root:"))
        // The good survey beside them, and the other events, are reported in full.
        #expect(try summary(workspace, Self.event).respondents == 29)
        #expect(try summary(workspace, municipal).question("reason")?.top(3, by: .respondents) == ["79.3", "69.0", "69.0"])
    }

    @Test("a Google Forms grid (質問 [行]) is one question with rows; English timestamps with GMT+9 date the event")
    func grid() throws {
        let csv = """
        Timestamp,満足度を教えてください。 [内容],満足度を教えてください。 [時間],満足度を教えてください。 [資料],ご意見
        2022/03/05 2:31:38 PM GMT+9,5,4,5,良かった
        2022/03/05 2:40:00 PM GMT+9,4,4,3,
        2022/03/05 3:02:11 PM GMT+9,5,3,4,

        """
        let workspace = try sampleWorkspace(extra: ["grid-survey/回答.csv": Array(csv.utf8)])
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let tabulation = try summary(workspace, "grid-survey")
        #expect(tabulation.event.date == "2022-03-05")
        let grid = try #require(tabulation.questions.first { $0.rows != nil })
        #expect(grid.text == "満足度を教えてください。")
        #expect(grid.rows?.map(\.label) == ["内容", "時間", "資料"])
        #expect(grid.rows?.first?.options.map(\.label) == ["3", "4", "5"])
        #expect(grid.rows?.first?.options.map(\.count) == [0, 1, 2])
        #expect(grid.rows?.last?.options.map(\.count) == [1, 1, 1])
        #expect(tabulation.questions.count == 2)
        let markdown = try text(workspace.appendingPathComponent("reports/grid-survey/summary.md"))
        #expect(markdown.contains(#"満足度を教えてください。 \[時間\]"#))
    }
}
