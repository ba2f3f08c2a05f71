import Foundation
import KankeiModel
import Testing
@testable import KankeiReport

/// The wording lives in `pipelines/report/`: a phrase changed there changes both summaries without a
/// rebuild, and a template the office broke is explained, not half-rendered.
@Suite("Report templates in pipelines/report")
struct ReportTemplatesTests {
    /// A copy of the repository's templates that a test may edit.
    private func copy() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kankei-templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Repository.pipelines.appendingPathComponent("report"), to: folder)
        return folder
    }

    private func edit(_ folder: URL, _ file: String, _ change: (String) -> String) throws {
        let url = folder.appendingPathComponent(file)
        try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    private let reasons = tabulation([choiceQuestion(.multiple, [("関係人口の創出に関心があった", 23), ("先進事例に興味があった", 20)], answered: 29)])

    @Test("the office rewords the ranking sentence and a heading: summary.html and summary.md both read the new words")
    func officeRewords() throws {
        let folder = try copy()
        try edit(folder, "wording.yaml") {
            $0.replacingOccurrences(of: "が続いた。{{/hasFollowers}}", with: "が次いだ。{{/hasFollowers}}")
                .replacingOccurrences(of: "  overview: アンケート結果の概要", with: "  overview: アンケートの要点")
        }
        let writer = ReportWriter(templates: try ReportTemplates(folder: folder))
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("kankei-report-\(UUID().uuidString)")
        try writer.write(reasons, to: out)
        let sentence = "WEB説明会に参加した理由（複数回答）は、「関係人口の創出に関心があった」（79.3%）が最も多く、「先進事例に興味があった」（69.0%）が次いだ。"
        for file in ["summary.html", "summary.md"] {
            let text = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
            #expect(text.contains(sentence), "\(file)")
            #expect(text.contains("アンケートの要点") && !text.contains("アンケート結果の概要"), "\(file)")
        }
    }

    @Test("a missing phrase names itself and the file")
    func missingPhrase() throws {
        let folder = try copy()
        try edit(folder, "wording.yaml") { $0.replacingOccurrences(of: "  unanimous:", with: "  unanimously:") }
        let problem = try #require(throws: ReportTemplateProblem.self) { try ReportTemplates(folder: folder) }
        #expect(problem.file == "pipelines/report/wording.yaml")
        #expect(problem.message.contains("sentences.unanimous"))
    }

    @Test("a broken section in a page template is reported with its line")
    func brokenPage() throws {
        let folder = try copy()
        try edit(folder, "summary.md.mustache") { $0.replacingOccurrences(of: "{{/hasKPIs}}", with: "{{/hasKPI}}") }
        let problem = try #require(throws: ReportTemplateProblem.self) { try ReportTemplates(folder: folder) }
        #expect(problem.file == "pipelines/report/summary.md.mustache")
        #expect(problem.line != nil && problem.message.contains("行目"))
    }

    @Test("a label a page asks for that wording.yaml lacks is named")
    func unknownLabel() throws {
        let folder = try copy()
        try edit(folder, "index.html.mustache") { $0.replacingOccurrences(of: "{{w.headings.events}}", with: "{{w.headings.event_list}}") }
        let problem = try #require(throws: ReportTemplateProblem.self) { try ReportTemplates(folder: folder) }
        #expect(problem.file == "pipelines/report/index.html.mustache")
        #expect(problem.message.contains("headings.event_list"))
    }

    @Test("no templates at all: the message says where to copy them from")
    func noTemplates() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("kankei-none-\(UUID().uuidString)")
        let problem = try #require(throws: ReportTemplateProblem.self) { try ReportTemplates.load(pipelines: empty) }
        #expect(problem.remedy.contains("pipelines/report/"))
    }

    @Test("Markdown cells keep an answer's pipe and line break from breaking the table")
    func markdownEscaping() throws {
        var question = choiceQuestion(.single, [("A|B", 2), ("C", 1)], answered: 3, label: "改行\nと|縦棒")
        question.texts = []
        let page = EventPage(tabulation([question], respondents: 3), club: nil, Repository.templates)
        let markdown = Repository.templates.render(.summaryMarkdown, page)
        #expect(markdown.contains("| A\\|B | 2 | 66.7% |"))
        #expect(markdown.contains("### 改行 と\\|縦棒"))
        let html = Repository.templates.render(.summaryHTML, page)
        #expect(html.contains("<td>A|B</td>"))
    }

    @Test("HTML escapes what respondents wrote")
    func htmlEscaping() throws {
        let question = QuestionResult(id: "c", survey: "s", text: "ご意見", label: "ご意見", type: .text,
                                      base: QuestionBase(respondents: 1, answered: 1, responses: 0), options: [],
                                      texts: ["<script>alert(1)</script> & \"引用\""], prose: ProseRule(), reference: false)
        let html = Repository.templates.render(.summaryHTML, EventPage(tabulation([question], respondents: 1), club: nil, Repository.templates))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引用&quot;"))
    }

    @Test("registrants count 社 for a company audience, 団体 otherwise")
    func organizationUnit() {
        var event = tabulation([])
        #expect(EventPage(event, club: nil, Repository.templates).facts.map(\.value).contains("106名（74団体）"))
        event.event.audience = .company
        event.event.organizations = 21
        event.event.registrants = 55
        #expect(EventPage(event, club: nil, Repository.templates).facts.map(\.value).contains("55名（21社）"))
    }
}

