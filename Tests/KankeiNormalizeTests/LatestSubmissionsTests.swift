import KankeiIngest
import KankeiModel
import Testing
@testable import KankeiNormalize

/// "Latest submission per respondent wins", in the order respondents first appeared.
@Suite("Latest submission per respondent")
struct LatestSubmissionsTests {
    static func respondent(_ person: String?, at time: String?, _ choice: String, file: String = "a", row: Int = 2) -> Respondent {
        Respondent(survey: "s", provenance: Provenance(sha256: file, row: row), submittedAt: time, person: person.map(PersonKey.init),
                   answers: [Answer(question: "q1", choices: [choice])])
    }

    @Test("a known respondent counts once, with the latest submission, wherever it comes in the files")
    func latestWins() {
        var submissions = LatestSubmissions()
        #expect(submissions.offer(Self.respondent("p1", at: "2022-02-04T14:00:00+09:00", "不満")) == nil)
        #expect(submissions.offer(Self.respondent("p2", at: "2022-02-04T14:05:00+09:00", "満足")) == nil)
        // p1 again, later: replaces. p2 again, earlier (an older export read second): ignored.
        #expect(submissions.offer(Self.respondent("p1", at: "2022-02-04T15:00:00+09:00", "満足", file: "b")) == nil)
        #expect(submissions.offer(Self.respondent("p2", at: "2022-02-04T13:00:00+09:00", "不満", file: "b")) == nil)
        let kept = submissions.drain()
        #expect(kept.map(\.person?.value) == ["p1", "p2"])
        #expect(kept.map { $0.answers[0].choices } == [["満足"], ["満足"]])
        #expect(submissions.replaced == 2 && submissions.copies == 0)
    }

    @Test("on equal times, or without times, the one read last wins")
    func ties() {
        var submissions = LatestSubmissions()
        _ = submissions.offer(Self.respondent("p1", at: "2022-02-04T14:00:00+09:00", "A"))
        _ = submissions.offer(Self.respondent("p1", at: "2022-02-04T14:00:00+09:00", "B", file: "b"))
        _ = submissions.offer(Self.respondent("p2", at: nil, "A"))
        _ = submissions.offer(Self.respondent("p2", at: nil, "B", file: "b"))
        _ = submissions.offer(Self.respondent("p3", at: "2022-02-04T14:00:00+09:00", "A"))
        _ = submissions.offer(Self.respondent("p3", at: nil, "B", file: "b"))
        #expect(submissions.drain().map { $0.answers[0].choices[0] } == ["B", "B", "A"])
    }

    @Test("anonymous answers stream through; identical rows of one file are different people; another file's copies count once")
    func anonymous() {
        var submissions = LatestSubmissions()
        let time = "2022-02-04T14:00:00+09:00"
        // File a: three people gave the same answer in the same second, one another answer.
        for row in 2...4 { #expect(submissions.offer(Self.respondent(nil, at: time, "A", file: "a", row: row)) != nil) }
        #expect(submissions.offer(Self.respondent(nil, at: time, "B", file: "a", row: 5)) != nil)
        // File b, an overlapping export: its first three "A" are a's; a fourth is someone new.
        for row in 2...4 { #expect(submissions.offer(Self.respondent(nil, at: time, "A", file: "b", row: row)) == nil) }
        #expect(submissions.offer(Self.respondent(nil, at: time, "A", file: "b", row: 5)) != nil)
        #expect(submissions.offer(Self.respondent(nil, at: time, "B", file: "b", row: 6)) == nil)
        // Without a submission time nothing can be told apart.
        #expect(submissions.offer(Self.respondent(nil, at: nil, "A", file: "b")) != nil)
        #expect(submissions.offer(Self.respondent(nil, at: nil, "A", file: "c")) != nil)
        #expect(submissions.copies == 4 && submissions.drain().isEmpty)
    }
}

@Suite("Respondent keys")
struct RespondentKeyTests {
    @Test("only an e-mail address identifies a respondent: not a name, not Microsoft Forms' \"anonymous\"")
    func addressesOnly() {
        let keys = PersonKeyMaker(secret: Array(repeating: 1, count: 32))
        #expect(keys.respondentKey(email: "Hanako@Example.JP") == keys.key(email: "hanako@example.jp"))
        #expect(keys.respondentKey(email: "anonymous") == nil)
        #expect(keys.respondentKey(email: "--") == nil)
        #expect(keys.respondentKey(email: "@example.jp") == nil && keys.respondentKey(email: "hanako@") == nil)
        #expect(keys.respondentKey(email: nil) == nil)
    }
}
