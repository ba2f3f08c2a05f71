import KankeiModel

/// Reads Qualtrics' XML export: `<Responses><Response>` with one child element per column —
/// bookkeeping (`startDate`/`StartDate`, `status`, `finished`, `recipientEmail`, …), `QIDn` for a
/// whole answer, `QIDn_k` for option k of a multiple answer (`1` = chosen; empty or `-99` = not),
/// `QIDn_k_TEXT` for text typed for option k (「その他」), `QIDn_TEXT` for a text answer. The
/// export has no question texts and gives options by number: an event's `event.yaml` names the
/// definition the questions follow. The file is read twice, streaming: first for the columns
/// present, then for the answers.
struct QualtricsXMLReader {
    let context: IngestContext

    func read(_ source: ByteSource) throws {
        var names: [String] = []
        var known: Set<String> = []
        try forEachResponse(source) { response, _ in
            for (name, _) in response where known.insert(name).inserted { names.append(name) }
        }
        let (layout, columns) = layout(names)
        try context.emit(.surveyColumns(layout.columns(context, format: .qualtricsXML)))
        try forEachResponse(source) { response, number in
            let values = Dictionary(response, uniquingKeysWith: { first, _ in first })
            guard QualtricsColumns.isAnswer(status: values["status"], finished: values["finished"]) else { return }
            var cells = [String?](repeating: nil, count: layout.roles.count)
            for (name, value) in response { if let column = columns[name] { cells[column] = CellText.meaningful(value) } }
            try context.emit(.response(layout.response({ cells[$0] }, provenance: Provenance(sha256: context.sha256, row: number),
                                                       keys: context.keys)))
        }
    }

    /// The layout of the columns present, in the order they first appear; options come by number.
    private func layout(_ names: [String]) -> (SurveyLayout, [String: Int]) {
        var columns = QualtricsColumns(optionNumbers: true)
        for name in names { columns.add(id: name, importID: name, question: name.replacing(#/^\d+_/#, with: "").prefix { $0 != "_" }.description, option: nil) }
        return (columns.layout, Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, $0.offset) }))
    }

    /// Calls `body` with each `<Response>`'s children in file order (element name and text;
    /// bookkeeping names lower-cased) and its number.
    private func forEachResponse(_ source: ByteSource, _ body: ([(String, String)], Int) throws -> Void) throws {
        let reader = try XMLStreamReader(source)
        var response: [(String, String)]?
        var element: String?
        var text = ""
        var number = 0
        while let event = try reader.next() {
            switch event {
            case .start(let name, 1, _, let isEmpty) where !isEmpty:
                if name.lowercased() == "response" { response = [] }
            case .start(let name, 2, _, let isEmpty) where response != nil:
                let key = name.hasPrefix("QID") || name.first?.isNumber == true ? name : name.lowercased()
                if isEmpty { response?.append((key, "")) } else { element = key; text = "" }
            case .text(let value) where element != nil:
                text += value
            case .end(_, 2) where element != nil:
                response?.append((element!, text))
                element = nil
            case .end(_, 1) where response != nil:
                number += 1
                try body(response!, number)
                response = nil
            default:
                continue
            }
        }
    }
}
