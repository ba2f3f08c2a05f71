import ArgumentParser
import Foundation
import KankeiModel
import KankeiReport

/// `kankei-report`: a `Tabulation` in (JSON on stdin), the report files out.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kankei-report",
        abstract: "Write summary.json, summary.html, summary.md and tables.csv for a tabulation read from stdin.",
        discussion: "The words and page layouts come from <pipelines>/report/ (wording.yaml and *.mustache).")

    @Option(help: "The folder to write the report into.")
    var out: String

    @Option(help: "The folder of definitions whose report/ subfolder holds the templates.")
    var pipelines: String = "pipelines"

    func run() throws {
        let templates: ReportTemplates
        do {
            templates = try ReportTemplates.load(pipelines: URL(fileURLWithPath: pipelines))
        } catch let problem as ReportTemplateProblem {
            StageIO.warn("kankei-report: 報告書のテンプレートを使えません: \(problem)")
            throw ExitCode(2)
        }
        var tabulation: Tabulation?
        try StageIO.forEach(StageIO.input(Tabulation.self)) { tabulation = $0 }
        guard let tabulation else {
            StageIO.warn("kankei-report: 標準入力に集計結果（kankei-tabulate の出力）がありません。")
            throw ExitCode(2)
        }
        for url in try ReportWriter(templates: templates).write(tabulation, to: URL(fileURLWithPath: out)) { print(url.path) }
    }
}

ReportCommand.main()
