import Foundation
import GRDB
import KankeiIngest
import KankeiWorkspace
import Testing

/// Many small exports of one survey.
@Suite("Repeated notes")
struct RepeatedNoteTests {
    @Test("twelve one-row exports of an undefined survey: its types inferred once from all twelve rows; the note they share written once, naming three and the count")
    func foldedNotes() throws {
        var extra: [String: [UInt8]] = [:]
        for index in 1...12 {
            extra["2022-02-06-free-survey/回答\(index).csv"] = Array("タイムスタンプ,好きな季節は？\r\n2022/02/06 10:00:\(String(format: "%02d", index)),\(["春", "夏", "秋"][index % 3])\r\n".utf8)
        }
        let workspace = try sampleWorkspace(extra: extra)
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let tabulation = try summary(workspace, "2022-02-06-free-survey")
        #expect(tabulation.respondents == 12)
        let inferred = tabulation.notes.filter { $0.contains("どのアンケート定義") }
        #expect(inferred.count == 1)
        #expect(inferred.first?.contains("ほか計12件のファイル") == true)
        #expect(tabulation.notes.count == 2)
        // The types come from all twelve rows at once, as from one file of twelve rows.
        #expect(tabulation.questions.map(\.type) == [.single])
        #expect(tabulation.questions.first?.options.map(\.count) == [4, 4, 4])
    }
}
