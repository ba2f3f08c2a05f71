import KankeiModel

/// Reads Zoom's webinar attendee and registration reports and meeting participants reports: the
/// title row, the preamble's metadata row and its values, then sections (`Host Details`, `Panelist Details`, `Attendee Details`,
/// `Other Attended`, `Registrant Details`), each with its own header row. Section labels may be
/// padded with commas or missing; headers may be quoted or not, in English or Japanese; `--`
/// means empty. A meeting participants report has no title and no sections: its one table lists
/// everyone, the host (named in the metadata row) included, one row per join.
final class ZoomReportParser: TableExportParser {
    private typealias Vocabulary = ZoomVocabulary

    private let format: SourceFormat
    private let context: IngestContext
    private var section: ZoomVocabulary.Section?
    private var columns: [ZoomVocabulary.Column: Int]?
    private var preamble: ZoomPreamble
    /// The previous row was a section label: the next header belongs to it.
    private var labelled = false

    /// `format`: `.zoomAttendeeReport`, `.zoomRegistrationReport` or `.zoomMeetingParticipants`.
    init(format: SourceFormat, context: IngestContext) {
        self.format = format
        self.context = context
        preamble = ZoomPreamble(context: context)
    }

    func consume(_ record: CSVRecord) throws {
        if try preamble.consume(record) { return }
        let first = record.firstKey
        if let label = Vocabulary.sections[first], record.isLabelRow {
            section = label
            columns = nil
            labelled = true
            return
        }
        // Only a row that starts with a column name can be a header: data rows skip the work.
        if Vocabulary.columns[first] != nil, case let header = Self.peopleColumns(record),
           header.keys.filter(Vocabulary.peopleHeaderColumns.contains).count >= 2 {
            columns = header
            // A table without its own label row is the report's main table, never the previous section's.
            if !labelled { section = format == .zoomRegistrationReport ? .registrants : .people(.attendee) }
            labelled = false
            return
        }
        labelled = false
        guard let columns, let section else {
            throw context.problem(record, "Zoomレポートの表の見出し行（Email、Join Time など）が見つかりません。",
                                  "Zoomの「レポート」画面からダウンロードしたCSVをそのまま置いてください。")
        }
        try emitPerson(record, columns, section)
    }

    func finish() throws {}

    private func emitPerson(_ record: CSVRecord, _ columns: [ZoomVocabulary.Column: Int],
                            _ section: ZoomVocabulary.Section) throws {
        let fullName = [record.value(columns[.lastName]), record.value(columns[.firstName])].compactMap { $0 }
        let name = record.value(columns[.userName]) ?? (fullName.isEmpty ? nil : fullName.joined(separator: " "))
        let email = record.value(columns[.email])
        guard let person = context.keys.key(email: email, name: name) else {
            throw context.problem(record, "メールアドレスも名前もない行があります。", "Zoomからダウンロードし直したファイルを置いてください。")
        }
        let organization = record.value(columns[.organization])
        switch section {
        case .registrants:
            try context.emit(.registrant(Registrant(
                person: person, organization: organization,
                registrationTime: record.value(columns[.registrationTime]),
                approvalStatus: record.value(columns[.approvalStatus]),
                provenance: context.provenance(record))))
        case .people(let role):
            let role = person == preamble.host ? .host : role
            let attended = role == .other || columns[.attended] == nil
                || record.value(columns[.attended]).map { Vocabulary.yes.contains(MatchKey.make($0)) } == true
            try context.emit(.attendance(Attendance(
                person: person, role: role, attended: attended, organization: organization,
                joinTime: record.value(columns[.joinTime]), leaveTime: record.value(columns[.leaveTime]),
                minutes: record.value(columns[.minutes]).flatMap { Int($0) },
                domain: PersonKeyMaker.domain(email: email),
                provenance: context.provenance(record))))
        }
    }

    /// The people-table header, with a custom organisation question found by its words when no
    /// header names it exactly.
    private static func peopleColumns(_ record: CSVRecord) -> [ZoomVocabulary.Column: Int] {
        var result = Vocabulary.map(record, Vocabulary.columns)
        if result[.organization] == nil {
            result[.organization] = (0..<record.count).first { index in
                let key = MatchKey.make(record[index]!)
                return Vocabulary.columns[key] == nil && !Vocabulary.isQuestion(key)
                    && Vocabulary.organizationWords.contains { key.contains($0) }
            }
        }
        return result
    }
}
