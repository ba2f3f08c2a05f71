import KankeiModel

/// The table exports Kankei reads, each recognised by its first record, with the parser that reads
/// the rest (already fed that record). Order matters only where two could match; none do.
enum TableFormats {
    struct Kind: Sendable {
        let recognises: @Sendable (CSVRecord) -> Bool
        let format: @Sendable (CSVRecord) -> SourceFormat
        let parser: @Sendable (CSVRecord, IngestContext) throws -> any TableExportParser
    }

    static let all: [Kind] = [
        Kind(recognises: { ZoomVocabulary.reportTitles[$0.firstKey] != nil },
             format: { ZoomVocabulary.reportTitles[$0.firstKey]! },
             parser: { record, context in
                 let format = ZoomVocabulary.reportTitles[record.firstKey]!
                 let parser: any TableExportParser = format == .zoomPollReport
                     ? ZoomPollParser(context: context) : ZoomReportParser(format: format, context: context)
                 try parser.consume(record)
                 return parser
             }),
        // A meeting participants report: its meeting block, or (exported without it) its table.
        Kind(recognises: { ZoomVocabulary.metadataFirstHeaders.contains($0.firstKey) || ZoomVocabulary.isMeetingParticipantsHeader($0) },
             format: { _ in .zoomMeetingParticipants },
             parser: { record, context in
                 let parser = ZoomReportParser(format: .zoomMeetingParticipants, context: context)
                 try parser.consume(record)
                 return parser
             }),
        // A poll report from before September 2021 starts at its `#` header.
        Kind(recognises: ZoomPollParser.isHeader, format: { _ in .zoomPollReport },
             parser: { record, context in
                 let parser = ZoomPollParser(context: context)
                 try parser.consume(record)
                 return parser
             }),
        form(FormResponsesParser.googleForms),
        form(FormResponsesParser.microsoftForms),
        Kind(recognises: QualtricsCSVParser.recognises, format: { _ in .qualtricsCSV },
             parser: { QualtricsCSVParser(ids: $0, context: $1) }),
        Kind(recognises: SurveyMonkeyParser.recognises, format: { _ in .surveyMonkeyCSV },
             parser: { SurveyMonkeyParser(questionRow: $0, context: $1) }),
    ]

    private static func form(_ style: FormResponsesParser.Style) -> Kind {
        Kind(recognises: style.recognises, format: { _ in style.format },
             parser: { try FormResponsesParser(style: style, header: $0, context: $1) })
    }
}
