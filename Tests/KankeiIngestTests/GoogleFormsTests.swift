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
        #expect(responses[1].submittedAt == "2022-02-04T14:50:00")
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

@Suite("Personal data in survey exports")
struct PersonalDataTests {
    @Test("name, second e-mail, reading and phone columns are recognised by their words and never passed on")
    func personalColumns() throws {
        let records = try ingestRecords(Fixture.url("google-forms-personal.csv"))
        #expect(records.compactMap(\.surveyColumns).first?.columns == ["ご意見"])
        let json = try records.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }.joined()
        for secret in ["山田", "やまだ", "example.jp", "1234"] { #expect(!json.contains(secret), "\(secret)") }
    }

    @Test("姓・名・セイ・メイ, LINE ID, birth dates, postal code and SNS handles are never passed on; a question about SNS stays")
    func japanesePersonalColumns() throws {
        let records = try ingestRecords(Fixture.url("google-forms-personal-japanese.csv"))
        #expect(records.compactMap(\.surveyColumns).first?.columns == ["SNSで知りましたか", "ご意見"])
        let json = try records.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }.joined()
        for secret in ["山田", "太郎", "ヤマダ", "タロウ", "yamada", "1980", "4月1日", "123-4567", "example.com", "1234-5678"] {
            #expect(!json.contains(secret), "\(secret)")
        }
        #expect(json.contains("良かった。［メールアドレス］ まで。電話は［電話番号］"))
    }

    @Test("phone numbers as people write them are masked inside answers", arguments: [
        "03-1234-5678", "03(1234)5678", "（03）1234－5678", "０９０－１２３４－５６７８", "09012345678", "+81 3 1234 5678",
        "+81-3-1234-5678", "03.1234.5678", "+81.90.1234.5678",
    ])
    func phones(number: String) {
        #expect(PersonalDataMask.mask("連絡先は\(number)です") == "連絡先は［電話番号］です")
    }

    @Test("addresses however they are written are masked inside answers, and the words around them stay", arguments: [
        "taro@example.com", "taro[at]example.com", "taro(at)example.com", "taro (at) example (dot) com", "taro @ example . com",
        "taro＠example.com", "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ", "太郎@例え.jp", "taro［アット］example.co.jp", "taro at example.com",
    ])
    func addresses(address: String) {
        #expect(PersonalDataMask.mask("連絡先は \(address) までお願いします") == "連絡先は ［メールアドレス］ までお願いします")
        #expect(PersonalDataMask.mask("資料を送ってください（\(address)）") == "資料を送ってください（［メールアドレス］）")
    }

    @Test("ordinary numbers are left alone")
    func notPhones() {
        for text in ["参加者は1,234名", "2022年2月4日", "延2,764人（実人員415人）", "〒123-4567", "（No.12345）"] {
            #expect(PersonalDataMask.mask(text) == text)
        }
    }

    @Test("the quick check lets every phone number and address through to the regular expressions", arguments: [
        "03-1234-5678", "03(1234)5678", "（03）1234－5678", "０９０－１２３４－５６７８", "09012345678", "+81 3 1234 5678",
        "＋８１ ３ １２３４ ５６７８", "tanaka@example.jp", "ｔａｎａｋａ＠example.jp",
    ])
    func quickCheck(contact: String) {
        #expect(PersonalDataMask.mayHoldContact("連絡先は\(contact)です"))
        #expect(!PersonalDataMask.mayHoldContact("会員番号12345、参加3回"))
    }
}
