import Foundation
import KankeiModel

/// Puts the censuses of consecutive stretches together into one `ResponseCensus`: counts added,
/// cells in order of first appearance in the file, kept texts in row order. Cells become text
/// here, once per distinct cell, exactly as a row-by-row reading makes them (trimmed, `--`
/// dropped, addresses and phone numbers masked).
struct CensusMerge {
    /// For each header column, the question it answers and how it is counted (`nil`: not a
    /// question column).
    let columns: [(question: Int, column: CensusPlan.Column)?]
    let questionCount: Int
    let encoding: CensusEncoding
    let keptTexts: Int
    /// CP932 cells are converted by one iconv descriptor for the whole merge.
    private let transcoder: Transcoder?

    init(columns: [(question: Int, column: CensusPlan.Column)?], questionCount: Int, encoding: CensusEncoding, keptTexts: Int) {
        self.columns = columns
        self.questionCount = questionCount
        self.encoding = encoding
        self.keptTexts = keptTexts
        transcoder = encoding == .cp932 ? Transcoder(from: "CP932") : nil
    }

    /// The census of the stretches, in file order; `nil` when a column to be counted as values
    /// turned out to be free text in some stretch (a census begun before the plan was known).
    func merge(_ stretches: [ChunkCensus], source: String) -> ResponseCensus? {
        var merged = [ColumnCensus](repeating: ColumnCensus(), count: questionCount)
        for (column, counted) in columns.enumerated() {
            switch counted?.column {
            case .values?:
                guard stretches.allSatisfy({ $0.hasValues(column) }) else { return nil }
                merged[counted!.question] = ColumnCensus(cells: cells(column, stretches), textCount: 0, texts: [])
            case .texts?:
                merged[counted!.question] = ColumnCensus(cells: [], textCount: stretches.reduce(0) { $0 + $1.answered(column) },
                                                         texts: texts(column, stretches))
            case nil:
                break
            }
        }
        return ResponseCensus(source: source, respondents: stretches.reduce(0) { $0 + $1.records }, columns: merged)
    }

    private func cells(_ column: Int, _ stretches: [ChunkCensus]) -> [CellCount] {
        var index: [[UInt8]: Int] = [:]
        var merged: [(bytes: [UInt8], count: Int, first: (Int, Int))] = []
        for (stretch, census) in stretches.enumerated() {
            for value in census.values(column) {
                let bytes = [UInt8](value.bytes)
                if let at = index[bytes] {
                    merged[at].count += value.count
                } else {
                    index[bytes] = merged.count
                    merged.append((bytes, value.count, (stretch, value.first)))
                }
            }
        }
        return merged.sorted { $0.first < $1.first }.compactMap { value in
            cell(value.bytes).map { CellCount(cell: $0, count: value.count) }
        }
    }

    private func texts(_ column: Int, _ stretches: [ChunkCensus]) -> [String] {
        var texts: [String] = []
        for census in stretches {
            for bytes in census.texts(column) where texts.count < keptTexts {
                if let text = cell([UInt8](bytes)) { texts.append(text) }
            }
        }
        return texts
    }

    /// The cell as a row-by-row reading hands it on; `nil` when it says nothing.
    private func cell(_ bytes: [UInt8]) -> String? {
        CellText.meaningful(decode(bytes)).map(PersonalDataMask.mask)
    }

    private func decode(_ bytes: [UInt8]) -> String {
        switch encoding {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .cp932:
            var text: [UInt8] = []
            try? bytes.withUnsafeBytes { bytes in
                try transcoder?.convert(bytes, isLast: true) { text.append(contentsOf: $0) }
            }
            return String(decoding: text, as: UTF8.self)
        }
    }
}
