import ArgumentParser
import Foundation
import KankeiModel
import KankeiWorkspace

/// `kankei watch`.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Process files as they arrive in inbox/, each once it is complete.",
        discussion: """
        Polls the inbox every --interval seconds. A file is taken once its size and time have not changed for --settle seconds; temporary files (~$*.xlsx, *.crdownload, *.part, .~lock*) are never taken. Each batch is a `kankei run` over the complete files only. A bad file is quarantined and watching goes on; a file a batch could not take (or a batch that could not run) is tried again after 10 s, 20 s, 40 s … up to 5 minutes, and at once when it changes. Stop with Ctrl-C or SIGTERM: the batch in progress finishes first.
        """)

    @OptionGroup var options: RunOptions

    @Option(help: "Seconds between looks at the inbox.")
    var interval: Double = 2

    @Option(help: "Seconds a file must stay unchanged before it is read.")
    var settle: Double = 5

    func validate() throws {
        guard interval > 0, settle >= 0 else { throw ValidationError("--interval must be > 0 and --settle >= 0.") }
    }

    func run() throws {
        var watch = InboxWatcher.Options()
        watch.interval = interval
        watch.settle = settle
        watch.run = options.batchOptions()
        let stop = StopSignal()
        StageIO.say("kankei watch: \(options.workspaceURL.standardizedFileURL.path)/inbox を見張っています（Ctrl-C で終了）。")
        InboxWatcher(workspace: options.workspaceURL, options: watch).watch(shouldStop: { stop.isStopped }) { event in
            switch event {
            case .batch(let files, let report):
                StageIO.say("— \(LocalTime.text(Date())) 処理したファイル: \(files.map(TerminalText.line).joined(separator: "、"))")
                RunSummaryText.print(report)
            case .failed(let files, let message):
                StageIO.warn("— \(LocalTime.text(Date())) \(files.map(TerminalText.line).joined(separator: "、")) を処理できませんでした: \(message)（しばらく待つか、ファイルが変わったら再び試します）")
            }
        }
        StageIO.say("kankei watch: 終了しました。")
    }

}
