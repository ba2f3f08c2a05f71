import Foundation
import KankeiModel
@testable import KankeiReport

/// The repository's report templates (`pipelines/report/`), as a workspace gets them.
enum Repository {
    static let pipelines = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("pipelines")
    static let templates = try! ReportTemplates.load(pipelines: pipelines)
}

/// A tabulation with one question and nothing else, for rendering tests.
func tabulation(_ questions: [QuestionResult], respondents: Int = 29, kpis: [KPIResult] = [], segments: [SegmentResult] = [],
                date: String? = "2022-02-04") -> Tabulation {
    Tabulation(event: EventSummary(id: "e", kind: .webinar, title: "説明会", date: date, registrants: 106, organizations: 74, attendees: 81),
               respondents: respondents, responseRate: Percent(count: respondents, of: 81), questions: questions, kpis: kpis,
               segments: segments, notes: [])
}

/// A choice question with the given counts; shares on both bases.
func choiceQuestion(_ type: QuestionType, _ counts: [(String, Int)], answered: Int, id: String = "q", label: String = "WEB説明会に参加した理由（複数回答）",
                    base: PercentBase = .respondents, lead: String = "最も多く", texts: [String] = []) -> QuestionResult {
    let responses = counts.reduce(0) { $0 + $1.1 }
    return QuestionResult(
        id: id, survey: "s", text: label, label: label, type: type,
        base: QuestionBase(respondents: answered, answered: answered, responses: responses),
        options: counts.map { OptionResult(label: $0.0, count: $0.1, percentOfRespondents: Percent(count: $0.1, of: answered),
                                           percentOfResponses: Percent(count: $0.1, of: responses)) },
        topBox: nil, texts: texts, prose: ProseRule(base: base, lead: lead), reference: answered < Tabulation.referenceThreshold)
}
