import KankeiModel
import Testing
@testable import KankeiNormalize

@Suite("Inferring question types when no definition matches")
struct TypeInferenceTests {
    @Test("cells that split into a small recurring set are a multiple answer")
    func multiple() {
        let sample: [SurveyCell?] = ["A, B", "B", "A, C", "C, B", "A", nil, "B, C", "A, B, C", "自由な一言"]
        let question = TypeInference.question(id: "q1", header: "理由", sample: sample)
        #expect(question.type == .multiple)
        #expect(question.options.prefix(3).sorted() == ["A", "B", "C"])
        #expect(question.options.first == "B" || question.options.first == "A")
    }

    @Test("a few recurring whole values are a single answer")
    func single() {
        let sample: [SurveyCell?] = Array(repeating: "関心あり", count: 20) + ["関心なし", "どちらともいえない", "どちらともいえない"]
        let question = TypeInference.question(id: "q2", header: "関心", sample: sample)
        #expect(question.type == .single)
        #expect(question.options == ["関心あり", "どちらともいえない", "関心なし"])
    }

    @Test("whole numbers keep numeric order")
    func numbers() {
        let sample: [SurveyCell?] = ["5", "4", "5", "3", "4", "5", "1", "2", "4", "5", "3", "4"]
        #expect(TypeInference.question(id: "q", header: "満足度", sample: sample).options == ["1", "2", "3", "4", "5"])
    }

    @Test("comments, even with commas and a repeated 「特になし」, are text")
    func text() {
        let sample: [SurveyCell?] = ["とても良かった, また参加したい", "特になし", "特になし", "資料が分かりやすかった", "特になし",
                                 "時間が短い, もう少し聞きたい", "特になし", "事例が多くて良い", "特になし", "オンラインで参加しやすい"]
        #expect(TypeInference.question(id: "q", header: "ご意見", sample: sample).type == .text)
    }

    @Test("a comma-cut answer whose pieces never stand alone is one answer (a consent text), not several")
    func piecesThatNeverStandAlone() {
        let consent = "I have read this consent form, and I understand what is being requested of me"
        let question = TypeInference.question(id: "q", header: "Consent", sample: Array(repeating: SurveyCell.text(consent), count: 30))
        #expect(question.type == .single && question.options == [consent])
    }

    @Test("options that differ only in case are two options")
    func caseKept() {
        let sample: [SurveyCell?] = Array(repeating: "UniversityCourse", count: 14) + Array(repeating: "universityCourse", count: 4) + ["UC", "UC"]
        #expect(TypeInference.question(id: "q", header: "name", sample: sample).options == ["UniversityCourse", "universityCourse", "UC"])
    }

    @Test("what the export declares wins: a declared type, and the option typed texts belong to (the text is no second answer)")
    func hints() {
        let sample: [SurveyCell?] = Array(repeating: .choices(["Female"]), count: 10) + Array(repeating: .choices(["Male"]), count: 8)
            + [.choices(["Other", "自由に書いた性別"]), .choices(["Other", "別の書き方"])]
        let question = TypeInference.question(id: "q", header: "gender", sample: sample, hint: ColumnHint(otherOption: "Other"))
        #expect(question.type == .single && question.otherOption == "Other" && question.options.contains("Other"))
        #expect(!question.options.contains("自由に書いた性別"))
        let declared = TypeInference.question(id: "y", header: "Ja/Nein", sample: ["はい"], offered: ["はい", "いいえ"], hint: ColumnHint(type: .single))
        #expect(declared.type == .single && declared.options == ["はい", "いいえ"])
    }
}
