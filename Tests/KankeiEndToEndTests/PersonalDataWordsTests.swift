import Foundation
import KankeiIngest
import KankeiModel
import Testing
import Yams

/// The personal-data header words are the office's data (`pipelines/personal-data.yaml`).
@Suite("Personal-data header words in pipelines/")
struct PersonalDataWordsTests {
    @Test("the repository's pipelines/personal-data.yaml is the built-in list")
    func sameAsBuiltIn() throws {
        let text = try YAMLText.read(Repository.pipelines.appendingPathComponent(PersonalDataWords.fileName))
        #expect(try YAMLDecoder().decode(PersonalDataWords.self, from: text) == PersonalDataWords.builtIn)
    }

    @Test("a word the office adds drops that column from every summary; a column it does not name stays")
    func officeWord() throws {
        let survey = Array("タイムスタンプ,社員番号,好きな季節は？\r\n2022/02/06 10:00:01,EMP-12345,春\r\n2022/02/06 10:00:02,EMP-67890,夏\r\n".utf8)
        let workspace = try sampleWorkspace(extra: ["2022-02-06-staff/回答.csv": survey])
        let words = workspace.appendingPathComponent("pipelines/personal-data.yaml")
        try (try text(words) + "\nextra: ignored\n").write(to: words, atomically: true, encoding: .utf8)
        var edited = try text(words)
        edited = edited.replacingOccurrences(of: "contact: [電話,", with: "contact: [社員番号, 電話,")
        try edited.write(to: words, atomically: true, encoding: .utf8)
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let tabulation = try summary(workspace, "2022-02-06-staff")
        #expect(tabulation.questions.map(\.text) == ["好きな季節は？"])
        let json = try text(workspace.appendingPathComponent("reports/2022-02-06-staff/summary.json"))
        #expect(!json.contains("EMP-") && !json.contains("社員番号"))
        // A broken list stops the run (exit 2), naming the file, before anything moves.
        try "email: [".write(to: words, atomically: true, encoding: .utf8)
        let broken = try kankei(["run", "--workspace", workspace.path])
        #expect(broken.status == 2 && broken.stderr.contains("personal-data.yaml"))
    }
}
