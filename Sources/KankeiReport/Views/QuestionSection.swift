import Foundation
import KankeiModel

/// One question of a summary: its base (n), the sentence, the bar chart, the table with both
/// bases for a multiple answer, and the free-text answers (already masked by ingest).
struct QuestionSection {
    struct Row {
        let label: String
        let count: Int
        let percent: String
        let percentOfResponses: String
    }

    let id: String
    let heading: String
    let base: String
    let reference: Bool
    let sentence: String?
    let chart: String?
    let multiple: Bool
    let choice: Bool
    let options: [Row]
    let topBox: EventPage.Fact?
    let texts: [String]
    let hasTexts: Bool
    let textsHeading: String?
    let more: String?

    init(_ question: QuestionResult, _ templates: ReportTemplates) {
        id = question.id.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" ? String($0) : "_" }.joined()
        heading = question.label
        base = templates.phrase(.questionBase, [
            "answered": question.base.answered, "respondents": question.base.respondents,
            "unanswered": question.base.respondents - question.base.answered, "responses": question.base.responses,
            "multiple": question.type == .multiple,
        ])
        reference = question.reference
        sentence = Prose.sentence(for: question, templates)
        multiple = question.type == .multiple
        choice = question.type != .text && !question.options.isEmpty
        let none = templates.phrase(.none)
        // 選択肢外 only means something where the form has options (a club question lists none).
        let marksUnlisted = question.options.contains { !$0.unlisted }
        let label = { (option: OptionResult) in
            option.unlisted && marksUnlisted ? templates.phrase(.unlisted, ["label": option.label]) : option.label
        }
        options = question.options.map { option in
            Row(label: label(option), count: option.count, percent: Formatting.percent(option.percentOfRespondents, none: none),
                percentOfResponses: Formatting.percent(option.percentOfResponses, none: none))
        }
        topBox = question.topBox.map { topBox in
            EventPage.Fact(label: templates.phrase(.topBox, ["options": question.topBoxOptions.joined(separator: "＋")]),
                           value: "\(topBox.fixed)%")
        }
        if choice {
            let byResponses = Prose.quotesResponses(question)
            let caption = byResponses
                ? templates.phrase(.chartResponses, ["n": question.base.responses])
                : templates.phrase(.chartRespondents, ["n": question.base.answered])
            let topBoxOptions = Set(question.topBoxOptions)
            chart = BarChart(bars: question.options.map { option in
                let percent = Prose.quoted(option, of: question)
                return BarChart.Bar(label: label(option), percent: percent,
                                    value: templates.phrase(.chartValue, ["percent": Formatting.percent(percent, none: none), "count": option.count]),
                                    emphasised: topBoxOptions.contains(option.label))
            }, caption: caption, title: templates.phrase(.chartLabel, ["question": question.label])).svg
        } else {
            chart = nil
        }
        texts = question.texts
        textsHeading = question.texts.isEmpty ? nil : templates.label(question.type == .text ? "labels.comments" : "labels.others")
        let hidden = question.textCount - question.texts.count
        more = hidden > 0 ? templates.phrase(.moreTexts, ["count": hidden]) : nil
        hasTexts = !texts.isEmpty || more != nil
    }
}
