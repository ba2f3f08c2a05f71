/// How a survey's columns may be counted without reading them row by row: what normalize asks of
/// ingest once it knows the questions' types, for a large export whose rows are independent
/// (anonymous, one column per question, nothing that splits respondents by another answer).
public struct CensusPlan: Hashable, Sendable, Codable {
    public enum Column: String, Hashable, Sendable, Codable {
        /// Every distinct cell counted (single and multiple answers).
        case values
        /// Cells that say something counted, the first `keptTexts` kept (free text).
        case texts
    }

    /// One entry per question column (`SurveyColumns.columns`).
    public var columns: [Column]
    public var keptTexts: Int

    public init(columns: [Column], keptTexts: Int) {
        self.columns = columns
        self.keptTexts = keptTexts
    }
}

/// A survey export's rows after the first few, counted per column as `CensusPlan` asked: the
/// same cells a row-by-row reading gives, in the same order of first appearance, with how many
/// rows hold each. Cells are as `.response` would carry them: trimmed, `--` dropped, addresses and
/// phone numbers masked.
public struct ResponseCensus: Hashable, Sendable, Codable {
    /// The file (sha256).
    public var source: String
    /// The rows counted: each one respondent.
    public var respondents: Int
    /// One entry per question column.
    public var columns: [ColumnCensus]

    public init(source: String, respondents: Int, columns: [ColumnCensus]) {
        self.source = source
        self.respondents = respondents
        self.columns = columns
    }
}

/// One column's cells in a `ResponseCensus`.
public struct ColumnCensus: Hashable, Sendable, Codable {
    /// Distinct cells (`.values`), in order of first appearance.
    public var cells: [CellCount]
    /// Free-text cells that say something (`.texts`), and the first of them in row order.
    public var textCount: Int
    public var texts: [String]

    public init(cells: [CellCount] = [], textCount: Int = 0, texts: [String] = []) {
        self.cells = cells
        self.textCount = textCount
        self.texts = texts
    }
}

/// A distinct cell and the number of rows holding it.
public struct CellCount: Hashable, Sendable, Codable {
    public var cell: String
    public var count: Int

    public init(cell: String, count: Int) {
        self.cell = cell
        self.count = count
    }
}
