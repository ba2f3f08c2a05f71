import KankeiModel

/// Reads the first worksheet of an xlsx workbook row by row with libxml2's streaming reader, as
/// records for the table parsers: `workbook.xml` and its relationships name the first sheet;
/// cells are shared strings (`t="s"`, furigana runs left out), inline strings, formula strings,
/// booleans or numbers (an Excel date stays its serial number: the parser of the column that
/// holds times converts it). Missing cells are empty; rows keep the numbers Excel shows.
struct XLSXSheetReader {
    /// Shared strings kept in memory at most (a form export has a few per answer text).
    static let maxSharedStrings = 2_000_000
    /// The widest row accepted.
    static let maxColumns = 16_384

    /// SpreadsheetML's own namespaces (transitional and strict), and none for a writer that leaves
    /// it out: whatever prefix a writer gives them (Microsoft Forms writes `x:`).
    static let spreadsheetML: Set<String> = [
        "http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main", "",
    ]
    /// A package's relationships (`workbook.xml.rels`).
    static let packageRelationships: Set<String> = ["http://schemas.openxmlformats.org/package/2006/relationships", ""]
    /// The `r:id` attribute of a workbook's `<sheet>`, in either flavour.
    static let relationshipID = [
        "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", "{http://purl.oclc.org/ooxml/officeDocument/relationships}id",
    ]

    let parts: ZipParts

    func forEachRow(_ body: (CSVRecord) throws -> Void) throws {
        let strings = parts.contains("xl/sharedStrings.xml") ? try sharedStrings(parts.extract("xl/sharedStrings.xml")) : []
        let sheet = try parts.extract(firstSheetPath())
        let reader = try XMLStreamReader(sheet, namespaces: Self.spreadsheetML)
        var cells: [Int: String] = [:]
        var rowNumber = 0
        var cell: (column: Int, type: String)?
        var value = ""
        var inValue = false
        var inPhonetic = false
        while let event = try reader.next() {
            switch event {
            case .start("row", _, let attributes, let isEmpty):
                rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
                cells = [:]
                if isEmpty { try emit(rowNumber, cells, body) }
            case .start("c", _, let attributes, let isEmpty):
                let column = attributes["r"].flatMap(Self.column) ?? (cells.keys.max().map { $0 + 1 } ?? 0)
                guard column < Self.maxColumns else {
                    throw sheet.problem(.element("\(reader.currentPath)（\(rowNumber)行目）"), "列が多すぎます（\(Self.maxColumns)列超）。",
                                        "アンケートの書き出しファイルか確認してください。")
                }
                cell = isEmpty ? nil : (column, attributes["t"] ?? "n")
                value = ""
            case .start("v", _, _, false), .start("t", _, _, false):
                inValue = cell != nil && !inPhonetic
            case .start("rPh", _, _, false):
                inPhonetic = true
            case .end("rPh", _):
                inPhonetic = false
            case .text(let text) where inValue:
                value += text
            case .end("v", _), .end("t", _):
                inValue = false
            case .end("c", _):
                if let current = cell { cells[current.column] = try resolve(value, type: current.type, strings: strings, sheet: sheet, row: rowNumber) }
                cell = nil
            case .end("row", _):
                try emit(rowNumber, cells, body)
            default:
                continue
            }
        }
    }

    private func emit(_ row: Int, _ cells: [Int: String], _ body: (CSVRecord) throws -> Void) throws {
        guard let last = cells.keys.max() else { return }
        let record = CSVRecord(row: row, fields: (0...last).map { cells[$0] ?? "" })
        if !record.isBlank { try body(record) }
    }

    private func resolve(_ value: String, type: String, strings: [String], sheet: ByteSource, row: Int) throws -> String {
        switch type {
        case "s":
            guard let index = Int(value), strings.indices.contains(index) else {
                // The reference is shown only when it is a number: a damaged cell may hold anything.
                let reference = value.allSatisfy(\.isASCII) && Int(value) != nil ? "番号「\(value)」" : "番号ではない値"
                throw sheet.problem(.row(row), "共有文字列（sharedStrings）にない\(reference)を参照するセルがあります。",
                                    "ファイルが壊れている可能性があります。元のサービスからもう一度ダウンロードしてください。")
            }
            return strings[index]
        case "b": return value == "1" ? "TRUE" : "FALSE"
        default: return value
        }
    }

    /// The strings of `sharedStrings.xml`: each `<si>`'s `<t>` texts joined, phonetic runs left out.
    private func sharedStrings(_ part: ByteSource) throws -> [String] {
        let reader = try XMLStreamReader(part, namespaces: Self.spreadsheetML)
        var strings: [String] = []
        var current = ""
        var inText = false
        var inPhonetic = false
        while let event = try reader.next() {
            switch event {
            case .start("si", _, _, let isEmpty):
                current = ""
                if isEmpty { strings.append("") }
            case .start("rPh", _, _, false): inPhonetic = true
            case .end("rPh", _): inPhonetic = false
            case .start("t", _, _, false): inText = !inPhonetic
            case .end("t", _): inText = false
            case .text(let text) where inText: current += text
            case .end("si", _):
                strings.append(current)
                guard strings.count <= Self.maxSharedStrings else {
                    throw part.problem(.element(reader.currentPath), "共有文字列が多すぎます（\(Self.maxSharedStrings)件超）。",
                                       "アンケートの書き出しファイルか確認してください。")
                }
            default: continue
            }
        }
        return strings
    }

    /// `xl/worksheets/sheet1.xml` or wherever the workbook's first sheet lives.
    private func firstSheetPath() throws -> String {
        let workbook = try XMLStreamReader(parts.extract("xl/workbook.xml"), namespaces: Self.spreadsheetML)
        var relationship: String?
        while let event = try workbook.next() {
            if case .start("sheet", _, let attributes, _) = event {
                relationship = Self.relationshipID.lazy.compactMap { attributes[$0] }.first
                break
            }
        }
        if let relationship, parts.contains("xl/_rels/workbook.xml.rels") {
            let rels = try XMLStreamReader(parts.extract("xl/_rels/workbook.xml.rels"), namespaces: Self.packageRelationships)
            while let event = try rels.next() {
                if case .start("Relationship", _, let attributes, _) = event, attributes["Id"] == relationship, let target = attributes["Target"] {
                    return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
                }
            }
        }
        return "xl/worksheets/sheet1.xml"
    }

    /// The zero-based column of a cell reference such as `AB12`.
    static func column(_ reference: String) -> Int? {
        var column = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) else { break }
            column = column * 26 + Int(scalar.value - 64)
            letters += 1
        }
        return letters == 0 ? nil : column - 1
    }
}
