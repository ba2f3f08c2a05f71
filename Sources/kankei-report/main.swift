import ArgumentParser
import Foundation
import KankeiModel
import KankeiReport

/// `kankei-report`: a `Tabulation` in (JSON on stdin), the report files out.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kankei-report",
        abstract: "Write summary.json, summary.md and tables.csv for a tabulation read from stdin.")

    @Option(help: "The folder to write the report into.")
    var out: String

    func run() throws {
        var tabulation: Tabulation?
        try StageIO.forEach(StageIO.input(Tabulation.self)) { tabulation = $0 }
        guard let tabulation else {
            StageIO.warn("kankei-report: 標準入力に集計結果（kankei-tabulate の出力）がありません。")
            throw ExitCode(2)
        }
        for url in try ReportWriter.write(tabulation, to: URL(fileURLWithPath: out)) { print(url.path) }
    }
}

ReportCommand.main()
