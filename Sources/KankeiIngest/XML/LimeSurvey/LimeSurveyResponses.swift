import KankeiModel

/// Reads LimeSurvey responses (.lsr) against the survey's structure (.lss): each response column
/// (`{sid}X{gid}X{qid}` plus a subquestion's title or `other`; `Q{qid}`, `Q{qid}_S{sqid}`,
/// `Q{qid}_Cother` in LimeSurvey 7) is mapped to its question. A multiple choice (`M`, `P`) becomes
/// one question whose options are the subquestions (`Y` = ticked); a list (`L`, `!`, `O`) shows
/// its answer codes as their texts; an array becomes one `質問 [行]` column per row, as Google Forms
/// writes grids. Responses without a `submitdate` were never completed and are not answers.
struct LimeSurveyResponses {
    let structure: LimeSurveyStructure
    let context: IngestContext

    /// Texts for the answer codes of types whose codes are fixed by LimeSurvey itself.
    private static let fixedCodes: [String: [String: String]] = [
        "Y": ["Y": "はい", "N": "いいえ"],
        "G": ["F": "女性", "M": "男性"],
        "C": ["Y": "はい", "U": "どちらともいえない", "N": "いいえ"],
        "E": ["I": "増加", "S": "同じ", "D": "減少"],
    ]
    private static let multipleChoice: Set<String> = ["M", "P"]
    private static let lists: Set<String> = ["L", "!", "O"]
    private static let arrays: Set<String> = ["F", "H", "A", "B", "C", "E", "K", "Q", "1"]
    private static let skipped: Set<String> = ["X", "*", "|", "I", ":", ";", "R"]
    /// Types whose answer is typed (short, long and huge text, numbers, dates).
    private static let typed: Set<String> = ["S", "T", "U", "Q", "K", "N", "D"]
    /// The options of types whose answers LimeSurvey fixes itself, in its order.
    private static let fixedOptions: [String: [String]] = [
        "Y": ["はい", "いいえ"], "G": ["女性", "男性"], "C": ["はい", "どちらともいえない", "いいえ"], "E": ["増加", "同じ", "減少"],
        "5": ["1", "2", "3", "4", "5"], "A": ["1", "2", "3", "4", "5"], "B": (1...10).map(String.init),
    ]
    /// Label LimeSurvey shows for a question's "other" option in a Japanese survey.
    static let otherLabel = "その他"

    /// The layout: response column name → column index, with the layout's roles in that order.
    private func layout() -> (layout: SurveyLayout, columns: [String: Int]) {
        var layout = SurveyLayout()
        var columns: [String: Int] = [:]
        func add(_ role: SurveyLayout.Role, names: [String]) {
            for name in names { columns[name] = layout.roles.count }
            layout.roles.append(role)
        }
        add(.submitted, names: ["submitdate"])
        for question in structure.questions where !Self.skipped.contains(question.type) {
            let base = "\(question.sid)X\(question.gid)X\(question.qid)", modern = "Q\(question.qid)"
            let codes = Self.fixedCodes[question.type] ?? Dictionary(question.answers.map { ($0.code, $0.text) }, uniquingKeysWith: { a, _ in a })
            let other = question.other ? Self.otherLabel : nil
            if Self.multipleChoice.contains(question.type) {
                let index = layout.addQuestion(question.text, options: question.subquestions.map(\.text) + (question.other ? [Self.otherLabel] : []),
                                               hint: ColumnHint(type: .multiple, otherOption: other))
                for sub in question.subquestions {
                    add(.choice(question: index, label: sub.text), names: [base + sub.title, "\(modern)_S\(sub.qid)"])
                }
                if question.other { add(.otherText(question: index), names: [base + "other", modern + "_Cother"]) }
            } else if Self.arrays.contains(question.type) {
                for sub in question.subquestions where sub.scale == 0 {
                    let options = question.answers.isEmpty ? Self.fixedOptions[question.type] : question.answers.map(\.text)
                    let index = layout.addQuestion("\(question.text) [\(sub.text)]", options: options, hint: ColumnHint(type: .single))
                    add(.coded(question: index, texts: codes), names: [base + sub.title, "\(modern)_S\(sub.qid)", base + sub.title + "#0"])
                }
            } else {
                let listed = question.answers.isEmpty ? Self.fixedOptions[question.type] : question.answers.map(\.text)
                let options = listed.map { $0 + (question.other ? [Self.otherLabel] : []) }
                let type: QuestionType? = Self.typed.contains(question.type) ? .text : (listed == nil ? nil : .single)
                let index = layout.addQuestion(question.text, options: options, hint: ColumnHint(type: type, otherOption: type == .single ? other : nil))
                add(.coded(question: index, texts: codes), names: [base, modern])
                if question.other { add(.otherText(question: index), names: [base + "other", modern + "_Cother"]) }
            }
        }
        return (layout, columns)
    }

    /// Reads the .lsr at `source`, emitting the columns and every completed response.
    func read(_ source: ByteSource) throws {
        let (layout, columns) = layout()
        try context.emit(.surveyColumns(layout.columns(context, format: .limeSurveyResponses)))
        var docType: String?
        var number = 0
        try LimeSurveyTables.read(XMLStreamReader(source), docType: { docType = $0 }) { row in
            guard row.table == "responses" else { return }
            guard docType == "Responses" else { throw notResponses(source) }
            number += 1
            guard CellText.meaningful(row.values["submitdate"]) != nil else { return }
            var cells = [String?](repeating: nil, count: layout.roles.count)
            for (name, value) in row.values {
                if let column = columns[name] { cells[column] = CellText.meaningful(value) }
            }
            // The row's number among the responses stands in for a spreadsheet row.
            let response = layout.response({ cells[$0] }, provenance: Provenance(sha256: context.sha256, row: number), keys: context.keys)
            try context.emit(.response(response))
        }
        if docType != "Responses" { throw notResponses(source) }
    }

    private func notResponses(_ source: ByteSource) -> InputProblem {
        source.problem(.element("/document/LimeSurveyDocType"), "LimeSurveyの回答ファイル（.lsr）ではありません。",
                       "LimeSurveyの「回答の書き出し」で .lsr（または .lsa アーカイブ）を書き出してください。")
    }
}
