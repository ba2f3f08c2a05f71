import Foundation
import KankeiModel
import Testing
@testable import KankeiNormalize

let repositoryPipelines = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("pipelines")

@Suite("Pipeline definitions and matching a survey to one")
struct DefinitionTests {
    @Test("the office's definitions in pipelines/ load and pass every check")
    func repositoryDefinitions() throws {
        let catalog = try PipelineCatalog.load(from: repositoryPipelines)
        #expect(Set(catalog.definitions.map(\.id)) == ["municipal-webinar", "company-webinar", "club-feedback", "new-participant"])
        #expect(catalog.kpis["kpi-4-4"]?.target == 80)
    }

    @Test("a header with other widths and spacing still matches its definition")
    func tolerantHeader() throws {
        let catalog = try PipelineCatalog.load(from: repositoryPipelines)
        let columns = ["本日の WEB説明会に参加された理由を教えてください。(複数回答可)",
                       "ＷＥＢ説明会の内容で印象に残った点を教えてください。（複数回答可）",
                       "「放課後企業クラブ」に関心はありますか。", "追加の設問"]
        let match = try #require(catalog.match(columns: columns))
        #expect(match.definition.id == "municipal-webinar")
        #expect(match.questions.mapValues(\.id) == [0: "reason", 1: "impression", 2: "interest"])
        #expect(match.unmatchedColumns == [3])
    }

    @Test("a survey sharing fewer than half the questions matches nothing")
    func noMatch() throws {
        let catalog = try PipelineCatalog.load(from: repositoryPipelines)
        #expect(catalog.match(columns: ["「放課後企業クラブ」に関心はありますか。", "年齢", "性別", "居住地", "職業"]) == nil)
    }

    @Test("a definition whose 「その他」 is not an option is refused with the file and question")
    func invalid() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kankei-def-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
        id: broken
        title: 壊れた定義
        questions:
          - id: q1
            text: 理由
            type: multiple
            options: [A, B]
            other: その他
        """.write(to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: DefinitionProblem(file: "broken.yaml", message: "設問「q1」の other「その他」が選択肢にありません。")) {
            try PipelineCatalog.load(from: folder)
        }
    }
}

@Suite("Definition checks")
struct DefinitionCheckTests {
    private func load(_ yaml: String) throws -> PipelineCatalog {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kankei-def-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try yaml.write(to: folder.appendingPathComponent("survey.yaml"), atomically: true, encoding: .utf8)
        return try PipelineCatalog.load(from: folder)
    }

    @Test("a scale must say which options are its top box, since a form may list it either way round")
    func scaleNeedsTopBox() throws {
        let scale = "id: s\ntitle: t\nquestions:\n  - id: q\n    text: 満足度\n    type: scale\n    options: [1, 2, 3, 4, 5]\n"
        #expect(throws: DefinitionProblem.self) { try load(scale) }
        let catalog = try load(scale + "    top_box: [\"5\", \"4\"]\n")
        #expect(catalog.definitions.first?.questions.first?.topBox == ["5", "4"])
    }
}

@Suite("Organisation keys")
struct OrganizationKeyTests {
    @Test("spacing, width and abbreviated legal forms do not make another organisation", arguments: [
        ("北海道奈井江町 ", "北海道奈井江町"), ("北海道 奈井江町", "北海道奈井江町"), ("岡山県瀬戸内市　", "岡山県瀬戸内市"),
        ("ＮＰＯ法人いわてＮＰＯ－ＮＥＴサポート", "特定非営利活動法人いわてNPO-NETサポート"),
        ("(株)まちづくり鶴岡", "株式会社まちづくり鶴岡"), ("㈱まちづくり鶴岡", "株式会社まちづくり鶴岡"),
        ("(一社)まちのtoolbox", "一般社団法人 まちのToolbox"),
    ])
    func same(left: String, right: String) {
        #expect(OrganizationKey.make(left) == OrganizationKey.make(right))
    }

    @Test("different organisations stay different; -- is no organisation")
    func different() {
        #expect(OrganizationKey.make("北海道奈井江町") != OrganizationKey.make("北海道東川町"))
        #expect(OrganizationKey.make("--") == nil)
        #expect(OrganizationKey.make("  ") == nil)
    }
}
