import Foundation
import KankeiModel

/// Reads a Qualtrics response CSV: row 1 holds column ids (always English: `StartDate`, …,
/// `ResponseId`, then the questions' export tags), row 2 the labels (question texts), row 3 each
/// column's `{"ImportId":"QID1"}`, which says what the column is (`QualtricsColumns`).
/// "Numeric values" downloads (a numeric `Status`) give options by number.
final class QualtricsCSVParser: TableExportParser {
    static func recognises(_ record: CSVRecord) -> Bool {
        let keys = Set(record.keys)
        return keys.contains("startdate") && keys.contains("responseid")
    }

    private let context: IngestContext
    private let ids: [String]
    private var labels: [String]?
    private var layout = SurveyLayout()
    private var status: Int?
    private var finished: Int?
    private var importIDs: CSVRecord?
    private var sawImportIDs = false
    private var started = false

    init(ids: CSVRecord, context: IngestContext) {
        self.context = context
        self.ids = ids.fields
        let keys = ids.keys
        status = keys.firstIndex(of: "status")
        finished = keys.firstIndex(of: "finished")
    }

    func consume(_ record: CSVRecord) throws {
        guard let labels else {
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
        if !started {
            // A numeric `Status` is the "numeric values" download: options come as numbers.
            try start(labels: labels, optionNumbers: status.flatMap { record.value($0) }.map { Int($0) != nil } ?? false)
        }
        guard QualtricsColumns.isAnswer(status: record.value(status), finished: record.value(finished)) else { return }
        try context.emitResponse(record, layout)
    }

    func finish() throws {
        if !started { try start(labels: labels ?? [], optionNumbers: false) }
    }

    /// Builds the layout from the header rows and emits the columns.
    private func start(labels: [String], optionNumbers: Bool) throws {
        started = true
        var columns = QualtricsColumns(optionNumbers: optionNumbers)
        for (column, id) in ids.enumerated() {
            let importID = importIDs.flatMap { Self.importID($0[column] ?? "") } ?? id
            let text = Self.questionText(column < labels.count ? MatchKey.trimmed(labels[column]) : id)
            columns.add(id: id, importID: importID, question: text.question, option: text.option)
        }
        layout = columns.layout
        try context.emit(.surveyColumns(layout.columns(context, format: .qualtricsCSV)))
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
