import ArgumentParser
import Foundation
import KankeiModel
import KankeiWorkspace

/// `kankei`: the driver. Runs the stages in-process over a workspace.
struct Kankei: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kankei",
        abstract: "Kankei: Zoom and survey exports in, reviewers' summaries out.",
        subcommands: [Run.self, CoreCommand.self, MatchCommand.self])
}

extension Kankei {
    /// `kankei run`.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Process everything in the workspace's inbox/ and write one report per event.",
            discussion: """
            Each subfolder of inbox/ is an event. Read files move to archive/ (under their sha256), unreadable ones to quarantine/ beside an .error.txt, reports go to reports/<event>/ (summary.html, summary.md, summary.json, tables.csv), and reports/index.html lists every event with the KPI table. Wording and page layouts come from <pipelines>/report/.

            Exit status: 0 all went well, 1 some file was quarantined or something needs a look (see standard error), 2 usage or workspace error.
            """)

        @Option(help: "The workspace folder (holds inbox/, archive/, quarantine/, reports/). Default: $KANKEI_WORKSPACE, else the current folder.")
        var workspace: String?

        @Option(help: "The folder of survey definitions and report templates (report/). Default: <workspace>/pipelines.")
        var pipelines: String?

        @Flag(help: "Also keep the records between stages as line-delimited JSON in reports/<event>/intermediates/.")
        var keepIntermediates = false

        func run() throws {
            let root = workspace ?? ProcessInfo.processInfo.environment["KANKEI_WORKSPACE"] ?? FileManager.default.currentDirectoryPath
            let options = BatchRun.Options(pipelines: pipelines.map { URL(fileURLWithPath: $0) }, keepIntermediates: keepIntermediates)
            let report: RunReport
            do {
                report = try BatchRun(workspace: URL(fileURLWithPath: root), options: options).run()
            } catch let error as WorkspaceError {
                StageIO.warn("kankei run: \(error.message)")
                throw ExitCode(2)
            }
            print(RunSummaryText.render(report))
            for warning in report.warnings { StageIO.warn("注意: \(warning)") }
            for file in report.quarantined {
                StageIO.warn("隔離: \(file.event.map { "inbox/\($0)/" } ?? "inbox/")\(file.name) → \(file.location.path)\n  \(file.problem.locationText): \(file.problem.problem)\n  対処: \(file.problem.remedy)")
            }
            if report.exitCode != 0 { throw ExitCode(report.exitCode) }
        }
    }
}

/// Usage errors exit with 2 (ArgumentParser's default is 64), as DESIGN.md's contract says.
do {
    var command = try Kankei.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = Kankei.exitCode(for: error)
    if code == .success {
        print(Kankei.fullMessage(for: error))
        Foundation.exit(0)
    }
    StageIO.warn(Kankei.fullMessage(for: error))
    Foundation.exit(2)
}
