import Foundation
import KankeiModel

/// Reads a Qualtrics response CSV: row 1 holds column ids (always English: `StartDate`, …,
/// `ResponseId`, then the questions' export tags), row 2 the labels (question texts), row 3 each
/// column's `{"ImportId":"QID1"}`, which says what the column is (`QualtricsColumns`). The legacy
/// layout older accounts still export (`V1…V10, Q1, …` over the names and texts of row 2) reads the
/// same way. "Numeric values" downloads (a numeric `Status`) write recode values: they are counted
/// as written.
///
/// `-99` is Qualtrics' "seen but not answered": never an answer. Previews, tests and spam are set
/// aside (`QualtricsColumns.isAnswer`); a file holding nothing else is counted with a note that says
/// so. The first `heldRows` responses are held until the layout is known: they tell an option's
/// tick column from a column holding a value of its own (a rank, a matrix row, a slider).
final class QualtricsCSVParser: TableExportParser {
    static func recognises(_ record: CSVRecord) -> Bool {
        let keys = Set(record.keys)
        return (keys.contains("startdate") && keys.contains("responseid")) || isLegacy(record)
    }

    /// Row 1 of the legacy layout: `V1,V2,…,V10` before the questions.
    private static func isLegacy(_ record: CSVRecord) -> Bool {
        let keys = record.keys
        return keys.count > 10 && (1...10).allSatisfy { keys[$0 - 1] == "v\($0)" }
    }

    static let heldRows = 200
    /// Responses set aside (tests, previews) kept in case the file has nothing else.
    static let keptAside = 10_000
    /// Qualtrics' mark for "seen but not answered".
    static let seenNotAnswered = "-99"

    private let context: IngestContext
    private var ids: [String]
    private let legacy: Bool
    private var labels: [String]?
    private var layout: SurveyLayout?
    private var status: Int?
    private var finished: Int?
    private var importIDs: CSVRecord?
    private var sawImportIDs = false
    private var held: [CSVRecord] = []
    private var asideRows: [CSVRecord] = []
    private var aside = 0
    private var answers = 0

    init(ids: CSVRecord, context: IngestContext) {
        self.context = context
        self.ids = ids.fields
        legacy = Self.isLegacy(ids)
        locateStatus()
    }

    private func locateStatus() {
        let keys = ids.map(MatchKey.make)
        status = keys.firstIndex(of: "status")
        finished = keys.firstIndex(of: "finished")
    }

    func consume(_ record: CSVRecord) throws {
        guard let labels else {
            if legacy {
                // The V columns are named on row 2 (ResponseID, Status, …); the questions keep row 1's ids.
                ids = ids.indices.map { $0 < 10 ? (record[$0] ?? ids[$0]) : ids[$0] }
                locateStatus()
                sawImportIDs = true
            }
            labels = record.fields
            return
        }
        if !sawImportIDs {
            sawImportIDs = true
            if record[0].map({ $0.hasPrefix("{") }) == true {
                importIDs = record
                return
            }
        }
        if layout == nil {
            held.append(record)
            if held.count >= Self.heldRows { try start(labels: labels) }
            return
        }
        try take(record)
    }

    func finish() throws {
        if layout == nil { try start(labels: labels ?? []) }
        guard let layout else { return }
        if answers == 0, !asideRows.isEmpty {
            for record in asideRows { try emit(record, layout) }
            try context.emit(.notice(Notice(source: context.source.name, message:
                "\(context.source.name): 回答\(aside)件はすべてQualtricsのテスト回答またはプレビュー（Response Type が Survey Test・Survey Preview など）で、実際の回答ではありません。"
                + "内容を確かめるために集計しましたが、報告には使わないでください。実際の回答は、配信後にQualtricsの「データと分析」から書き出してください（テスト回答は「アクション」→「テスト回答を削除」で消せます）。")))
        } else if aside > 0 {
            try context.emit(.notice(Notice(source: context.source.name, message:
                "\(context.source.name): Qualtricsのテスト回答・プレビュー・スパム\(aside)件は実際の回答ではないため、集計から除きました。")))
        }
    }

    private func take(_ record: CSVRecord) throws {
        guard let layout else { return }
        guard QualtricsColumns.isAnswer(status: record.value(status), finished: record.value(finished)) else {
            if QualtricsColumns.isFinished(record.value(finished)) {
                aside += 1
                if answers == 0, asideRows.count < Self.keptAside { asideRows.append(record) }
            }
            return
        }
        answers += 1
        asideRows = []
        try emit(record, layout)
    }

    private func emit(_ record: CSVRecord, _ layout: SurveyLayout) throws {
        try context.emit(.response(layout.response({ column in
            record.value(column).flatMap { $0 == Self.seenNotAnswered ? nil : $0 }
        }, provenance: context.provenance(record), keys: context.keys)))
    }

    /// Builds the layout from the header rows and the held responses, emits the columns, then the responses.
    private func start(labels: [String]) throws {
        let optionNumbers = held.first.flatMap { record in status.flatMap { record.value($0) } }.map { Int($0) != nil } ?? legacy
        var columns = QualtricsColumns(optionNumbers: optionNumbers)
        for (column, id) in ids.enumerated() {
            let importID = importIDs.flatMap { Self.importID($0[column] ?? "") } ?? id
            let text = Self.questionText(column < labels.count ? MatchKey.trimmed(labels[column]) : id)
            columns.add(id: id, importID: importID, question: text.question, option: text.option,
                        item: QualtricsColumns.isQuestion(importID) && holdsOwnValues(column, option: text.option, numeric: optionNumbers))
        }
        layout = columns.layout
        try context.emit(.surveyColumns(columns.layout.columns(context, format: .qualtricsCSV)))
        for record in held { try take(record) }
        held = []
    }

    /// `true` when an option's column holds something other than its tick: the option's text (or
    /// `1` in a numeric download), `0`, `-99` or nothing.
    private func holdsOwnValues(_ column: Int, option: String?, numeric: Bool) -> Bool {
        let ticks: Set<String> = numeric ? ["1", "0", Self.seenNotAnswered] : ["0", Self.seenNotAnswered]
        return held.contains { record in
            guard let value = record.value(column), !ticks.contains(value) else { return false }
            return numeric || option.map { MatchKey.make($0) != MatchKey.make(value) } ?? true
        }
    }

    /// Row 2's label split into the question and, for an option's column, the option:
    /// `Q - Selected Choice`, `Q - Other - Text`, `Q - Option`.
    private static func questionText(_ label: String) -> (question: String, option: String?) {
        var parts = label.components(separatedBy: " - ")
        if parts.last == "Text" { parts.removeLast() }
        if parts.count >= 2, ["Selected Choice", "選択された選択肢"].contains(parts.last!) { parts.removeLast() }
        guard parts.count >= 2 else { return (parts.joined(separator: " - "), nil) }
        let option = parts.removeLast()
        return (parts.joined(separator: " - "), option)
    }

    /// The ImportId of a row-3 cell: JSON (`{"ImportId":"QID1"}`), or the older `{'ImportId': 'QID1'}`.
    private static func importID(_ cell: String) -> String? {
        let json = cell.hasPrefix("{'") ? cell.replacingOccurrences(of: "'", with: "\"") : cell
        guard let data = json.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object["ImportId"] as? String
    }
}
