import KankeiModel
import Testing
@testable import KankeiReport

@Suite("summary.md")
struct SummaryMarkdownTests {
    private func tabulation(other texts: [String], of total: Int) -> Tabulation {
        let question = QuestionResult(
            id: "why", survey: "s", text: "理由", label: "理由（複数回答）", type: .multiple,
            base: QuestionBase(respondents: 40, answered: 40, responses: 40),
            options: [OptionResult(label: "A", count: 40 - total, percentOfRespondents: nil, percentOfResponses: nil),
                      OptionResult(label: "その他", count: total, percentOfRespondents: nil, percentOfResponses: nil)],
            texts: texts, textCount: total, prose: ProseRule(), reference: false)
        return Tabulation(event: EventSummary(id: "e", kind: .survey, title: "調査", date: nil, registrants: nil, organizations: nil,
                                              attendees: nil),
                          respondents: 40, responseRate: nil, questions: [question], kpis: [], notes: [])
    }

    @Test("「その他」 texts beyond those kept are counted, not hidden")
    func moreOtherTexts() {
        let markdown = SummaryMarkdown.render(tabulation(other: ["議会で話題", "首長の指示"], of: 7))
        #expect(markdown.contains("「その他」の記述:"))
        #expect(markdown.contains("- （ほか5件）"))
        #expect(!markdown.contains("参考値"))  // n = 40
    }
}
