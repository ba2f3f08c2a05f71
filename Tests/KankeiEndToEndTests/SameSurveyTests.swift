import Foundation
import KankeiModel
import Testing

/// The municipal webinar's 29 answers exported by every tool and in every encoding Kankei reads
/// (`Fixtures/same-survey/`, made by `scripts/make-format-fixtures.py`): each gives the same figures.
@Suite("one survey, every export format", .serialized)
struct SameSurveyTests {
    static let variants = [
        "google-utf8", "google-utf8-bom", "google-cp932", "google-utf16le", "google-utf16be", "zoom-poll",
        "microsoft-forms-ja", "microsoft-forms-en", "limesurvey-lss-lsr", "limesurvey-lsa",
        "qualtrics-csv-text", "qualtrics-csv-numeric", "qualtrics-xml", "surveymonkey",
    ]

    static let workspace: Result<URL, any Error> = Result {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kankei-same-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Repository.fixtures.appendingPathComponent("same-survey"), to: root.appendingPathComponent("inbox"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("inbox/README.md"))
        try FileManager.default.copyItem(at: Repository.pipelines, to: root.appendingPathComponent("pipelines"))
        let result = try kankei(["run", "--workspace", root.path])
        guard result.status == 0 else { throw RunFailed(output: result.stdout + result.stderr) }
        return root
    }

    struct RunFailed: Error { let output: String }

    /// What must not differ between exports: respondents, every choice question's counts and
    /// percentages on both bases, and the KPIs.
    struct Figures: Equatable {
        var respondents: Int
        var questions: [QuestionResult]
        var kpis: [KPIResult]

        init(_ tabulation: Tabulation) {
            respondents = tabulation.respondents
            questions = tabulation.questions.filter { $0.type != .text }.map { question in
                var question = question
                question.survey = ""
                question.texts = []
                return question
            }
            kpis = tabulation.kpis
        }
    }

    @Test("every export gives the figures of the Google Forms CSV: 29 respondents, 79.3 / 69.0 / 69.0 %", arguments: variants)
    func sameFigures(_ variant: String) throws {
        let root = try Self.workspace.get()
        let expected = Figures(try summary(root, "google-utf8"))
        #expect(expected.respondents == 29)
        #expect(expected.questions.first { $0.id == "reason" }?.top(3, by: .respondents) == ["79.3", "69.0", "69.0"])
        let figures = Figures(try summary(root, variant))
        #expect(figures == expected, "\(variant) differs from the Google Forms CSV")
    }

    @Test("CP932 and UTF-16 text keeps ①, ～ and 髙 and the comments read the same")
    func encodedText() throws {
        let root = try Self.workspace.get()
        let cp932 = try summary(root, "google-cp932").question("comments")
        #expect(cp932?.texts.contains("①満足～髙橋さんの話が良かった") == true)
        let utf8 = try summary(root, "google-utf8").question("comments")?.texts
        for variant in ["google-utf16le", "google-utf16be", "limesurvey-lsa", "microsoft-forms-ja", "surveymonkey", "qualtrics-xml"] {
            #expect(try summary(root, variant).question("comments")?.texts == utf8, "\(variant)")
        }
    }

    @Test("the 「その他」 answer keeps its free text in every export that has it")
    func otherText() throws {
        let root = try Self.workspace.get()
        for variant in Self.variants {
            let reason = try summary(root, variant).question("reason")
            #expect(reason?.options.first { $0.label == "その他" }?.count == 1, "\(variant)")
            #expect(reason?.texts.contains { $0.contains("議会で関係人口が話題になったため") } == true, "\(variant)")
        }
    }
}
