import ArgumentParser
import Foundation
import KankeiModel
import KankeiWorkspace

/// `kankei backup`.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the core (consistently, even during a run), the secret, pipelines/ and kpi-values.yaml into a new folder.",
        discussion: """
        Restore: stop kankei watch, copy core.sqlite and .kankei/secret (and pipelines/, kpi-values.yaml if needed) \
        back into the workspace, then run kankei run. archive/ is not copied: keep it with your ordinary file backup.
        """)

    @OptionGroup var location: WorkspaceOption

    @Option(name: .customLong("to"), help: "A new or empty folder for the backup.", transform: { URL(fileURLWithPath: $0) })
    var destination: URL

    func run() throws {
        do {
            let summary = try WorkspaceBackup.run(workspace: location.url, to: destination)
            StageIO.say("kankei backup: \(summary.folder.standardizedFileURL.path) に \(summary.items.joined(separator: "、")) を保存しました。")
        } catch let error as WorkspaceError {
            StageIO.warn("kankei backup: \(error.message)")
            throw ExitCode(2)
        }
    }
}
