import KankeiModel

/// `summary.md`: the event, the sentences in the report's style, one table per question with
/// counts and both bases, free-text comments, the KPI rows and the notes on how figures were made.
public enum SummaryMarkdown {
    public static func render(_ tabulation: Tabulation) -> String {
        var lines: [String] = []
        let event = tabulation.event
        lines.append("# \(event.title ?? event.id)")
        lines.append("")
        lines += eventTable(tabulation)
        lines.append("")
        if let attendance = tabulation.attendance { lines += ClubMarkdown.attendance(attendance) }

        let sentences = QuestionResult.flattened(tabulation.questions).compactMap(Prose.sentence)
        if !sentences.isEmpty {
            lines.append("## アンケート結果の概要")
            lines.append("")
            lines += sentences.map { "- \($0)" }
            lines.append("")
            if QuestionResult.flattened(tabulation.questions).contains(where: \.reference) {
                lines.append("※ 回答者数（n）が\(Tabulation.referenceThreshold)未満の設問の割合は参考値である。")
            }
            if QuestionResult.flattened(tabulation.questions).contains(where: { $0.type == .multiple }) {
                lines.append("※ 複数回答の割合は、その設問に回答した人数（無回答を除く n）に占める割合（回答者比）と、選択された延べ数に占める割合（回答比）の両方を示す。"
                    + "文中の割合は、設問ごとに定義で指定した方による。")
            }
            lines.append("")
        }

        if !QuestionResult.flattened(tabulation.questions).isEmpty {
            lines.append("## 設問別の集計")
            lines.append("")
            for question in QuestionResult.flattened(tabulation.questions) { lines += table(question) }
        }

        if !tabulation.segments.isEmpty { lines += ClubMarkdown.segments(tabulation.segments) }

        if !tabulation.kpis.isEmpty {
            lines.append("## KPI（目標達成状況）")
            lines.append("")
            lines.append("| 指標 | 目標 | 達成状況 | n | 判定 |")
            lines.append("|---|---:|---:|---:|---|")
            for kpi in tabulation.kpis {
                let verdict = kpi.achieved.map { $0 ? "達成" : "未達成" } ?? "算出不可"
                lines.append("| \(cell(kpi.label)) | \(kpi.target)%以上 | \(kpi.value.map(\.prose) ?? "—") | \(kpi.n) | \(verdict) |")
            }
            lines.append("")
        }

        if !tabulation.notes.isEmpty {
            lines.append("## 集計上の注記")
            lines.append("")
            lines += tabulation.notes.map { "- \($0)" }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private static func eventTable(_ tabulation: Tabulation) -> [String] {
        let event = tabulation.event
        var rows: [(String, String)] = [("種別", event.kind.displayName)]
        if let date = JapaneseDate.format(iso: event.date) { rows.append(("開催日", date)) }
        if let registrants = event.registrants {
            let organizations = event.organizations.map { "（\(Formatting.grouped($0))団体）" } ?? ""
            rows.append(("申込人数", "\(Formatting.grouped(registrants))名\(organizations)"))
        }
        if let attendees = event.attendees { rows.append(("参加者数", "\(Formatting.grouped(attendees))名")) }
        if !QuestionResult.flattened(tabulation.questions).isEmpty {
            let rate = tabulation.responseRate.map { "（参加者に対する回答率 \($0.fixed)%）" } ?? ""
            rows.append(("アンケート回答者数", "\(Formatting.grouped(tabulation.respondents))名\(rate)"))
        }
        return ["| 項目 | 内容 |", "|---|---|"] + rows.map { "| \($0.0) | \(cell($0.1)) |" }
    }

    private static func table(_ question: QuestionResult) -> [String] {
        var lines = ["### \(question.label)", ""]
        let base = question.base
        var facts = ["n=\(base.answered)（回答者\(base.respondents)名中、無回答\(base.respondents - base.answered)名）"]
        if question.type == .multiple { facts.append("選択された延べ数 \(base.responses)") }
        if question.reference { facts.append("参考値") }
        lines.append(facts.joined(separator: "・"))
        lines.append("")
        switch question.type {
        case .multiple:
            lines.append("| 選択肢 | 件数 | 回答者比 | 回答比 |")
            lines.append("|---|---:|---:|---:|")
            for option in question.options {
                lines.append("| \(cell(label(option))) | \(option.count) | \(Formatting.percent(option.percentOfRespondents)) | \(Formatting.percent(option.percentOfResponses)) |")
            }
        case .single, .scale:
            lines.append("| 選択肢 | 件数 | 割合 |")
            lines.append("|---|---:|---:|")
            for option in question.options {
                lines.append("| \(cell(label(option))) | \(option.count) | \(Formatting.percent(option.percentOfRespondents)) |")
            }
            if let topBox = question.topBox {
                lines.append("| 上位区分（\(question.topBoxOptions.joined(separator: "＋"))）の合計 | | \(topBox.fixed)% |")
            }
        case .text:
            break
        }
        if !question.texts.isEmpty {
            if question.type != .text { lines += ["", "「その他」の記述:", ""] }
            lines += question.texts.map { "- \(cell($0))" }
            let hidden = question.textCount - question.texts.count
            if hidden > 0 { lines.append("- （ほか\(hidden)件）") }
        }
        lines.append("")
        return lines
    }

    private static func label(_ option: OptionResult) -> String {
        option.unlisted ? "\(option.label)（選択肢外）" : option.label
    }

    /// Text safe inside a Markdown table cell or list item: one line, pipes escaped.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "|", with: "\\|")
    }
}
