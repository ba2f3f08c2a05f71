import Foundation
import KankeiIngest
import KankeiModel
import Testing
import ZIPFoundation

/// A zip with `parts` (path → bytes), deflated, written to a fresh temporary file.
func zipFile(_ name: String, _ parts: [(String, [UInt8])]) throws -> URL {
    let url = try Fixture.temporary(name, [])
    try FileManager.default.removeItem(at: url)
    let archive = try Archive(url: url, accessMode: .create)
    for (path, bytes) in parts {
        let data = Data(bytes)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
    return url
}

/// A minimal xlsx whose first sheet holds `sheet` and whose shared strings are `strings`.
func xlsx(sheet: String, strings: String?) throws -> URL {
    var parts: [(String, [UInt8])] = [
        ("[Content_Types].xml", Array(#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.utf8)),
        ("xl/workbook.xml", Array(#"<?xml version="1.0"?><workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId7"/></sheets></workbook>"#.utf8)),
        ("xl/_rels/workbook.xml.rels", Array(#"<?xml version="1.0"?><Relationships><Relationship Id="rId7" Target="worksheets/responses.xml"/></Relationships>"#.utf8)),
        ("xl/worksheets/responses.xml", Array(("<?xml version=\"1.0\"?><worksheet><sheetData>" + sheet + "</sheetData></worksheet>").utf8)),
    ]
    if let strings { parts.append(("xl/sharedStrings.xml", Array(("<?xml version=\"1.0\"?><sst>" + strings + "</sst>").utf8))) }
    return try zipFile("回答.xlsx", parts)
}

@Suite("Encodings: detected from the bytes, never configured")
struct EncodingTests {
    @Test("bytes that are neither UTF-8 nor CP932 are refused, naming the encodings tried")
    func undecidable() {
        let bytes: [UInt8] = Array("Timestamp,Q\n2022/02/04 10:00:00,".utf8) + [0x80, 0xFD, 0xFE, 0x0A]
        let problem = ingestProblem(try! Fixture.temporary("x.csv", bytes))
        #expect(problem?.location == .wholeFile)
        #expect(problem?.problem.contains("CP932（Shift_JIS）") == true && problem?.problem.contains("UTF-16") == true)
    }

    @Test("CP932 with NEC and IBM extensions (①, ～, 髙) reads as the same text")
    func cp932() throws {
        // "タイムスタンプ,ご意見\r\n2022/02/04 14:31:38,①満足～髙橋さん\r\n" in CP932 (① 87 40, ～ 81 60, 髙 EE E0).
        let bytes: [UInt8] = [
            0x83, 0x5E, 0x83, 0x43, 0x83, 0x80, 0x83, 0x58, 0x83, 0x5E, 0x83, 0x93, 0x83, 0x76, 0x2C, 0x82, 0xB2, 0x88, 0xD3, 0x8C,
            0xA9, 0x0D, 0x0A, 0x32, 0x30, 0x32, 0x32, 0x2F, 0x30, 0x32, 0x2F, 0x30, 0x34, 0x20, 0x31, 0x34, 0x3A, 0x33, 0x31, 0x3A,
            0x33, 0x38, 0x2C, 0x87, 0x40, 0x96, 0x9E, 0x91, 0xAB, 0x81, 0x60, 0xEE, 0xE0, 0x8B, 0xB4, 0x82, 0xB3, 0x82, 0xF1, 0x0D, 0x0A,
        ]
        let records = try ingestRecords(try Fixture.temporary("sjis.csv", bytes))
        #expect(records.first?.source?.encoding == "CP932 (Shift_JIS)")
        #expect(records.compactMap(\.response).first?.cells == [.text("①満足～髙橋さん")])
    }

    @Test("UTF-16 with BOM, tab-separated (Excel's Unicode text), and mixed CRLF / LF line ends")
    func utf16() throws {
        let text = "Timestamp\tQ\r\n2/4/2022 14:31:38\t\"A\tB\"\n2/4/2022 15:00:00\tC\r\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let records = try ingestRecords(try Fixture.temporary("unicode.txt", bytes))
        #expect(records.first?.source?.encoding == "UTF-16LE (BOM)")
        let responses = records.compactMap(\.response)
        #expect(responses.map(\.cells) == [[.text("A\tB")], [.text("C")]])
        #expect(responses.map(\.provenance.row) == [2, 3])
        #expect(responses.first?.submittedAt == "2022-02-04T14:31:38")
    }
}

@Suite("Zoom poll reports")
struct ZoomPollTests {
    @Test("question/answer pairs, trailing commas, quoted line breaks, `;` multi-choice; one person's rows merge")
    func pairs() throws {
        let csv = """
        Poll Report
        Report Generated:,"Feb 07, 2022 10:20 AM"
        Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Participants
        説明会,812 3456 7890,"Feb 4, 2022 01:30 PM",62,81
        #,User Name,User Email,Submitted Date/Time,
        1,山田 花子,hanako@example.jp,"Feb 4, 2022 14:31:38",理由,A;B,感想,"良かった
        また参加したい",
        2,佐藤 一郎,ichiro@example.jp,"Feb 4, 2022 14:32:00",理由,B,
        3,山田 花子,hanako@example.jp,"Feb 4, 2022 14:40:00",関心,あり,

        """
        let records = try ingestRecords(try Fixture.temporary("PollReport.csv", Array(csv.utf8)))
        #expect(records.first?.source?.format == .zoomPollReport)
        #expect(records.compactMap(\.webinar).first?.date == "2022-02-04")
        #expect(records.compactMap(\.surveyColumns).first?.columns == ["理由", "感想", "関心"])
        let responses = records.compactMap(\.response)
        #expect(responses.count == 2)
        #expect(responses[0].cells == [.text("A;B"), .text("良かった\nまた参加したい"), .text("あり")])
        #expect(responses[0].submittedAt == "2022-02-04T14:31:38")
        #expect(responses[1].cells == [.text("B"), nil, nil])
    }

    @Test("guests without an address: same name, same question again is another person; by address, the later answer replaces")
    func namesakes() throws {
        let csv = """
        Poll Report
        #,User Name,User Email,Submitted Date/Time,
        1,iPhone,,"Feb 4, 2022 14:31:38",理由,A,
        2,iPhone,,"Feb 4, 2022 14:31:40",理由,B,
        3,iPhone,,"Feb 4, 2022 14:40:00",関心,あり,
        4,山田 花子,hanako@example.jp,"Feb 4, 2022 14:32:00",理由,A,
        5,山田 花子,hanako@example.jp,"Feb 4, 2022 14:35:00",理由,C,

        """
        let responses = try ingestRecords(try Fixture.temporary("PollReport.csv", Array(csv.utf8))).compactMap(\.response)
        #expect(responses.count == 3)
        // The third "iPhone" row joins the latest person of that name (rows come in submission order).
        #expect(responses.map(\.cells) == [[.text("A"), nil], [.text("B"), .text("あり")], [.text("C"), nil]])
        #expect(responses[0].person == nil && responses[2].person != nil)
    }

    @Test("the newer layouts: one column per question, or one row per answer")
    func newerLayouts() throws {
        let wide = "Poll Report\n#,User Name,User Email,Submitted Date/Time,理由,関心\n1,A,a@example.jp,\"Feb 4, 2022 14:31:38\",A;B,あり\n"
        let long = "Poll Report\n#,User Name,User Email,Submitted Time (Asia/Tokyo),Question,Answer\n1,A,a@example.jp,08/30/2026,理由,A\n2,A,a@example.jp,08/30/2026,理由,B\n"
        for csv in [wide, long] {
            let records = try ingestRecords(try Fixture.temporary("PollReport.csv", Array(csv.utf8)))
            #expect(records.compactMap(\.surveyColumns).first?.columns.first == "理由")
            #expect(records.compactMap(\.response).first?.cells.first == .text("A;B"))
        }
    }
}

@Suite("Microsoft Forms xlsx")
struct MicrosoftFormsTests {
    @Test("shared strings without their furigana, Excel serial times, `A;B;C;`, the e-mail kept out")
    func sharedStrings() throws {
        let strings = "<si><t>ID</t></si><si><t>開始時刻</t></si><si><t>完了時刻</t></si><si><t>メール</t></si><si><t>名前</t></si>"
            + "<si><r><t>参加</t></r><r><t>理由</t></r><rPh sb=\"0\" eb=\"2\"><t>サンカリユウ</t></rPh></si>"
            + "<si><t>a@example.jp</t></si><si><t>山田 花子</t></si><si><t xml:space=\"preserve\">A;B;C;</t></si>"
        let sheet = #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>"#
            + #"<row r="2"><c r="A2"><v>1</v></c><c r="C2" s="1"><v>44596.605300925926</v></c><c r="D2" t="s"><v>6</v></c><c r="E2" t="s"><v>7</v></c><c r="F2" t="s"><v>8</v></c></row>"#
            + #"<row r="4"><c r="A4"><v>2</v></c><c r="C4"><v>44596.625</v></c></row>"#
        let records = try ingestRecords(try xlsx(sheet: sheet, strings: strings))
        #expect(records.first?.source?.format == .microsoftFormsXLSX)
        #expect(records.compactMap(\.surveyColumns).first?.columns == ["参加理由"])
        let responses = records.compactMap(\.response)
        #expect(responses.map(\.provenance.row) == [2, 4])
        #expect(responses[0].cells == [.text("A;B;C;")])
        #expect(responses[0].submittedAt == "2022-02-04T14:31:38")
        #expect(responses[0].person != nil)
        #expect(responses[1].submittedAt == "2022-02-04T15:00:00")
    }

    @Test("a part that expands past the cap is refused as a zip bomb; a broken zip is named so")
    func zipBomb() throws {
        let bomb = try zipFile("bomb.xlsx", [("xl/workbook.xml", [UInt8](repeating: 0x20, count: 3 << 20))])
        let problem = ingestProblem(bomb, limits: .init(maxZipPartBytes: 1 << 20))
        #expect(problem?.problem.contains("zip bomb") == true)
        // A part whose headers lie about its size is stopped while it inflates.
        var lying = [UInt8](try Data(contentsOf: bomb))
        for (signature, offset) in [([0x50, 0x4B, 0x03, 0x04] as [UInt8], 22), ([0x50, 0x4B, 0x01, 0x02], 24)] {
            let start = try #require((0..<lying.count - 4).first { Array(lying[$0..<$0 + 4]) == signature })
            lying.replaceSubrange(start + offset..<start + offset + 4, with: [0x00, 0x04, 0x00, 0x00])
        }
        let liar = ingestProblem(try Fixture.temporary("liar.xlsx", lying), limits: .init(maxZipPartBytes: 1 << 20))
        #expect(liar?.problem.contains("zip bomb") == true)
        let broken = try Fixture.temporary("cut.xlsx", [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 7, count: 100))
        #expect(ingestProblem(broken)?.problem.contains("壊れていて開けません") == true)
    }
}

@Suite("LimeSurvey, Qualtrics and SurveyMonkey")
struct SurveyToolTests {
    static let same = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("KankeiEndToEndTests/Fixtures/same-survey")

    @Test("a LimeSurvey .lsr alone is refused: it has no question texts; with its .lss it reads")
    func limeSurveyNeedsStructure() throws {
        let folder = Self.same.appendingPathComponent("limesurvey-lss-lsr")
        let responses = folder.appendingPathComponent("survey_123456_responses.lsr")
        let problem = ingestProblem(responses)
        #expect(problem?.problem.contains(".lss") == true && problem?.remedy.contains(".lsa") == true)
        var records: [IngestRecord] = []
        try Ingestor(keys: testKeys).ingest(responses, companions: [folder.appendingPathComponent("limesurvey_survey_123456.lss")]) {
            records.append($0)
        }
        let columns = try #require(records.compactMap(\.surveyColumns).first)
        #expect(columns.columns.count == 4)
        #expect(columns.options?[2] == ["関心あり", "どちらともいえない", "関心なし"])
        // 30 rows, one never completed (no submitdate).
        #expect(records.compactMap(\.response).count == 29)
        // Ticked subquestions and the other text are one answer; an absent element is no answer.
        #expect(records.compactMap(\.response).contains { response in
            guard case .choices(let items)? = response.cells[0] else { return false }
            return items.contains("議会で関係人口が話題になったため") && items.count >= 2
        })
    }

    @Test("Qualtrics: previews are not answers; numeric downloads give options by number")
    func qualtrics() throws {
        let numeric = try ingestRecords(Self.same.appendingPathComponent("qualtrics-csv-numeric/WEB説明会アンケート_February 4, 2022_15.00.csv"))
        #expect(numeric.compactMap(\.surveyColumns).first?.optionNumbers == true)
        #expect(numeric.compactMap(\.response).count == 29)
        let text = try ingestRecords(Self.same.appendingPathComponent("qualtrics-csv-text/WEB説明会アンケート_February 4, 2022_15.00.csv"))
        #expect(text.compactMap(\.surveyColumns).first?.optionNumbers == false)
        #expect(text.compactMap(\.surveyColumns).first?.columns.first == "本日のWEB説明会に参加された理由を教えてください。（複数回答可）")
    }

    @Test("SurveyMonkey: options spread over columns become one multiple answer with its 「その他」 text")
    func surveyMonkey() throws {
        let records = try ingestRecords(Self.same.appendingPathComponent("surveymonkey/Data_All_220204.csv"))
        let columns = try #require(records.compactMap(\.surveyColumns).first)
        #expect(columns.columns.count == 4)
        #expect(columns.options?[0]?.first == "関係人口の創出に関心があった")
        #expect(records.compactMap(\.response).allSatisfy { if case .choices? = $0.cells[0] { true } else { $0.cells[0] == nil } })
    }

    @Test("SurveyMonkey 2017: a NUL in each metadata cell of header row 2 is an empty cell; a NUL inside text is still damage")
    func surveyMonkeyNulCells() throws {
        let header = "RespondentID,CollectorID,StartDate,EndDate,IP Address,Email Address,First Name,LastName,Custom Data,参加理由\r\n"
        let labels = "\0,\0,\0,\0,\0,\0,\0,\0,\0,Response\r\n"
        let row = "5343553482,96864758,04/25/2017 23:03:44,04/28/2017 22:31:44,192.0.2.1,,,,,関心があった\r\n"
        let records = try ingestRecords(try Fixture.temporary("Sheet_1.csv", Array((header + labels + row).utf8)))
        #expect(records.compactMap(\.surveyColumns).first?.columns == ["参加理由"])
        #expect(records.compactMap(\.response).first?.cells == [.text("関心があった")])
        let damaged = try Fixture.temporary("damaged.csv", Array((header + "Response,\0x\r\n" + row).utf8))
        #expect(ingestProblem(damaged)?.problem.contains("NUL") == true)
    }
}
