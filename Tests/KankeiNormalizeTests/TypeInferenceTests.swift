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
}
