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

    /// `true` unless `Status` or `Finished` says the response is not one to count.
    static func isAnswer(status: String?, finished: String?) -> Bool {
        status.map { countedStatuses.contains(MatchKey.make($0)) } ?? true
            && !(finished.map { unfinished.contains(MatchKey.make($0)) } ?? false)
    }

    /// Adds the next column: its id (row 1 / element name), its ImportId, its question's text and,
    /// for an option's column, the option's label (else the option's number is its label).
    mutating func add(id: String, importID: String, question text: String, option: String?) {
        guard let match = importID.firstMatch(of: #/^(?:\d+_)?(QID\d+)(?:[_-](\d+))?(?:[_-](TEXT))?$/#) else {
            layout.roles.append(Self.bookkeeping[MatchKey.make(id)] ?? .skip)
            return
        }
        let question = String(match.1)
        switch (match.2, match.3) {
        case (_?, _?):
            layout.roles.append(.otherText(question: index(question, text)))
        case (let number?, nil):
            let index = index(question, text)
            let label = option ?? String(number)
            layout.offer(label, to: index)
            layout.roles.append(.choice(question: index, label: label))
        default:
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
