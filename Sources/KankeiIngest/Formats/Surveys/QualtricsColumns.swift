import KankeiModel

/// What Qualtrics' columns mean, for its CSV and its XML alike. A column is told by its ImportId
/// (the XML's element name): `QIDn` a question, `QIDn_TEXT` a text answer, `QIDn_k` option k of a
/// multiple answer split over columns, `QIDn_k_TEXT` the text typed for option k (「その他」),
/// an optional Loop & Merge prefix `1_`; everything else is bookkeeping. Previews, tests and spam
/// (by `Status`) and unfinished responses are not answers.
struct QualtricsColumns {
    private(set) var layout = SurveyLayout()
    private var questionOf: [String: Int] = [:]

    /// `Status` values of real responses: 0 / IP Address, 4 / Imported, 16 / Offline.
    private static let countedStatuses: Set<String> = MatchKey.keys(["0", "IP Address", "4", "Imported", "16", "Offline", "IPアドレス"])
    private static let unfinished: Set<String> = MatchKey.keys(["0", "False"])

    private static let bookkeeping: [String: SurveyLayout.Role] = [
        "enddate": .submitted, "recipientemail": .email, "emailaddress": .email,
        "recipientfirstname": .name, "recipientlastname": .name, "name": .name,
    ]

    init(optionNumbers: Bool) { layout.optionNumbers = optionNumbers }

    /// `true` unless `Finished` says the response was left unfinished.
    static func isFinished(_ finished: String?) -> Bool {
        !(finished.map { unfinished.contains(MatchKey.make($0)) } ?? false)
    }

    /// `true` unless `Status` or `Finished` says the response is not one to count.
    static func isAnswer(status: String?, finished: String?) -> Bool {
        status.map { countedStatuses.contains(MatchKey.make($0)) } ?? true
            && !(finished.map { unfinished.contains(MatchKey.make($0)) } ?? false)
    }

    /// `true` for a column that belongs to a question (`QID3`, `QID3_2`, `QID3_4_TEXT`; `Q3…` in
    /// the legacy layout), not to the response's bookkeeping.
    static func isQuestion(_ importID: String) -> Bool { parse(importID) != nil }

    private static func parse(_ importID: String) -> (question: String, number: String?, text: Bool)? {
        guard let match = importID.firstMatch(of: #/^(?:\d+_)?(Q(?:ID)?\d+)(?:[_-](\d+))?(?:[_-](TEXT))?$/#) else { return nil }
        return (String(match.1), match.2.map(String.init), match.3 != nil)
    }

    /// Adds the next column: its id (row 1 / element name), its ImportId, its question's text and,
    /// for an option's column, the option's label (else the option's number is its label).
    /// `item`: an option's column that holds a value of its own (a rank, a matrix row's answer, a
    /// slider), not a tick — it is a question of its own, `質問 [選択肢]`, as grid rows are written.
    mutating func add(id: String, importID: String, question text: String, option: String?, item: Bool = false) {
        guard let parsed = Self.parse(importID) else {
            layout.roles.append(Self.bookkeeping[MatchKey.make(id)] ?? .skip)
            return
        }
        let question = parsed.question
        switch (parsed.number, parsed.text) {
        case (_?, true):
            let index = index(question, text)
            layout.roles.append(.otherText(question: index))
            // In a numeric download the option is a number, not the label row 2 names.
            if let option, !layout.optionNumbers { layout.typedTexts(of: index, belongTo: option) }
        case (let number?, false) where item:
            layout.roles.append(.answer(question: layout.addQuestion("\(text) [\(option ?? number)]")))
        case (let number?, false):
            let index = index(question, text)
            let label = option ?? String(number)
            layout.offer(label, to: index)
            layout.roles.append(.choice(question: index, label: label))
        case (nil, _):
            let index = layout.addQuestion(text)
            questionOf[question] = index
            layout.roles.append(.answer(question: index))
        }
    }

    private mutating func index(_ question: String, _ text: String) -> Int {
        if let known = questionOf[question] { return known }
        let index = layout.addQuestion(text)
        questionOf[question] = index
        return index
    }
}
