import ArgumentParser
import Foundation
import KankeiCore
import KankeiModel
import KankeiWorkspace

/// `kankei status`.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "What waits in inbox/, what sits in quarantine/ and why, and the last runs.")

    @OptionGroup var location: WorkspaceOption

    @Option(help: "How many of the latest runs to list.")
    var runs = 5

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let status: WorkspaceStatus
        do {
            status = try WorkspaceStatus.read(workspace: location.url, runs: runs)
        } catch let error as WorkspaceError {
            StageIO.warn("kankei status: \(error.message)")
            throw ExitCode(2)
        }
        StageIO.say(json ? try JSONOutput.string(status) : StatusText.render(status))
    }
}

/// `kankei status` as text (Japanese).
enum StatusText {
    static func render(_ status: WorkspaceStatus) -> String {
        var lines = ["ワークスペース: \(TerminalText.line(status.workspace))", "実行中: \(status.running ?? "なし")", ""]
        let readable = status.waiting.filter { $0.temporary == nil }
        lines.append(readable.isEmpty ? "inbox で待っているファイル: なし" : "inbox で待っているファイル（\(readable.count)件、次の kankei run で処理）:")
        for file in status.waiting {
            let size = String(format: "%.1f KB", Double(file.bytes) / 1024)
            let note = file.temporary.map { "　※\($0)。完成するまで読みません" } ?? ""
            lines.append("  \(TerminalText.line(file.path))　\(size)　\(time(file.modified)) 更新\(note)")
        }
        lines.append("")
        lines.append(status.quarantined.isEmpty ? "quarantine のファイル: なし" : "quarantine のファイル（\(status.quarantined.count)件）:")
        for file in status.quarantined {
            lines.append("  \(TerminalText.line(file.name))\(file.event.map { "（イベント \(TerminalText.line($0))）" } ?? "")　\(time(file.quarantinedAt))")
            lines.append("    \(TerminalText.line(file.location)): \(TerminalText.line(file.problem))")
            lines.append("    対処: \(TerminalText.line(file.remedy))")
        }
        if !status.withdrawn.isEmpty {
            lines.append("")
            lines.append("取り下げたファイル（\(status.withdrawn.count)件、archive/ に保管）:")
            for file in status.withdrawn {
                lines.append("  \(TerminalText.line(file.event))/\(TerminalText.line(file.name))　sha256 \(file.sha256.prefix(12))　\(time(file.at)) 取り下げ")
            }
        }
        lines.append("")
        lines.append(status.runs.isEmpty ? "これまでの実行: なし" : "最近の実行:")
        for run in status.runs {
            lines.append("  #\(run.id ?? 0) \(time(run.startedAt)) 開始　" + outcome(run, runningPID: status.runningPID))
        }
        return lines.joined(separator: "\n")
    }

    private static func outcome(_ run: RunRecord, runningPID: Int?) -> String {
        guard let finished = run.finishedAt else {
            return runningPID == run.pid ? "実行中"
                : "中断（終了を記録できずに止まりました。残った作業は次の実行で完了します）"
        }
        let result = run.exitCode == 0 ? "完了" : "完了（確認が必要な点あり）"
        return "\(result)　\(time(finished)) 終了・イベント\(run.events)件・新しいファイル\(run.files)件・重複\(run.duplicates)件・隔離\(run.quarantined)件・注意\(run.warnings)件"
    }

    /// An ISO 8601 time as local time, or as written when it does not read.
    private static func time(_ iso: String) -> String {
        ISO8601DateFormatter().date(from: iso).map(LocalTime.text) ?? iso
    }
}
