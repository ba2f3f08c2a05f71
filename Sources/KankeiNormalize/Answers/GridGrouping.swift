import KankeiModel

/// Finds grids among a survey's questions: consecutive columns headed `質問 [行]` with the same
/// question (Google Forms' grids; LimeSurvey arrays are written the same way by ingest) become the
/// rows of one grid. Rows whose types were inferred are given one common type and option list, so
/// every row of a rating grid reads on the same scale.
enum GridGrouping {
    static func apply(_ questions: [Question], defined: Set<String>) -> [Question] {
        var result = questions
        var start = 0
        while start < result.count {
            guard let head = split(result[start].text) else {
                start += 1
                continue
            }
            var end = start + 1
            while end < result.count, let next = split(result[end].text), MatchKey.make(next.stem) == MatchKey.make(head.stem) { end += 1 }
            if end - start >= 2 {
                let id = "grid-" + SurveyFileNormalizer.stableHash(MatchKey.make(head.stem))
                for index in start..<end {
                    let row = split(result[index].text)!.row
                    result[index].grid = GridRow(id: id, text: head.stem, row: row)
                    result[index].label = row
                }
                if !(start..<end).contains(where: { defined.contains(result[$0].id) }) { unify(&result[start..<end]) }
            }
            start = end
        }
        return result
    }

    /// `質問 [行]` → (質問, 行).
    static func split(_ text: String) -> (stem: String, row: String)? {
        guard let match = text.firstMatch(of: #/^(.*\S)\s*\[([^\[\]]+)\]\s*$/#) else { return nil }
        return (String(match.1), MatchKey.trimmed(String(match.2)))
    }

    private static func unify(_ rows: inout ArraySlice<Question>) {
        guard !rows.contains(where: { $0.type == .text }) else { return }
        var options: [String] = []
        for row in rows { for option in row.options where !options.contains(option) { options.append(option) } }
        if options.allSatisfy({ Int($0) != nil }) { options.sort { Int($0)! < Int($1)! } }
        let type: QuestionType = rows.contains { $0.type == .multiple } ? .multiple : .single
        for index in rows.indices {
            rows[index].options = options
            rows[index].type = type
        }
    }
}
