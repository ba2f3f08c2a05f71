import KankeiModel

/// `tables.csv`: every option of every question with its count and both shares, and the free-text
/// answers the tabulation keeps (personal data already masked), made to open
/// right in Japanese Excel by double-click (UTF-8 with BOM, CRLF) and never to run a formula
/// (a cell starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'`).
public enum TablesCSV {
    static let header = ["設問ID", "設問", "種類", "選択肢", "選択肢外", "件数", "回答者比(%)", "回答比(%)", "n(回答者数)", "選択延べ数",
                         "参考値", "記述"]

    private static let typeNames: [QuestionType: String] = [
        .single: "単一回答", .multiple: "複数回答", .scale: "尺度", .text: "自由記述",
    ]

    public static func render(_ tabulation: Tabulation) -> [UInt8] {
        var rows = [header]
        for question in QuestionResult.flattened(tabulation.questions) {
            let common = [question.id, question.label, typeNames[question.type]!]
            let tail = [String(question.base.answered), String(question.base.responses), question.reference ? "参考値" : ""]
            if question.type == .text {
                rows.append(common + ["", "", String(question.base.answered), "", ""] + tail + [""])
            }
            for option in question.options {
                rows.append(common + [option.label, option.unlisted ? "1" : "", String(option.count),
                                      option.percentOfRespondents?.fixed ?? "", option.percentOfResponses?.fixed ?? ""] + tail + [""])
            }
            for text in question.texts {
                rows.append(common + ["", "", "", "", ""] + tail + [text])
            }
        }
        let text = rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    /// Characters Excel (and LibreOffice, whose Japanese input turns full-width signs into
    /// operators) starts a formula or a DDE call with: such a cell is written with a leading `'`.
    private static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "|", "＝", "＋", "－", "＠", "｜", "−"]

    static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, formulaStarts.contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
