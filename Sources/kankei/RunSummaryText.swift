import Foundation
import KankeiModel
import KankeiWorkspace

/// What `kankei run` prints: per event, its headcounts and where the report is (Japanese).
enum RunSummaryText {
    static func render(_ report: RunReport) -> String {
        var lines: [String] = []
        if report.events.isEmpty, report.quarantined.isEmpty, report.duplicates.isEmpty, report.warnings.isEmpty {
            return "inbox に新しいファイルはありません。"
        }
        lines.append("kankei run: \(report.events.count)件のイベントのレポートを作成しました（\(String(format: "%.2f", report.seconds))秒）。")
        for event in report.events {
            let summary = event.tabulation.event
            var facts: [String] = []
            if let registrants = summary.registrants {
                let unit = summary.audience == .company ? "社" : "団体"
                facts.append("申込\(registrants)名" + (summary.organizations.map { "（\($0)\(unit)）" } ?? ""))
            }
            if let attendees = summary.attendees { facts.append("参加\(attendees)名") }
            if let attendance = event.tabulation.attendance {
                facts.append("関係人口 \(attendance.reportLine)・実人員\(attendance.unique)人・セッション\(attendance.sessions)回")
            }
            if !event.tabulation.questions.isEmpty { facts.append("回答\(event.tabulation.respondents)名") }
            if !event.feedback.added.isEmpty || event.feedback.unchanged > 0 {
                facts.append("マッチング評価 \(event.feedback.added.count)件を記録" + (event.feedback.unchanged > 0 ? "（既存\(event.feedback.unchanged)件は変更なし）" : ""))
            }
            lines.append("- \(TerminalText.line(event.id)): " + facts.joined(separator: "・"))
            lines.append("  レポート: \(TerminalText.line(event.reportFolder.appendingPathComponent("summary.html").path))（summary.md、tables.csv も同じフォルダ）")
        }
        if let index = report.index { lines.append("一覧: \(TerminalText.line(index.path))") }
        if !report.duplicates.isEmpty {
            lines.append("処理済みと同じ内容のため数えなかったファイル: " + report.duplicates.map(TerminalText.line).joined(separator: "、"))
        }
        if !report.quarantined.isEmpty {
            lines.append("読めなかったファイル \(report.quarantined.count)件を quarantine/ に移しました（理由は .error.txt）。")
        }
        if !report.warnings.isEmpty {
            lines.append("確認が必要な点が\(report.warnings.count)件あります（下に表示）。")
        }
        return lines.joined(separator: "\n")
    }

    /// The summary on standard output; warnings and quarantined files on standard error.
    static func print(_ report: RunReport) {
        StageIO.say(render(report))
        for warning in report.warnings { StageIO.warn("注意: \(TerminalText.line(warning))") }
        for file in report.quarantined {
            let name = TerminalText.line("\(file.event.map { "inbox/\($0)/" } ?? "inbox/")\(file.name) → \(file.location.path)")
            StageIO.warn("隔離: \(name)\n  \(TerminalText.line(file.problem.locationText)): \(TerminalText.line(file.problem.problem))"
                + "\n  対処: \(TerminalText.line(file.problem.remedy))")
        }
    }
}
