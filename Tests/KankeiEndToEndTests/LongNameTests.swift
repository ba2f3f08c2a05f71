import Foundation
import GRDB
import KankeiIngest
import KankeiWorkspace
import Testing

/// Names as long as a file system allows.
@Suite("Long file names")
struct LongNameTests {
    @Test("a survey whose extension is long and an unreadable file whose name fills 253 bytes: archived and quarantined, the rest counted")
    func longNames() throws {
        let survey = try #require(files(below: Repository.samples.appendingPathComponent("inbox/\(municipal)"))
            .first { $0.lastPathComponent.hasPrefix("WEB説明会") })
        let longExtension = "回答." + String(repeating: "c", count: 240)
        let longName = String(repeating: "あ", count: 83) + ".csv"   // 253 bytes: its .error.txt would be 263
        let workspace = try sampleWorkspace(extra: [
            "2022-03-01-long/\(longExtension)": Array(try OverlappingExportTests.export(rows: 20)),
            "2022-03-01-long/\(longName)": Array("a,\"b".utf8),
        ])
        let result = try kankei(["run", "--workspace", workspace.path])
        #expect(result.status == 1)
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        let quarantined = try FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent("quarantine").path)
        #expect(quarantined.count == 2 && quarantined.allSatisfy { $0.utf8.count <= 255 })
        let note = try #require(quarantined.first { $0.hasSuffix(".error.txt") })
        #expect(try text(workspace.appendingPathComponent("quarantine/\(note)")).contains(longName))
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent("archive").path).allSatisfy { $0.utf8.count <= 255 })
        #expect(try summary(workspace, "2022-03-01-long").respondents > 0)
        #expect(try summary(workspace, municipal).respondents == 29)
    }
}
