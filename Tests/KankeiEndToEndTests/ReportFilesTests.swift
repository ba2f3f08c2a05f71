import Foundation
import KankeiModel
import Testing

/// The report files reviewers open, over a run of the samples: `summary.html` (parsed with
/// libxml2's HTML parser), `summary.md` in the same words, `reports/index.html`, `tables.csv`.
@Suite("summary.html, summary.md, index.html and tables.csv over the samples")
struct ReportFilesTests {
    /// One run of the samples, shared by the tests that only read its reports.
    static let samples: URL = {
        let workspace = try! sampleWorkspace()
        let result = try! kankei(["run", "--workspace", workspace.path])
        precondition(result.status == 0, result.stderr)
        return workspace
    }()

    private func report(_ event: String, _ file: String) -> URL {
        Self.samples.appendingPathComponent("reports/\(event)/\(file)")
    }

    @Test("each webinar's summary.html: one chart per question and the figures of section 5.2", arguments: [
        (municipal, ["106名（74団体）", "81名", "29名（参加者に対する回答率 35.8%）",
                     "WEB説明会に参加した理由（複数回答）は、「関係人口の創出に関心があった」（79.3%）が最も多く、「都市部の民間企業との連携に関心があった」（69.0%）、「先進事例に興味があった」（69.0%）が続いた。",
                     "WEB説明会の内容で印象に残った点（複数回答）は、「放課後企業クラブを通じた『民間企業人材との協働チーム』」（75.9%）が最も高く、「放課後企業クラブを通じた『住民参加型まちづくり』」（58.6%）、「放課後企業クラブを通じた『地域課題の解決』」（51.7%）が続いた。",
                     "「放課後企業クラブ」への関心度は、100%の方が「関心あり」と回答した。"]),
        (company, ["55名（21社）",
                   "WEB説明会に参加した理由（複数回答）は、「地方自治体との連携に関心があったから」（41.2%）が最も多く、「オンラインを活用したコミュニケーションに関心があったから」（23.5%）、「社員の『社外交流の場』づくりに関心があったから」（17.6%）が続いた。",
                   "WEB説明会の内容で参考になった点（複数回答）は、「放課後企業クラブを通じた『地方自治体との出会いの場』」（33.3%）が最も高く、「中間支援のプラットフォーム『まちのキャリア支援室』のしくみや活動内容」（23.1%）、「放課後企業クラブを通じた『社員の人材育成』」（17.9%）が続いた。",
                   "「放課後企業クラブ」への関心度は、100%の方が「関心あり」と回答した。"]),
    ])
    func webinar(event: String, figures: [String]) throws {
        let html = try HTMLElement.parse(report(event, "summary.html"))
        let text = html.textContent
        for figure in figures { #expect(text.contains(figure), "\(figure)") }

        let questions = QuestionResult.flattened(try summary(Self.samples, event).questions)
        let sections = html.all("section", class: "question")
        #expect(sections.map { $0.attributes["id"] } == questions.map { "q-\($0.id)" })
        for (section, question) in zip(sections, questions) {
            #expect(section.all("svg", class: "chart").count == (question.type == .text ? 0 : 1), "\(question.id)")
            // n < 30: every share is a reference value, and the heading says so.
            #expect(section.all("span", class: "badge").map(\.textContent) == (question.reference ? ["参考値"] : []), "\(question.id)")
            if question.type == .multiple {
                #expect(section.all("th").map(\.textContent).contains("回答比"))
            }
        }
        #expect(html.all("svg", class: "chart").count == questions.filter { $0.type != .text }.count)
        // Bars of the quoted base: the municipal reasons chart has 23 of 29 at 79.3%.
        let firstChart = try #require(html.all("svg", class: "chart").first)
        #expect(firstChart.textContent.contains(event == municipal ? "79.3%（23）" : "41.2%（7）"))
    }

    @Test("summary.html is self-contained: no script, no link, nothing fetched")
    func selfContained() throws {
        for event in try FileManager.default.contentsOfDirectory(atPath: Self.samples.appendingPathComponent("reports").path)
        where !event.hasSuffix(".html") {
            let html = try HTMLElement.parse(report(event, "summary.html"))
            #expect(html.all("script").isEmpty && html.all("link").isEmpty && html.all("img").isEmpty, "\(event)")
            #expect(html.descendants.allSatisfy { $0.attributes["src"] == nil }, "\(event)")
            #expect(html.all("style").count == 1)
            #expect(html.all("style").first?.textContent.contains("@page { size: A4;") == true)
        }
    }

    @Test("summary.md says what summary.html says: every sentence, label and figure of the Markdown is in the HTML")
    func sameWords() throws {
        for event in try FileManager.default.contentsOfDirectory(atPath: Self.samples.appendingPathComponent("reports").path)
        where !event.hasSuffix(".html") {
            let html = try HTMLElement.parse(report(event, "summary.html")).textContent
            let markdown = try text(report(event, "summary.md"))
            var pieces = 0
            for piece in Self.pieces(ofMarkdown: markdown) {
                let found = html.contains(piece)
                #expect(found, "\(event): \(piece)")
                pieces += 1
            }
            #expect(pieces > 10)
        }
    }

    /// The words of a Markdown summary: table cells, headings, list items and lines, without the
    /// syntax and with the escapes of what respondents wrote undone.
    static func pieces(ofMarkdown markdown: String) -> [String] {
        markdown.split(whereSeparator: \.isNewline).flatMap { line -> [String] in
            unescaped(markdownLine: String(line))
        }
    }

    private static func unescaped(markdownLine line: String) -> [String] {
        var line = line
        if line.hasPrefix("|") {
            if line.hasPrefix("|---") { return [] }
            line = String(line.dropFirst().dropLast())
            return line.replacingOccurrences(of: "\\|", with: "\u{1}").components(separatedBy: "|")
                .map { unescape($0.replacingOccurrences(of: "\u{1}", with: "|")).trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        }
        for prefix in ["### ", "## ", "# ", "- "] where line.hasPrefix(prefix) { line = String(line.dropFirst(prefix.count)) }
        return [unescape(line).split(whereSeparator: \.isWhitespace).joined(separator: " ")]
    }

    /// Markdown's escapes undone: word joiners (which stop autolinks) removed, a backslash before
    /// ASCII punctuation dropped, entities decoded.
    private static func unescape(_ text: String) -> String {
        var plain = ""
        var escaping = false
        for character in text where character != "\u{2060}" {
            if !escaping, character == "\\" {
                escaping = true
                continue
            }
            if escaping, !(character.isASCII && character.isPunctuation || character.isASCII && character.isSymbol) { plain.append("\\") }
            escaping = false
            plain.append(character)
        }
        var text = plain
        for (escaped, unescaped) in [("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: escaped, with: unescaped)
        }
        return text
    }

    @Test("the club's summary.html has section 5.4's table from the core")
    func clubTable() throws {
        let club1 = try HTMLElement.parse(report("2021-club-01-takasu-dept-store", "summary.html"))
        let table = try #require(club1.all("section").first { $0.attributes["id"] == "club" })
        for figure in ["①北海道鷹栖町×大手百貨店", "延264人（自治体・地域側：144人、企業側：120人）", "令和3年7月～（継続中）", "12回",
                       "自治体・地域側 100%（n=10）、企業側 100%（n=8）"] {
            #expect(table.textContent.contains(figure), "\(figure)")
        }
        let club2 = try HTMLElement.parse(report("2021-club-02-naie-trading", "summary.html")).textContent
        for figure in ["延68人（自治体・地域側：40人、企業側：28人）", "令和3年10月～令和3年12月", "4回"] {
            #expect(club2.contains(figure), "\(figure)")
        }
    }

    @Test("index.html lists every sample event, newest first, with kind, n, KPI status and links")
    func index() throws {
        let index = try HTMLElement.parse(Self.samples.appendingPathComponent("reports/index.html"))
        let events = try #require(index.all("section").first { $0.attributes["id"] == "events" })
        let rows = events.all("tr").dropFirst()
        let samples = try FileManager.default.contentsOfDirectory(atPath: Repository.samples.appendingPathComponent("inbox").path)
            .filter { !$0.hasPrefix(".") }
        #expect(rows.count == samples.count)
        let linked = rows.compactMap { $0.all("a").first?.attributes["href"] }
        let newestFirst = try samples.map { try summary(Self.samples, $0).event }.sorted { ($0.date ?? "") > ($1.date ?? "") }
        #expect(linked == newestFirst.map { "\($0.id)/summary.html" })
        for href in linked { #expect(FileManager.default.fileExists(atPath: Self.samples.appendingPathComponent("reports/\(href)").path)) }
        let municipalRow = try #require(rows.first { $0.textContent.contains("令和4年2月4日（金）") })
        #expect(municipalRow.all("td").map(\.textContent).prefix(5) == ["令和4年2月4日（金）", "「都市部の民間企業とのオンライン関係人口づくりの具体例」WEB説明会",
                                                                           "WEB説明会", "29", "1/1 達成"])
        // One club survey so far: no line yet, and the page says when there will be one.
        #expect(index.all("svg", class: "line-chart").isEmpty)
        #expect(index.textContent.contains("満足度を尋ねたアンケートが2回以上になると"))
    }

    @Test("index.html's KPI table is section 6.1: targets, values from the core, surveys and the entered file, verdicts")
    func programme() throws {
        let index = try HTMLElement.parse(Self.samples.appendingPathComponent("reports/index.html"))
        let table = try #require(index.all("section").first { $0.attributes["id"] == "programme" })
        let rows = Dictionary(table.all("tr").dropFirst().map { row in
            let cells = row.all("td").map(\.textContent)
            return (cells[0], Array(cells.dropFirst()))
        }, uniquingKeysWith: { first, _ in first })
        #expect(rows.count == 13)
        #expect(rows["①(1) 参加する企業人材の数"]?.prefix(4) == ["延500人", "延148人", "未達成", "算出値（コアの記録）"])
        #expect(rows["①(2) 参加する地域住民や自治体職員等の数"]?.prefix(3) == ["延300人", "延184人", "未達成"])
        #expect(rows["②(1) 『まちのキャリア支援室』の利活用企業数"]?.prefix(3) == ["30社", "30社", "達成"])
        #expect(rows["②(1) 『まちのキャリア支援室』の利活用企業数"]?[3].hasPrefix("入力値") == true)
        #expect(rows["②(1) 『まちのキャリア支援室』の利活用企業数"]?[3].contains("コアの記録からは8社") == true)
        #expect(rows["②(3) 『放課後企業クラブ』のSNS“いいね”数"]?.prefix(3) == ["1,000件", "—", "—"])
        #expect(rows["③(1) 企業と連携して始動した地域課題解決関連のプロジェクト数"]?.prefix(4) == ["10事業", "12事業", "達成", "入力値"])
        #expect(rows["③(2) 企業人材から提案された事業・アイデア等の件数"]?.prefix(4) == ["300件", "710件", "達成", "入力値"])
        for id in ["④(1) 事業の参加企業からの評価（満足度）", "④(1) 事業の参加企業からの評価（継続の意向）",
                   "④(3) 事業の参加自治体からの評価（満足度）", "④(3) 事業の参加自治体からの評価（継続の意向）"] {
            #expect(rows[id]?.prefix(3) == ["90%以上", "100%", "達成"], "\(id)")
            #expect(rows[id]?[3].hasPrefix("算出値（アンケート）") == true, "\(id)")
        }
        #expect(rows["④(2) 新規企業の事業への参画の関心度（次年度以降の参画意向等）"]?.prefix(3) == ["80%以上", "100%", "達成"])
        #expect(rows["④(4) 新規自治体の事業への参画の関心度（次年度以降の参画意向等）"]?.prefix(3) == ["80%以上", "100%", "達成"])
    }

    @Test("tables.csv opens in Japanese Excel: UTF-8 BOM and CRLF")
    func csv() throws {
        let bytes = [UInt8](try Data(contentsOf: report(municipal, "tables.csv")))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.contains("reason,WEB説明会に参加した理由（複数回答）,複数回答,関係人口の創出に関心があった,,23,79.3,27.7,29,83,参考値,"))
    }

    @Test("a formula, an address and a phone number in a free-text answer: Excel shows the formula as text, no report shows the contact")
    func hostileComments() throws {
        let csv = [UInt8](try Data(contentsOf: Repository.fixtures.appendingPathComponent("reports/formula-and-contacts.csv")))
        let workspace = try sampleWorkspace(extra: ["2022-02-25-followup/アンケート.csv": csv])
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let folder = workspace.appendingPathComponent("reports/2022-02-25-followup")
        let table = String(decoding: try Data(contentsOf: folder.appendingPathComponent("tables.csv")).dropFirst(3), as: UTF8.self)
        #expect(table.contains(#","'=HYPERLINK(""http://example.com/x"",""資料"")""#))
        #expect(table.contains("'+81 90") == false)  // the phone number is masked before it could be a formula
        for file in files(below: workspace.appendingPathComponent("reports")) {
            let content = try text(file)
            #expect(!content.contains("jiro.sato") && !content.contains("0123-45-6789") && !content.contains("1111 2222"), "\(file.lastPathComponent)")
            #expect(content.firstMatch(of: #/[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+\.[A-Za-z0-9.\-]+/#) == nil, "\(file.lastPathComponent)")
        }
        let html = try HTMLElement.parse(folder.appendingPathComponent("summary.html"))
        let comments = html.all("ul", class: "texts").flatMap { $0.all("li") }.map(\.textContent)
        #expect(comments.contains(#"=HYPERLINK("http://example.com/x","資料")"#))
        #expect(comments.contains { $0.hasPrefix("詳しくは") && $0.contains("メールアドレス") })
        let markdown = try text(folder.appendingPathComponent("summary.md"))
        #expect(markdown.contains("\\| 次回も参加したい"))  // a pipe in an answer cannot break the Markdown
    }

    @Test("a second club survey draws satisfaction over time on the index, one line per side")
    func satisfactionHistory() throws {
        let sample = try #require(files(below: Repository.samples.appendingPathComponent("inbox/2022-02-18-club-feedback")).first)
        var lines = try text(sample).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        if lines.count == 1 { lines = try text(sample).components(separatedBy: "\n").filter { !$0.isEmpty } }
        // An interim survey in December: fewer answers, one company member only 「どちらともいえない」.
        var interim = Array(lines.prefix(21)).map { $0.replacingOccurrences(of: "2022/02/18", with: "2021/12/10") }
        let company = try #require(interim.indices.dropFirst().first { interim[$0].contains(",企業側,満足,") })
        interim[company] = interim[company].replacingOccurrences(of: ",企業側,満足,", with: ",企業側,どちらともいえない,")
        let workspace = try sampleWorkspace(extra: [
            "2021-12-10-club-feedback-interim/中間アンケート.csv": Array((interim.joined(separator: "\r\n") + "\r\n").utf8),
            "2021-12-10-club-feedback-interim/event.yaml": Array("kind: survey\ndate: 2021-12-10\ntitle: 『放課後企業クラブ』中間アンケート\n".utf8),
        ])
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let index = try HTMLElement.parse(workspace.appendingPathComponent("reports/index.html"))
        let chart = try #require(index.all("svg", class: "line-chart").first)
        #expect(chart.all("polyline").count == 2)
        #expect(chart.all("circle").count == 4)
        #expect(chart.textContent.contains("2021/12/10") && chart.textContent.contains("2022/2/18"))
        #expect(chart.textContent.contains("目標 90%"))
        #expect(chart.textContent.contains("100.0%"))
        // The December company figure is below 100%.
        let interimSummary = try summary(workspace, "2021-12-10-club-feedback-interim")
        let companyShare = try #require(interimSummary.segments.first { $0.club == nil && $0.side == .company }?.measure(.satisfaction)?.value)
        #expect(companyShare.tenths < 1_000)
        #expect(chart.textContent.contains("\(companyShare.fixed)%"))
    }

    @Test("the office changes a phrase in the workspace's pipelines/report: the next run rewrites every report, no rebuild")
    func rewordWithoutRebuild() throws {
        let workspace = try sampleWorkspace()
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let wording = workspace.appendingPathComponent("pipelines/report/wording.yaml")
        try text(wording).replacingOccurrences(of: "  registrants: 申込人数", with: "  registrants: 申込者数")
            .write(to: wording, atomically: true, encoding: .utf8)
        let json = try Data(contentsOf: workspace.appendingPathComponent("reports/\(municipal)/summary.json"))
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)  // nothing new in the inbox
        for file in ["summary.html", "summary.md"] {
            let report = try text(workspace.appendingPathComponent("reports/\(municipal)/\(file)"))
            #expect(report.contains("申込者数") && !report.contains("申込人数"), "\(file)")
        }
        #expect(try Data(contentsOf: workspace.appendingPathComponent("reports/\(municipal)/summary.json")) == json)
    }

