import Foundation
import KankeiModel
import Testing
@testable import KankeiIngest

@Suite("libcsv reader: rows as a spreadsheet shows them, strict quotes, size caps")
struct CSVReaderTests {
    private func rows(_ text: String, bom: Bool = false, limits: CSVReader.Limits = .init()) throws -> [(Int, [String])] {
        let url = try Fixture.temporary("t.csv", (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8))
        var result: [(Int, [String])] = []
        try CSVReader(limits: limits).read(try ByteSource(url: url)) { result.append(($0.row, $0.fields)) }
        return result
    }

    @Test("CRLF, LF, blank lines and quoted line breaks keep row numbers exact")
    func rowNumbers() throws {
        let result = try rows("a,b\r\n\r\nc,\"d\r\ne\"\nf,g\n\n,,\nh")
        #expect(result.map(\.0) == [1, 3, 5, 8])
        #expect(result.map(\.1) == [["a", "b"], ["c", "d\r\ne"], ["f", "g"], ["h"]])
    }

    @Test("a UTF-8 byte-order mark is not part of the first field")
    func byteOrderMark() throws {
        let result = try rows("タイムスタンプ,設問\n", bom: true)
        #expect(result.first?.1 == ["タイムスタンプ", "設問"])
    }

    @Test("a quote left open at the end of the file names the row it opened on")
    func unbalancedQuote() {
        let problem = ingestProblem(Fixture.url("unbalanced-quote.csv"))
        #expect(problem?.location == .row(2))
        #expect(problem?.problem.contains("引用符") == true)
    }

    @Test("a stray quote (inside an unquoted field, or after a closing quote) is read as a character, as Excel and Python's csv read it, and its record is marked")
    func strayQuote() throws {
        let url = try Fixture.temporary("t.csv", Array("a,b\r\n1,x \"y\" z\r\n2,\"q\"r,s\r\n3,\"ok, \"\"quoted\"\"\"\r\n".utf8))
        var records: [CSVRecord] = []
        try CSVReader().read(try ByteSource(url: url)) { records.append($0) }
        #expect(records.map(\.fields) == [["a", "b"], ["1", "x \"y\" z"], ["2", "qr", "s"], ["3", "ok, \"quoted\""]])
        #expect(records.map(\.strayQuote) == [false, true, true, false])
        #expect(records.map(\.row) == [1, 2, 3, 4])
    }

    @Test("a survey export with a stray quote is counted whole, with a note naming the row")
    func strayQuoteNote() throws {
        let records = try ingestRecords(Fixture.url("stray-quote.csv"))
        #expect(records.compactMap(\.response).count == 2)
        let notes = records.compactMap { if case .notice(let notice) = $0 { notice.message } else { nil } }
        #expect(notes.count == 1 && notes[0].contains("3行目") && notes[0].contains("stray-quote.csv"))
    }

    @Test("a field larger than the cap is refused without reading the rest")
    func fieldCap() throws {
        let big = "タイムスタンプ,設問\n2022/02/04,\"" + String(repeating: "あ", count: 300_000) + "\"\n"
        let url = try Fixture.temporary("big.csv", Array(big.utf8))
        let problem = ingestProblem(url, limits: .init(maxFieldBytes: 256 << 10))
        #expect(problem?.location == .row(2))
        #expect(problem?.problem.contains("大きすぎます") == true)
    }

    @Test("bytes that are not UTF-8 are refused with the row and how to re-save")
    func notUTF8() {
        let problem = ingestProblem(Fixture.url("shift-jis.csv"))
        #expect(problem?.location == .row(2))
        #expect(problem?.remedy.contains("CSV UTF-8") == true)
    }
}
