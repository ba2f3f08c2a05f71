import Foundation
import KankeiModel
import Testing

/// `kankei run` over a copy of `Samples/`: the figures and sentences of report section 5.2.
@Suite("kankei run over the samples reproduces report section 5.2")
struct SamplesEndToEndTests {
    @Test("the municipal webinar: 106名（74団体）, 79.3 / 69.0 / 69.0 %, 75.9 / 58.6 / 51.7 %, 関心あり 100%")
    func municipalWebinar() throws {
        let workspace = try sampleWorkspace()
        let result = try kankei(["run", "--workspace", workspace.path])
        #expect(result.status == 0, "\(result.stderr)")
        let tabulation = try summary(workspace, municipal)
        #expect(tabulation.event.kind == .webinar)
        #expect(tabulation.event.date == "2022-02-04")
        #expect(tabulation.event.title == "「都市部の民間企業とのオンライン関係人口づくりの具体例」WEB説明会")
        #expect(tabulation.event.registrants == 106)
        #expect(tabulation.event.organizations == 74)
        #expect(tabulation.event.attendees == 81)
        #expect(tabulation.respondents == 29)
        let reason = try #require(tabulation.question("reason"))
        #expect(reason.type == .multiple && reason.base.answered == 29)
        #expect(reason.top(3, by: .respondents) == ["79.3", "69.0", "69.0"])
        #expect(try #require(tabulation.question("impression")).top(3, by: .respondents) == ["75.9", "58.6", "51.7"])
        let interest = try #require(tabulation.question("interest"))
        #expect(interest.options.first?.label == "関心あり" && interest.options.first?.percentOfRespondents?.fixed == "100.0")
        #expect(tabulation.kpis.first?.id == "kpi-4-4" && tabulation.kpis.first?.achieved == true)

        let markdown = try text(workspace.appendingPathComponent("reports/\(municipal)/summary.md"))
        #expect(markdown.contains("「関係人口の創出に関心があった」（79.3%）が最も多く、「都市部の民間企業との連携に関心があった」（69.0%）、「先進事例に興味があった」（69.0%）が続いた。"))
        #expect(markdown.contains("「放課後企業クラブ」への関心度は、100%の方が「関心あり」と回答した。"))
        #expect(markdown.contains("106名（74団体）"))
        #expect(result.stdout.contains(workspace.appendingPathComponent("reports/\(municipal)/summary.html").path))
        #expect(result.stdout.contains(workspace.appendingPathComponent("reports/index.html").path))
    }

    @Test("the company webinar: 55名（21社）, shares of all selections 41.2 / 23.5 / 17.6 % and 33.3 / 23.1 / 17.9 %")
    func companyWebinar() throws {
        let workspace = try sampleWorkspace()
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let tabulation = try summary(workspace, company)
        #expect(tabulation.event.registrants == 55)
        #expect(tabulation.event.organizations == 21)
        #expect(tabulation.event.date == "2022-02-10")
        let reason = try #require(tabulation.question("reason"))
        #expect(reason.top(3, by: .responses) == ["41.2", "23.5", "17.6"])
        #expect(reason.base.responses == 17)
        // The option 「SDGs, ESGの取組に関心があったから」 contains ", " and is still one option.
        #expect(reason.options.first { $0.label.hasPrefix("SDGs") }?.count == 2)
        #expect(!reason.options.contains { $0.unlisted })
        #expect(try #require(tabulation.question("useful")).top(3, by: .responses) == ["33.3", "23.1", "17.9"])
        #expect(tabulation.question("interest")?.options.first?.percentOfRespondents?.fixed == "100.0")

        let markdown = try text(workspace.appendingPathComponent("reports/\(company)/summary.md"))
        #expect(markdown.contains("「地方自治体との連携に関心があったから」（41.2%）が最も多く、「オンラインを活用したコミュニケーションに関心があったから」（23.5%）、「社員の『社外交流の場』づくりに関心があったから」（17.6%）が続いた。"))
        #expect(markdown.contains("「放課後企業クラブを通じた『地方自治体との出会いの場』」（33.3%）が最も高く、「中間支援のプラットフォーム『まちのキャリア支援室』のしくみや活動内容」（23.1%）、「放課後企業クラブを通じた『社員の人材育成』」（17.9%）が続いた。"))
        #expect(markdown.contains("「放課後企業クラブ」への関心度は、100%の方が「関心あり」と回答した。"))
    }

