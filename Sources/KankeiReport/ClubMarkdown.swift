import KankeiModel

/// The club sections of `summary.md`: 関係人口 of a club's sessions (the report's 5.4 line, 延べ and
/// 実人員 per side) and club feedback per club and side (section 6.1 ④'s measures).
enum ClubMarkdown {
    static func attendance(_ summary: AttendanceSummary) -> [String] {
        var lines = ["## 関係人口創出数", "", "関係人口創出数　\(summary.reportLine)", "",
                     "| 立場 | 延べ人数 | 実人員 |", "|---|---:|---:|"]
        for side in Side.allCases {
            let count = summary.bySide[side]
            lines.append("| \(side.displayName) | \(count.visits)人 | \(count.unique)人 |")
        }
        if summary.unassigned.visits > 0 {
            lines.append("| 立場不明 | \(summary.unassigned.visits)人 | \(summary.unassigned.unique)人 |")
        }
        lines.append("| 合計 | \(summary.visits)人 | \(summary.unique)人 |")
        lines.append("")
        lines.append("※ オンラインセッション\(summary.sessions)回。延べ人数はセッションごとに1人1回、実人員は全セッションを通じて1人1回と数える。主催者（ホスト・パネリスト）は含めない。")
        if summary.unassigned.visits > 0 {
            lines.append("※ 立場不明: 名簿・メールアドレス・所属のいずれからも自治体・地域側か企業側かを判定できなかった参加者。kankei core import で名簿に加えると次回から判定される。")
        }
        lines.append("")
        return lines
    }

    static func segments(_ segments: [SegmentResult]) -> [String] {
        guard let roles = segments.first?.measures.map(\.role) else { return [] }
        let labels = segments.first!.measures.map { $0.role.displayName }
        var lines = ["## クラブ別・立場別の評価", "",
                     "| クラブ | 立場 | n | " + labels.joined(separator: " | ") + " |",
                     "|---|---|---:|" + String(repeating: "---:|", count: labels.count)]
        for segment in segments {
            let values = roles.map { role in
                segment.measure(role).map { measure in measure.value.map { "\($0.prose)（\(measure.count)/\(measure.answered)）" } ?? "—" } ?? "—"
            }
            lines.append("| \(segment.club ?? "全クラブ") | \(segment.side?.displayName ?? "両方") | \(segment.respondents) | "
                + values.joined(separator: " | ") + " |")
        }
        lines.append("")
        lines.append("※ 満足度・継続の意向は上位2区分（例: 満足＋やや満足）の割合。n が\(Tabulation.referenceThreshold)未満の値は参考値である。")
        lines.append("")
        return lines
    }
}
