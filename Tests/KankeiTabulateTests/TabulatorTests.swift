import KankeiModel
import Testing
@testable import KankeiTabulate

@Suite("Tabulating respondents")
struct TabulatorTests {
    let multiple = Question(id: "why", text: "理由", label: "理由（複数回答）", type: .multiple, options: ["A", "B", "その他"],
                            otherOption: "その他")
    let single = Question(id: "interest", text: "関心", label: "関心度", type: .single, options: ["関心あり", "関心なし"],
                          kpis: [KPIBinding(id: "kpi-4-4", label: "関心度", target: 80, counts: ["関心あり"])])
    let scale = Question(id: "sat", text: "満足度", label: "満足度", type: .scale, options: ["不満", "やや不満", "やや満足", "満足"],
                         topBoxOptions: ["満足", "やや満足"])

    private func tabulate(_ answers: [[Answer]]) -> Tabulation {
        let tabulator = Tabulator()
        tabulator.consume(.survey(SurveySchema(id: "s", title: nil, inferred: false, questions: [multiple, single, scale])))
        for (index, set) in answers.enumerated() {
            tabulator.consume(.respondent(Respondent(survey: "s", provenance: Provenance(sha256: "x", row: index + 2),
                                                     submittedAt: nil, person: nil, answers: set)))
        }
        return tabulator.finish()
    }

    @Test("a multiple answer has both bases; no-answer rows leave the respondent base")
    func bothBases() throws {
        let result = tabulate([
            [Answer(question: "why", choices: ["A", "B"])],
            [Answer(question: "why", choices: ["A"])],
            [Answer(question: "why", choices: ["その他"], text: "議会で話題")],
            [],  // answered nothing
        ])
        let why = try #require(result.questions.first { $0.id == "why" })
        #expect(why.base == QuestionBase(respondents: 4, answered: 3, responses: 4))
        #expect(why.options.map(\.count) == [2, 1, 1])
        #expect(why.options.map { $0.percentOfRespondents?.fixed } == ["66.7", "33.3", "33.3"])
        #expect(why.options.map { $0.percentOfResponses?.fixed } == ["50.0", "25.0", "25.0"])
        #expect(why.texts == ["議会で話題"])
        #expect(why.reference)
        #expect(result.respondents == 4)
    }

    @Test("an answer outside the options is appended as its own row, never dropped")
    func unlisted() throws {
        let result = tabulate([[Answer(question: "why", choices: ["A", "想定外"])], [Answer(question: "why", choices: ["想定外"])]])
        let why = try #require(result.questions.first { $0.id == "why" })
        #expect(why.options.map(\.label) == ["A", "B", "その他", "想定外"])
        #expect(why.options.last?.unlisted == true && why.options.last?.count == 2)
    }

    @Test("KPI value, target and verdict; top-2 box of a scale")
    func kpiAndTopBox() throws {
        let answers: [[Answer]] = (0..<10).map { index in
            [Answer(question: "interest", choices: [index < 8 ? "関心あり" : "関心なし"]),
             Answer(question: "sat", choices: [["満足", "やや満足", "やや不満"][index % 3]])]
        }
        let result = tabulate(answers)
        #expect(result.kpis == [KPIResult(id: "kpi-4-4", label: "関心度", value: Percent(count: 8, of: 10), target: 80,
                                          achieved: true, question: "interest", n: 10)])
        #expect(result.questions.first { $0.id == "sat" }?.topBox?.fixed == "70.0")
    }

    @Test("headcounts: registrants, distinct organisations, attendees without staff")
    func headcounts() {
        let tabulator = Tabulator()
        let people: [(String, String?, Bool, Bool, Bool)] = [
            ("a", "org1", true, true, false), ("b", "org1", true, false, false), ("c", "org2", true, true, false),
            ("host", nil, false, true, true), ("panel", "org2", true, true, true),
        ]
        for (key, organization, registered, attended, staff) in people {
            tabulator.consume(.participant(Participant(person: PersonKey(key), organization: organization, organizationKey: organization,
                                                       registered: registered, attended: attended, staff: staff)))
        }
        tabulator.consume(.event(EventInfo(id: "e", kind: .webinar, sources: [.zoomRegistrationReport, .zoomAttendeeReport])))
        let event = tabulator.finish().event
        #expect(event.registrants == 4 && event.organizations == 2 && event.attendees == 2)
    }

    @Test("without Zoom reports the headcounts are unknown, not zero")
    func unknownHeadcounts() {
        let event = tabulate([]).event
        #expect(event.registrants == nil && event.organizations == nil && event.attendees == nil)
    }
}
