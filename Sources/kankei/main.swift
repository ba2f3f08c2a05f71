import ArgumentParser
import Foundation
import KankeiModel
import KankeiWorkspace

/// `kankei`: the driver. Runs the stages in-process over a workspace.
struct Kankei: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kankei",
        abstract: "Kankei: Zoom and survey exports in, reviewers' summaries out.",
        subcommands: [RunCommand.self, WatchCommand.self, StatusCommand.self, WithdrawCommand.self, BackupCommand.self, CoreCommand.self, MatchCommand.self])
}

// Everything Kankei creates in a workspace is readable by its owner only (0700 folders, 0600 files).
umask(0o077)

/// Usage errors exit with 2 (ArgumentParser's default is 64), as DESIGN.md's contract says.
do {
    var command = try Kankei.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = Kankei.exitCode(for: error)
    if code == .success {
        StageIO.say(Kankei.fullMessage(for: error))
        Foundation.exit(0)
    }
    StageIO.warn(Kankei.fullMessage(for: error))
    Foundation.exit(2)
}
