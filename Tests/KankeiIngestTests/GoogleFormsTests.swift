import Foundation
import KankeiModel
import Testing
@testable import KankeiIngest

@Suite("Google Forms CSV")
struct GoogleFormsTests {
    @Test("question columns only; identity columns become a person key; quoted line breaks kept")
    func basic() throws {
        let records = try ingestRecords(Fixture.url("google-forms-basic.csv"))
        #expect(records.first?.source?.format == .googleFormsCSV)
        #expect(records.compactMap(\.surveyColumns).first?.columns == ["参加した理由（複数回答可）", "ご意見"])
        let responses = records.compactMap(\.response)
        #expect(responses.count == 2)
        #expect(responses[0].cells == ["関心があった, 事例, 特に, 多い", "良かった\r\nまた参加したい"])
        #expect(responses[1].cells == ["事例", nil])
        #expect(responses.map(\.provenance.row) == [2, 5])
        #expect(responses[0].person != nil && responses[0].person != responses[1].person)
        #expect(responses[1].submittedAt == "2022/02/04 2:50:00 午後 GMT+9")
    }
}

@Suite("Files that are not a known export")
struct UnknownFileTests {
    @Test("a CSV of another kind is refused with the list of what Kankei reads, and no cell quoted")
    func unknownCSV() {
        let problem = ingestProblem(Fixture.url("unknown.csv"))
        #expect(problem?.problem.contains("Zoom 出席者レポート") == true)
        #expect(problem?.problem.contains("Google フォーム") == true)
        #expect(problem?.problem.contains("foo") == false)
        #expect(problem?.location == .row(1))
    }

    @Test("a PDF named .csv is recognised by its content")
    func pdf() {
        #expect(ingestProblem(Fixture.url("not-a-csv.csv"))?.problem.contains("PDF") == true)
    }

    @Test("an empty file")
    func empty() throws {
        let url = try Fixture.temporary("empty.csv", [])
        #expect(ingestProblem(url)?.problem.contains("空") == true)
    }
}
