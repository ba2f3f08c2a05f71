import KankeiModel
import Testing
@testable import KankeiReport

@Suite("tables.csv for Japanese Excel")
struct TablesCSVTests {
    private let tabulation = Tabulation(
        event: EventSummary(id: "e", kind: .webinar, title: nil, date: nil, registrants: nil, organizations: nil, attendees: nil),
        respondents: 2, responseRate: nil,
        questions: [QuestionResult(id: "c", survey: "s", text: "ご意見", label: "ご意見", type: .text,
                                   base: QuestionBase(respondents: 2, answered: 2, responses: 0), options: [], topBox: nil,
                                   texts: ["=HYPERLINK(\"http://example.com\",\"x\")", "良かった, また参加したい"],
                                   prose: ProseRule(), reference: false)],
        kpis: [], notes: [])

    @Test("UTF-8 with BOM and CRLF line ends, so a double-click opens it right")
    func bomAndLineEnds() {
        let bytes = TablesCSV.render(tabulation)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("設問ID,設問,種類,選択肢"))
        #expect(text.components(separatedBy: "\r\n").count == 5)  // header, count row, two texts, final empty
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test("a formula in a free-text answer is written so Excel shows it as text")
    func formulaInjection() {
        let text = String(decoding: TablesCSV.render(tabulation).dropFirst(3), as: UTF8.self)
        #expect(text.contains("\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\""))
        #expect(TablesCSV.field("+81 3") == "'+81 3")
        #expect(TablesCSV.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(TablesCSV.field("-12.5") == "-12.5")  // a number stays a number
        // Full-width signs (typed with a Japanese IME) and a DDE pipe start formulas too.
        for cell in ["＝HYPERLINK(1)", "＋81", "－1+1", "＠SUM(A1)", "|cmd", "｜cmd"] {
            #expect(TablesCSV.field(cell).hasPrefix("'"), "\(cell)")
        }
    }
}
