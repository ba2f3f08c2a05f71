import ArgumentParser
import Foundation
import KankeiModel
import KankeiWorkspace

/// `kankei withdraw`.
struct WithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Take a file out of an event's figures (a misfiled export) and count the event again.",
        discussion: """
        FILE is the file's name as it was dropped, or the start of its sha256 (kankei status and the report's notes show it). \
        Its bytes stay in archive/; kankei status lists what was withdrawn. Dropping the same bytes into the right event counts them there. \
        When it was the event's last file, the event leaves the core, the index and reports/. \
        The rest of the inbox is processed as by kankei run.
        """)

    @OptionGroup var options: RunOptions

    @Option(help: "The event the file was counted in (its inbox folder name).")
    var event: String

    @Argument(help: "The file's name, or the start of its sha256 (at least 6 characters).")
    var file: String

    func run() throws {
        var batch = options.batchOptions()
        batch.withdraw = (event, file)
        let report: RunReport
        do {
            report = try BatchRun(workspace: options.workspaceURL, options: batch).run()
        } catch let error as WorkspaceError {
            StageIO.warn("kankei withdraw: \(error.message)")
            throw ExitCode(2)
        }
        for name in report.withdrawn { StageIO.say("取り下げました: \(TerminalText.line(name))（archive/ に保管したまま）") }
        for event in report.removedEvents {
            StageIO.say("イベント「\(TerminalText.line(event))」はファイルがなくなったため、集計と報告書（reports/\(TerminalText.line(event))/）を外しました。正しいファイルを inbox/\(TerminalText.line(event))/ に置けば、また集計します。")
        }
        RunSummaryText.print(report)
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
