import Foundation
import KankeiModel

/// A LimeSurvey survey's structure as its .lss export describes it: the questions in the order
/// respondents see them, with their type, text, subquestions and answer options, in the survey's
/// base language. Reads both layouts: LimeSurvey 4 and later (texts in `*_l10ns` tables) and
/// earlier (texts and `language` in the rows themselves).
struct LimeSurveyStructure {
    struct Item {
        var qid: String
        var title: String
        var text: String
        var order: Int
        var scale: Int
    }

    struct Question {
        var qid: String
        var gid: String
        var sid: String
        var type: String
        var title: String
        var text: String
        var other: Bool
        var order: (group: Int, question: Int)
        var subquestions: [Item] = []
        /// Answer options: code → text, in order.
        var answers: [(code: String, text: String)] = []
    }

    var sid: String?
    var title: String?
    var questions: [Question]

    /// `true` when the file is a LimeSurvey structure export (`<LimeSurveyDocType>Survey`).
    static func isStructure(_ source: ByteSource) -> Bool {
        let head = String(decoding: source.head.prefix(2048), as: UTF8.self)
        return head.contains("<LimeSurveyDocType>Survey</LimeSurveyDocType>")
    }

    /// The tables a structure is built from; all others are skipped as they stream by.
    private static let tables: Set<String> = ["questions", "subquestions", "question_l10ns", "answers", "answer_l10ns",
                                              "groups", "surveys", "surveys_languagesettings"]

    /// Reads the structure from an .lss file (small: it describes questions, not answers).
    static func read(_ source: ByteSource) throws -> LimeSurveyStructure {
        var rows: [String: [[String: String]]] = [:]
        var docType: String?
        try LimeSurveyTables.read(XMLStreamReader(source), docType: { docType = $0 }) { row in
            if tables.contains(row.table) { rows[row.table, default: []].append(row.values) }
        }
        guard docType == "Survey" else {
            throw source.problem(.element("/document/LimeSurveyDocType"), "LimeSurveyのアンケート構造ファイル（.lss）ではありません。",
                                 "LimeSurveyの「アンケートの書き出し」で .lss（または .lsa アーカイブ）を書き出してください。")
        }
        return build(rows)
    }

    private static func build(_ rows: [String: [[String: String]]]) -> LimeSurveyStructure {
        let language = rows["surveys"]?.first?["language"]
        func inLanguage(_ list: [[String: String]]) -> [[String: String]] {
            let matching = list.filter { $0["language"] == nil || $0["language"] == language }
            return matching.isEmpty ? list : matching
        }
        var questionTexts: [String: String] = [:]
        for row in inLanguage(rows["question_l10ns"] ?? []) {
            if let qid = row["qid"], questionTexts[qid] == nil { questionTexts[qid] = row["question"] }
        }
        var answerTexts: [String: String] = [:]
        for row in inLanguage(rows["answer_l10ns"] ?? []) {
            if let aid = row["aid"], answerTexts[aid] == nil { answerTexts[aid] = row["answer"] }
        }
        var groupOrder: [String: Int] = [:]
        for row in rows["groups"] ?? [] {
            if let gid = row["gid"] { groupOrder[gid] = Int(row["group_order"] ?? "") ?? 0 }
        }
        func text(_ row: [String: String]) -> String {
            HTMLText.plain(row["question"] ?? questionTexts[row["qid"] ?? ""] ?? row["title"] ?? "")
        }
        var questions: [Question] = []
        var seen: Set<String> = []
        for row in inLanguage(rows["questions"] ?? []) {
            guard let qid = row["qid"], (row["parent_qid"] ?? "0") == "0", seen.insert(qid).inserted else { continue }
            let gid = row["gid"] ?? ""
            questions.append(Question(qid: qid, gid: gid, sid: row["sid"] ?? "", type: row["type"] ?? "", title: row["title"] ?? qid,
                                      text: text(row), other: row["other"] == "Y",
                                      order: (groupOrder[gid] ?? 0, Int(row["question_order"] ?? "") ?? 0)))
        }
        var index: [String: Int] = [:]
        for (position, question) in questions.enumerated() { index[question.qid] = position }
        // Old exports keep subquestions in `questions` with a parent; newer ones in `subquestions`.
        var seenSub: Set<String> = []
        for row in inLanguage((rows["subquestions"] ?? []) + (rows["questions"] ?? [])) {
            guard let parent = row["parent_qid"], parent != "0", let position = index[parent], let qid = row["qid"],
                  seenSub.insert(qid).inserted else { continue }
            questions[position].subquestions.append(Item(qid: qid, title: row["title"] ?? qid, text: text(row),
                                                         order: Int(row["question_order"] ?? "") ?? 0,
                                                         scale: Int(row["scale_id"] ?? "") ?? 0))
        }
        var answers: [String: [(order: Int, code: String, text: String)]] = [:]
        var seenAnswer: Set<String> = []
        for row in inLanguage(rows["answers"] ?? []) {
            guard let qid = row["qid"], let code = row["code"], (row["scale_id"] ?? "0") == "0",
                  seenAnswer.insert(qid + "\u{1F}" + code).inserted else { continue }
            let html = row["answer"] ?? answerTexts[row["aid"] ?? ""] ?? code
            // An answer shown only as an image is named by its code and the image's file.
            let text = HTMLText.imageFile(html).map { "\(code)（画像 \($0)）" } ?? HTMLText.plain(html)
            answers[qid, default: []].append((Int(row["sortorder"] ?? "") ?? 0, code, text))
        }
        for position in questions.indices {
            questions[position].subquestions.sort { $0.order < $1.order }
            questions[position].answers = (answers[questions[position].qid] ?? []).sorted { $0.order < $1.order }.map { ($0.code, $0.text) }
        }
        questions.sort { ($0.order.group, $0.order.question) < ($1.order.group, $1.order.question) }
        let title = inLanguage(rows["surveys_languagesettings"] ?? []).first?["surveyls_title"]
        return LimeSurveyStructure(sid: rows["surveys"]?.first?["sid"] ?? questions.first?.sid, title: title, questions: questions)
    }
}