    @Test("every file read is archived byte for byte under its sha256; the inbox is left empty")
    func archive() throws {
        let workspace = try sampleWorkspace()
        let originals = files(below: Repository.samples.appendingPathComponent("inbox"))
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        #expect(files(below: workspace.appendingPathComponent("inbox")).isEmpty)
        let archived = Set(files(below: workspace.appendingPathComponent("archive")).map(\.lastPathComponent))
        for original in originals {
            let data = try Data(contentsOf: original)
            let digest = try runCommand(onPath("sha256sum"), [original.path]).stdout.prefix(64)
            let name = "\(digest).\(original.pathExtension)"
            #expect(archived.contains(name), "\(original.lastPathComponent)")
            #expect(try Data(contentsOf: workspace.appendingPathComponent("archive/\(name)")) == data)
        }
    }

    @Test("no e-mail address reaches any report file")
    func noAddresses() throws {
        let workspace = try sampleWorkspace()
        #expect(try kankei(["run", "--workspace", workspace.path, "--keep-intermediates"]).status == 0)
        let reports = files(below: workspace.appendingPathComponent("reports"))
        #expect(reports.count >= 10)  // 3 files per event, plus intermediates
        let address = #/[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+\.[A-Za-z0-9.\-]+/#
        for file in reports {
            let content = try text(file)
            #expect(content.firstMatch(of: address) == nil, "\(file.lastPathComponent)")
        }
    }

    @Test("running again changes nothing; the same export dropped twice is counted once")
    func idempotent() throws {
        let workspace = try sampleWorkspace()
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let before = try Data(contentsOf: workspace.appendingPathComponent("reports/\(company)/summary.json"))
        #expect(try kankei(["run", "--workspace", workspace.path]).stdout.contains("新しいファイルはありません"))
        let survey = try #require(files(below: Repository.samples.appendingPathComponent("inbox/\(company)"))
            .first { $0.lastPathComponent.hasPrefix("WEB報告会") })
        let again = workspace.appendingPathComponent("inbox/\(company)/ダウンロード（2）.csv")
        try FileManager.default.createDirectory(at: again.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: survey, to: again)
        let rerun = try kankei(["run", "--workspace", workspace.path])
        #expect(rerun.status == 0)
        #expect(rerun.stdout.contains("ダウンロード（2）.csv"))
        #expect(try Data(contentsOf: workspace.appendingPathComponent("reports/\(company)/summary.json")) == before)
    }

    @Test("a file as long as one already read is hashed before it is read: other bytes count, the same bytes are a duplicate, two copies together count once")
    func sameLength() throws {
        let workspace = try sampleWorkspace()
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let survey = try #require(files(below: Repository.samples.appendingPathComponent("inbox/\(company)"))
            .first { $0.lastPathComponent.hasPrefix("WEB報告会") })
        // One digit of the export changed: as many bytes as the archived file, but other bytes.
        var bytes = [UInt8](try Data(contentsOf: survey))
        let digit = try #require(bytes.lastIndex { $0 >= UInt8(ascii: "0") && $0 < UInt8(ascii: "9") })
        bytes[digit] += 1
        let inbox = workspace.appendingPathComponent("inbox/\(company)")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        for name in ["修正版.csv", "修正版（2）.csv"] { try Data(bytes).write(to: inbox.appendingPathComponent(name)) }
        try FileManager.default.copyItem(at: survey, to: inbox.appendingPathComponent("再ダウンロード.csv"))
        let digest = try runCommand(onPath("sha256sum"), [inbox.appendingPathComponent("修正版.csv").path])
            .stdout.prefix(64)

        let rerun = try kankei(["run", "--workspace", workspace.path])
        #expect(rerun.status == 0)
        let duplicates = try #require(rerun.stdout.split(separator: "\n").first { $0.hasPrefix("処理済みと同じ内容のため数えなかったファイル") })
        #expect(duplicates.contains("再ダウンロード.csv"))
        #expect(duplicates.contains("修正版（2）.csv") != duplicates.contains("修正版.csv"))
        #expect(Set(files(below: workspace.appendingPathComponent("archive")).map(\.lastPathComponent)).contains("\(digest).csv"))
        #expect(files(below: inbox).isEmpty)
    }

    @Test("a file that arrives later joins its event's earlier files")
    func lateFile() throws {
        let workspace = try sampleWorkspace()
        let inbox = workspace.appendingPathComponent("inbox/\(municipal)")
        let survey = try #require(files(below: inbox).first { $0.lastPathComponent.hasPrefix("WEB説明会") })
        let held = workspace.appendingPathComponent("held.csv")
        try FileManager.default.moveItem(at: survey, to: held)
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        #expect(try summary(workspace, municipal).respondents == 0)
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: held, to: inbox.appendingPathComponent("survey.csv"))
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let tabulation = try summary(workspace, municipal)
        #expect(tabulation.respondents == 29 && tabulation.event.registrants == 106 && tabulation.event.attendees == 81)
    }
}