    @Test("a broken template stops the run before any file moves, and says which file and what to do")
    func brokenTemplate() throws {
        let workspace = try sampleWorkspace()
        let page = workspace.appendingPathComponent("pipelines/report/summary.html.mustache")
        try text(page).replacingOccurrences(of: "{{/questions}}", with: "").write(to: page, atomically: true, encoding: .utf8)
        let before = files(below: workspace.appendingPathComponent("inbox")).count
        let result = try kankei(["run", "--workspace", workspace.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("pipelines/report/summary.html.mustache") && result.stderr.contains("行目"))
        #expect(files(below: workspace.appendingPathComponent("inbox")).count == before)
        #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("reports/\(municipal)").path))
    }

    @Test("kpi-values.yaml with odd values: each is named in a warning, none crashes the run or reaches the table")
    func oddEnteredValues() throws {
        let workspace = try sampleWorkspace()
        try """
        kpi-3-1: -3
        kpi-3-2: .inf
        kpi-2-3: { valu: 5, note: 2022-03-01 }
        kpi-9-9: 1
        """.write(to: workspace.appendingPathComponent("kpi-values.yaml"), atomically: true, encoding: .utf8)
        let result = try kankei(["run", "--workspace", workspace.path])
        #expect(result.status == 1)
        for warning in ["「kpi-3-1」の値「-3」は0以上の数ではない", "「kpi-3-2」の値", "「kpi-2-3」の「valu」は使われません", "「kpi-9-9」は pipelines/kpis.yaml にない"] {
            #expect(result.stderr.contains(warning), "\(warning)")
        }
        let index = try HTMLElement.parse(workspace.appendingPathComponent("reports/index.html"))
        let rows = index.all("tr").map { $0.all("td").map(\.textContent) }
        let ideas = try #require(rows.first { $0.first?.hasPrefix("③(2)") == true })
        #expect(ideas[2] == "—" && ideas[4] == "未入力")
        let sns = try #require(rows.first { $0.first?.hasPrefix("②(3)") == true })
        #expect(sns[4] == "入力値 2022-03-01")
    }
}
