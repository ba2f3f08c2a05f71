import KankeiModel

/// Reads the tables of a LimeSurvey XML export (.lss, .lsr), streaming: every table is
/// `<name><fields>…</fields><rows><row><column><![CDATA[value]]></column>…</row></rows></name>`
/// under `<document>`. A NULL value is an absent element, an empty string an empty one; an element
/// name starting with a digit carries a `_` in front, and `#` is written `-`. Each row is handed
/// over as column name (as in `<fields>`) → value and forgotten.
enum LimeSurveyTables {
    struct Row {
        let table: String
        let values: [String: String]
        /// The element path, for messages.
        let path: String
    }

    /// Reads the document, calling `header` with `LimeSurveyDocType` and `row` for every row.
    static func read(_ reader: XMLStreamReader, docType: (String) throws -> Void, row: (Row) throws -> Void) throws {
        var table: String?
        var inRows = false
        var values: [String: String]?
        var column: String?
        var text = ""
        var header: String?
        while let event = try reader.next() {
            switch event {
            case .start(let name, let depth, _, let isEmpty):
                switch depth {
                case 1:
                    table = name
                    header = ["LimeSurveyDocType", "DBVersion"].contains(name) ? name : nil
                    text = ""
                case 2: inRows = name == "rows"
                case 3 where inRows && name == "row": values = [:]
                case 4 where values != nil:
                    column = fieldName(name)
                    text = ""
                    if isEmpty {
                        values?[column!] = ""
                        column = nil
                    }
                default: break
                }
            case .text(let value):
                if column != nil || header != nil { text += value }
            case .end(_, let depth):
                switch depth {
                case 1:
                    if header == "LimeSurveyDocType" { try docType(MatchKey.trimmed(text)) }
                    header = nil
                    table = nil
                case 2: inRows = false
                case 3 where values != nil:
                    try row(Row(table: table ?? "", values: values!, path: reader.currentPath))
                    values = nil
                case 4 where column != nil:
                    values?[column!] = text
                    column = nil
                default: break
                }
            }
        }
    }

    /// The column name an element stands for: `_123X4X5` → `123X4X5`, `…SQ001-0` → `…SQ001#0`.
    static func fieldName(_ element: String) -> String {
        var name = element
        if name.first == "_", name.dropFirst().first?.isNumber == true { name.removeFirst() }
        return name.replacingOccurrences(of: "-", with: "#")
    }
}
