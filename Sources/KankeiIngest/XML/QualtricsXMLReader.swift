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

    private static let bookkeeping: [String: SurveyLayout.Role] = [
        "enddate": .submitted, "recipientemail": .email, "emailaddress": .email,
        "recipientfirstname": .name, "recipientlastname": .name, "name": .name,
    ]
    private static let countedStatuses: Set<String> = ["0", "4", "16", "ipaddress", "imported", "offline"]

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
            if let status = values["status"], !Self.countedStatuses.contains(MatchKey.make(status)) { return }
            if let finished = values["finished"], ["0", "false"].contains(MatchKey.make(finished)) { return }
            var cells = [String?](repeating: nil, count: layout.roles.count)
            for (name, value) in response { if let column = columns[name] { cells[column] = CellText.meaningful(value) } }
            try context.emit(.response(layout.response({ cells[$0] }, provenance: Provenance(sha256: context.sha256, row: number),
                                                       keys: context.keys)))
        }
    }

    private func layout(_ names: [String]) -> (SurveyLayout, [String: Int]) {
        var layout = SurveyLayout()
        layout.optionNumbers = true
        var columns: [String: Int] = [:]
        var questionOf: [String: Int] = [:]
        func question(_ id: String) -> Int {
            if let index = questionOf[id] { return index }
            let index = layout.addQuestion(id)
            questionOf[id] = index
            return index
        }
        for name in names {
            let role: SurveyLayout.Role
            if let match = name.firstMatch(of: #/^(?:\d+_)?(QID\d+)(?:_(\d+))?(?:_(TEXT))?$/#) {
                let id = String(match.1)
                switch (match.2, match.3) {
                case (_?, _?): role = .otherText(question: question(id))
                case (let option?, nil): role = .choice(question: question(id), label: String(option))
                default: role = .answer(question: question(id))
                }
            } else {
                role = Self.bookkeeping[MatchKey.make(name)] ?? .skip
            }
            columns[name] = layout.roles.count
            layout.roles.append(role)
        }
        return (layout, columns)
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
