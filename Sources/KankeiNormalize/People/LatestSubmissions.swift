import KankeiModel

/// Counts each respondent once: "the latest submission per respondent wins".
///
/// A respondent known by their address (`PersonKey`) may submit twice, or appear in two exports of
/// the same survey: their answers are held until the event's files are all read, and only the
/// latest submission (by submission time; on a tie, the one read last) is passed on, in the order
/// respondents first appeared. An anonymous submission cannot be told from another person's, except
/// as a copy in another file (same survey, same submission time, same answers: two overlapping
/// exports). Within one file, identical anonymous rows are different people and all count; a later
/// file's identical rows count only beyond as many as an earlier file had. The rest stream through.
struct LatestSubmissions {
    private var held: [Key: (order: Int, respondent: Respondent)] = [:]
    /// Per anonymous submission (a 128-bit fingerprint of survey, time and answers): how many times
    /// each file holds it.
    private var anonymous: [Fingerprint: [String: Int]] = [:]
    private var order = 0
    /// Older submissions of a known respondent that a newer one replaced.
    private(set) var replaced = 0
    /// Anonymous submissions seen twice (overlapping exports), counted once.
    private(set) var copies = 0

    private struct Key: Hashable {
        var survey: String
        var person: PersonKey
    }

    /// Two FNV-1a 64-bit hashes (other offsets) of a submission's survey, time and answers: the
    /// same in every run, and small however long the answers are.
    struct Fingerprint: Hashable {
        var high: UInt64
        var low: UInt64

        init(survey: String, submittedAt: String, answers: [Answer]) {
            var high: UInt64 = 0xCBF2_9CE4_8422_2325
            var low: UInt64 = 0x8422_2325_CBF2_9CE4
            func add(_ text: String, _ separator: UInt8) {
                for byte in text.utf8 + [separator] {
                    high = (high ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                    low = (low ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                }
            }
            add(survey, 0x1F)
            add(submittedAt, 0x1F)
            for answer in answers {
                add(answer.question, 0x1E)
                for choice in answer.choices { add(choice, 0x1D) }
                add(answer.text ?? "", 0x1C)
            }
            self.high = high
            self.low = low
        }
    }

    /// Surveys that more than one of the event's files answer; `nil` when not known (then every
    /// survey may be). Only their anonymous submissions can be copies, so only theirs are remembered.
    var sharedSurveys: Set<String>?

    /// The respondent to pass on now, or `nil` when it is held (known person) or a copy.
    mutating func offer(_ respondent: Respondent) -> Respondent? {
        order += 1
        guard let person = respondent.person else {
            guard let submitted = respondent.submittedAt, sharedSurveys?.contains(respondent.survey) ?? true else { return respondent }
            let submission = Fingerprint(survey: respondent.survey, submittedAt: submitted, answers: respondent.answers)
            let file = respondent.provenance.sha256
            var files = anonymous[submission, default: [:]]
            files[file, default: 0] += 1
            anonymous[submission] = files
            let earlier = files.filter { $0.key != file }.values.max() ?? 0
            guard files[file]! <= earlier else { return respondent }
            copies += 1
            return nil
        }
        let key = Key(survey: respondent.survey, person: person)
        guard let earlier = held[key] else {
            held[key] = (order, respondent)
            return nil
        }
        replaced += 1
        if Self.isNewer(respondent, than: earlier.respondent) { held[key] = (earlier.order, respondent) }
        return nil
    }

    /// The held respondents, each once, in the order they first appeared.
    mutating func drain() -> [Respondent] {
        defer { held = [:] }
        return held.values.sorted { $0.order < $1.order }.map(\.respondent)
    }

    /// Later submission time wins; without times, or on a tie, the one read later does.
    private static func isNewer(_ candidate: Respondent, than current: Respondent) -> Bool {
        switch (candidate.submittedAt, current.submittedAt) {
        case let (new?, old?): new >= old
        case (nil, _?): false
        default: true
        }
    }
}
