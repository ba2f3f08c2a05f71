import ArgumentParser
import Foundation
import KankeiModel
import KankeiWorkspace

/// `kankei run`.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Process everything in the workspace's inbox/ and write one report per event.",
        discussion: """
        Each subfolder of inbox/ is an event. Read files move to archive/ (under their sha256), unreadable ones to quarantine/ beside an .error.txt, reports go to reports/<event>/ (summary.html, summary.md, summary.json, tables.csv), and reports/index.html lists every event with the KPI table. Wording and page layouts come from <pipelines>/report/. Temporary files (~$*.xlsx, *.crdownload, *.part, .~lock*) are left alone.

        One run at a time per workspace: a second run waits for the first (or, with --no-wait, says so and stops). A run stopped at any moment (even kill -9) is finished by the next one with the same results.

        Exit status: 0 all went well, 1 some file was quarantined or something needs a look (see standard error), 2 usage or workspace error (or, with --no-wait, another run holds the workspace).
        """)

    @OptionGroup var options: RunOptions

    func run() throws {
        let report: RunReport
        do {
            report = try BatchRun(workspace: options.workspaceURL, options: options.batchOptions()).run()
        } catch let error as WorkspaceError {
            StageIO.warn("kankei run: \(error.message)")
            throw ExitCode(2)
        }
        RunSummaryText.print(report)
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}

/// The options `kankei run` and `kankei watch` share.
struct RunOptions: ParsableArguments {
    @Option(help: "The workspace folder (holds inbox/, archive/, quarantine/, reports/). Default: $KANKEI_WORKSPACE, else the current folder.")
    var workspace: String?

    @Option(help: "The folder of survey definitions and report templates (report/). Default: <workspace>/pipelines.")
    var pipelines: String?

    @Flag(help: "Also keep the records between stages as line-delimited JSON in reports/<event>/intermediates/.")
    var keepIntermediates = false

    @Flag(inversion: .prefixedNo, help: "When another run holds the workspace, wait for it to finish.")
    var wait = true

    @Flag(name: [.short, .long], help: "Structured logs (logfmt) of every step on standard error.")
    var verbose = false

    var workspaceURL: URL {
        URL(fileURLWithPath: workspace ?? ProcessInfo.processInfo.environment["KANKEI_WORKSPACE"] ?? FileManager.default.currentDirectoryPath)
    }

    func batchOptions() -> BatchRun.Options {
        var options = BatchRun.Options(pipelines: pipelines.map { URL(fileURLWithPath: $0) }, keepIntermediates: keepIntermediates)
        options.wait = wait
        options.waiting = { StageIO.warn($0) }
        options.logger = LogfmtLogHandler.logger(verbose: verbose)
        if let bar = ProgressBar.forTerminal() {
            options.progress = { file, read, total in bar.update(file: file, read: read, total: total) }
        }
        return options
    }
}