@Suite("Club and Markdown details")
struct ClubAndMarkdownTests {
    private func club(start: String?, end: String?, ongoing: Bool) -> ClubProfile {
        ClubProfile(id: "club-03", number: 3, title: "③北海道奈井江町×大手電気機器", start: start, end: end, ongoing: ongoing,
                    attendance: AttendanceSummary(attendance: []), ratings: [])
    }

    @Test("a club's period: 継続中 only while it goes on, also when an ended club has no end month", arguments: [
        ("2021-11", "2022-01", false, "令和3年11月～令和4年1月"), ("2021-07", nil, true, "令和3年7月～（継続中）"),
        ("2021-07", nil, false, "令和3年7月～"),
    ] as [(String, String?, Bool, String)])
    func period(start: String, end: String?, ongoing: Bool, expected: String) {
        let section = ClubSection(club(start: start, end: end, ongoing: ongoing), Repository.templates)
        #expect(section.facts.first { $0.label == "『放課後企業クラブ』実施" }?.value == expected)
        #expect(section.facts.first { $0.label == "満足度" }?.value == "クラブアンケートの回答はまだない")
    }

    @Test("what a respondent wrote cannot become markup in summary.md")
    func markdownInjection() {
        let question = QuestionResult(id: "c", survey: "s", text: "ご意見", label: "ご意見", type: .text,
                                      base: QuestionBase(respondents: 1, answered: 1, responses: 0), options: [],
                                      texts: ["<img src=x onerror=alert(1)> **太字** [リンク](javascript:x) `code`"], prose: ProseRule(), reference: false)
        let markdown = Repository.templates.render(.summaryMarkdown, EventPage(tabulation([question], respondents: 1), club: nil, Repository.templates))
        #expect(markdown.contains(#"- &lt;img src=x onerror=alert(1)&gt; \*\*太字\*\* \[リンク\](javascript:x) \`code\`"#))
    }

    /// Answers that make links, images or HTML in GitHub's renderer (cmark-gfm with its
    /// extensions) or in markdown-it with linkify, unless escaped.
    static let hostileAnswers = [
        #"[x]: https://evil.example "title""#, "[事務局][x]", "![t][img]", "[img]: https://evil.example/p.png",
        "www.evil.example", "evil.com/path", "www.evil.com", "taro＠example.com", "mailto:a@b.com", "https://evil.example", "<https://evil.example>", "taro@example.com",
        "<b>太字</b>", "&lt;script&gt;", "[a](https://evil.example)", "# 見出し", "> 引用", "~~消す~~",
    ]

    @Test("summary.md rendered by cmark-gfm (GitHub) and markdown-it (linkify) shows no link, image or HTML from an answer")
    func markdownRenderers() throws {
        let question = QuestionResult(id: "c", survey: "s", text: "ご意見", label: "ご意見", type: .text,
                                      base: QuestionBase(respondents: 1, answered: 1, responses: 0), options: [],
                                      texts: Self.hostileAnswers, prose: ProseRule(), reference: false)
        let markdown = Repository.templates.render(.summaryMarkdown, EventPage(tabulation([question], respondents: 1), club: nil, Repository.templates))
        let gfm = try MarkdownRenderer.render(markdown, with: MarkdownRenderer.onPath("cmark-gfm"),
                                              ["--extension", "autolink", "--extension", "table", "--extension", "strikethrough", "--unsafe"])
        let markdownIt = try MarkdownRenderer.render(markdown, with: MarkdownRenderer.markdownItPython(), ["-c",
            "import sys, markdown_it; sys.stdout.write(markdown_it.MarkdownIt('commonmark', {'linkify': True, 'html': True}).enable(['linkify', 'table', 'strikethrough']).render(sys.stdin.read()))"])
        for html in [gfm, markdownIt] {
            #expect(html.contains("evil"))
            for tag in ["<a ", "<img", "<b>", "<del", "<s>", "<h1>見出し", "<blockquote", "<script"] {
                #expect(!html.contains(tag), "\(tag) in \(html)")
            }
        }
    }

    @Test("an invalid date is shown as written, not rolled over into another month")
    func invalidDate() {
        #expect(JapaneseDate.format(iso: "2021-13-45") == "2021-13-45")
        #expect(JapaneseDate.format(iso: "2022-02-29") == "2022-02-29")
        #expect(DateText.isISODate("2024-02-29") && !DateText.isISODate("2022-02-29") && !DateText.isISODate("2022/3/5"))
    }
}
