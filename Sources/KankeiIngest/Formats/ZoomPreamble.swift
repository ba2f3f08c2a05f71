import KankeiModel

/// The opening rows every Zoom report shares: its title (`Attendee Report`, `Poll Report`, …),
/// `Report Generated:`, and the metadata header (`Topic,Webinar ID,…`, or a meeting report's
/// `Meeting ID,Topic,…,User Email,…`) with its values row, which becomes a `.webinar` record.
struct ZoomPreamble {
    private let context: IngestContext
    private var sawTitle = false
    private var pendingMetadata: [ZoomVocabulary.MetadataColumn: Int]?
    /// The meeting's host, once the metadata row named one.
    private(set) var host: PersonKey?

    init(context: IngestContext) { self.context = context }

    /// Takes `record` when it belongs to the preamble; `false` when it is the report's own.
    mutating func consume(_ record: CSVRecord) throws -> Bool {
        let first = record.firstKey
        if !sawTitle, ZoomVocabulary.reportTitles[first] != nil {
            sawTitle = true
            return true
        }
        if ZoomVocabulary.ignoredFirstCells.contains(first) { return true }
        if let metadata = pendingMetadata {
            pendingMetadata = nil
            try emitWebinar(record, metadata)
            return true
        }
        if ZoomVocabulary.metadataFirstHeaders.contains(first) {
            pendingMetadata = ZoomVocabulary.map(record, ZoomVocabulary.metadataColumns)
            return true
        }
        return false
    }

    private mutating func emitWebinar(_ record: CSVRecord, _ metadata: [ZoomVocabulary.MetadataColumn: Int]) throws {
        let start = record.value(metadata[.startTime])
        host = record.value(metadata[.host]).flatMap(Self.address).flatMap { context.keys.key(email: $0) }
        try context.emit(.webinar(WebinarInfo(
            source: context.sha256,
            topic: record.value(metadata[.topic]),
            webinarID: record.value(metadata[.webinarID]),
            startTime: start,
            date: start.flatMap(DateText.isoDate),
            durationMinutes: record.value(metadata[.duration]).flatMap { Int($0) }, host: host)))
    }

    /// The address in a host cell: the cell itself, or the part in parentheses of 「Name (address)」.
    private static func address(_ cell: String) -> String? {
        guard cell.contains("@") else { return nil }
        guard let open = cell.lastIndex(of: "("), let close = cell.lastIndex(of: ")"), open < close else { return cell }
        return String(cell[cell.index(after: open)..<close])
    }
}
