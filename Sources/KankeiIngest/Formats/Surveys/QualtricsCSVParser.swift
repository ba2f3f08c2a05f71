import Foundation
import KankeiModel

/// Reads a Qualtrics response CSV: row 1 holds column ids (always English: `StartDate`, …,
/// `ResponseId`, then the questions' export tags), row 2 the labels (question texts), row 3 each
/// column's `{"ImportId":"QID1"}`. Columns are told apart by their ImportId: `QIDn` is a question,
/// `QIDn_k_TEXT` the text typed for option k (「その他」), `QIDn_k` one option of a multiple answer
/// split over columns; everything else is bookkeeping. Previews, tests and spam (by `Status`)
/// and unfinished responses are not answers. "Numeric values" downloads (a numeric `Status`) give
/// options by number.
final class QualtricsCSVParser: TableExportParser {
    static func recognises(_ record: CSVRecord) -> Bool {
        let keys = Set(record.keys)
        return keys.contains("startdate") && keys.contains("responseid")
    }

    /// `Status` values of real responses: 0 / IP Address, 4 / Imported, 16 / Offline.
    private static let countedStatuses: Set<String> = MatchKey.keys(["0", "IP Address", "4", "Imported", "16", "Offline", "IPアドレス"])
    private static let unfinished: Set<String> = MatchKey.keys(["0", "False"])

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
            layout.optionNumbers = status.flatMap { record.value($0) }.map { Int($0) != nil } ?? false
            try start(labels: labels)
        }
        if let status, let value = record.value(status), !Self.countedStatuses.contains(MatchKey.make(value)) { return }
        if let finished, let value = record.value(finished), Self.unfinished.contains(MatchKey.make(value)) { return }
        try context.emitResponse(record, layout)
    }

    func finish() throws {
        if !started { try start(labels: labels ?? []) }
    }

    /// Builds the layout from the header rows and emits the columns.
    private func start(labels: [String]) throws {
        started = true
        var questionOf: [String: Int] = [:]
        for (column, id) in ids.enumerated() {
            let importID = importIDs.flatMap { Self.importID($0[column] ?? "") } ?? id
            let label = column < labels.count ? MatchKey.trimmed(labels[column]) : id
            layout.roles.append(role(importID: importID, id: id, label: label, questionOf: &questionOf))
        }
        try context.emit(.surveyColumns(layout.columns(context, format: .qualtricsCSV)))
    }

    private func role(importID: String, id: String, label: String, questionOf: inout [String: Int]) -> SurveyLayout.Role {
        switch MatchKey.make(id) {
        case "recipientemail": return .email
        case "recipientfirstname", "recipientlastname": return .name
        case "enddate": return .submitted
        default: break
        }
        guard let match = importID.firstMatch(of: #/^(?:\d+_)?(QID\d+)(?:[_-](\d+))?(?:[_-](TEXT))?/#) else { return .skip }
        let question = String(match.1)
        let text = Self.questionText(label)
        switch (match.2, match.3) {
        case (_?, _?):
            // Text typed for option k: 「その他」's free text.
            let index = questionOf[question] ?? layout.addQuestion(text.question)
            questionOf[question] = index
            return .otherText(question: index)
        case (let option?, nil):
            let index = questionOf[question] ?? layout.addQuestion(text.question)
            questionOf[question] = index
            let label = text.option ?? String(option)
            layout.offer(label, to: index)
            return .choice(question: index, label: label)
        default:
            let index = layout.addQuestion(text.question)
            questionOf[question] = index
            return .answer(question: index)
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
