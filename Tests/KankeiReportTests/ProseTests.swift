import KankeiModel
import Testing
@testable import KankeiReport

@Suite("Sentences in the report's style")
struct ProseTests {
    private func question(_ type: QuestionType, _ counts: [(String, Int)], answered: Int, base: PercentBase = .respondents,
                          lead: String = "最も多く") -> QuestionResult {
        choiceQuestion(type, counts, answered: answered, base: base, lead: lead)
    }

    @Test("two options tied at 69.0% are both named, in the form's order")
    func tieInFormOrder() {
        let result = question(.multiple, [("先進事例に興味があった", 20), ("関係人口の創出に関心があった", 23),
                                          ("都市部の民間企業との連携に関心があった", 20), ("その他", 1)], answered: 29)
        // The form lists 先進事例 before 連携 here, so the tie reads in that order.
        #expect(Prose.sentence(for: result, Repository.templates) == "WEB説明会に参加した理由（複数回答）は、「関係人口の創出に関心があった」（79.3%）が最も多く、"
            + "「先進事例に興味があった」（69.0%）、「都市部の民間企業との連携に関心があった」（69.0%）が続いた。")
    }

    @Test("a tie at the cut names every tied option; a tie at the top reads 「A」と「B」")
    func ties() {
        let cut = question(.multiple, [("A", 5), ("B", 4), ("C", 3), ("D", 3), ("E", 1)], answered: 10)
        #expect(Prose.sentence(for: cut, Repository.templates) == "WEB説明会に参加した理由（複数回答）は、「A」（50.0%）が最も多く、「B」（40.0%）、「C」（30.0%）、「D」（30.0%）が続いた。")
        let top = question(.multiple, [("A", 5), ("B", 5), ("C", 1)], answered: 10)
        #expect(Prose.sentence(for: top, Repository.templates) == "WEB説明会に参加した理由（複数回答）は、「A」（50.0%）と「B」（50.0%）が最も多く、「C」（10.0%）が続いた。")
    }

    @Test("the base the definition names: shares of all selections")
    func responsesBase() {
        let result = question(.multiple, [("地方自治体との連携に関心があったから", 7), ("B", 4), ("C", 3), ("D", 2), ("E", 1)],
                              answered: 15, base: .responses)
        #expect(Prose.sentence(for: result, Repository.templates)?.hasPrefix("WEB説明会に参加した理由（複数回答）は、「地方自治体との連携に関心があったから」（41.2%）が最も多く、「B」（23.5%）、「C」（17.6%）が続いた。") == true)
    }

    @Test("everyone giving one answer reads as the report writes it")
    func everyone() {
        var result = question(.single, [("関心あり", 29), ("どちらともいえない", 0), ("関心なし", 0)], answered: 29)
        result.label = "「放課後企業クラブ」への関心度"
        #expect(Prose.sentence(for: result, Repository.templates) == "「放課後企業クラブ」への関心度は、100%の方が「関心あり」と回答した。")
    }

    @Test("nobody answered: no sentence")
    func nobody() {
        #expect(Prose.sentence(for: question(.multiple, [("A", 0)], answered: 0), Repository.templates) == nil)
    }
}

@Suite("Dates and numbers as reviewers read them")
struct FormattingTests {
    @Test("Japanese era with weekday", arguments: [
        ("2022-02-04", "令和4年2月4日（金）"), ("2022-02-10", "令和4年2月10日（木）"), ("2019-05-01", "令和元年5月1日（水）"),
        ("2019-04-30", "平成31年4月30日（火）"),
    ])
    func era(iso: String, expected: String) {
        #expect(JapaneseDate.format(iso: iso) == expected)
    }

    @Test("months of a club's period", arguments: [("2021-07", "令和3年7月"), ("2019-05-01", "令和元年5月"), ("2019-04", "平成31年4月")])
    func month(iso: String, expected: String) {
        #expect(JapaneseDate.month(iso: iso) == expected)
    }

    @Test("thousands separators")
    func grouped() {
        #expect(Formatting.grouped(2764) == "2,764")
        #expect(Formatting.grouped(415) == "415")
        #expect(Formatting.grouped(1_000_000) == "1,000,000")
    }
}
