import KankeiModel

/// The normalize stage for one event: ingest records in, `NormalizedRecord`s out.
///
/// Survey files are matched to the office's definitions by their header (or to the one
/// `event.yaml` names); multi-answer cells are split against the known options; registrants and
/// attendees are merged per person with their organisations; the event's kind, title and date come
/// from `event.yaml`, else the Zoom reports, else the folder name. Respondents stream out as they
/// come; participants, notices and the event follow at `finish()`.
public final class Normalizer {
    private let settings: EventSettings
    private let catalog: PipelineCatalog
    private let sides: SideDirectory
    private let emit: (NormalizedRecord) throws -> Void
    /// The sessions the attendance reports cover, in order, each once; and the current report's.
    private var sessions: [SessionInfo] = []
    private var session: SessionInfo?
    private var files: Set<String> = []
    private var file: SourceFile?
    private var survey: SurveyFileNormalizer?
    private var people = PeopleLedger()
    private var webinar: WebinarInfo?
    private var definitionTitle: String?
    private var definitionKind: EventKind?
    private var firstSubmission: String?
    private var notices: [Notice] = []
    private var formats: [SourceFormat] = []
    /// Survey files per schema id (in order of first appearance), to warn when one survey arrives in several.
    private var surveyFiles: [(id: String, files: [String])] = []
    private var submissions = LatestSubmissions()
    /// The schema each survey got from its first file: later files of it keep its questions' types.
    private var schemas: [String: SurveySchema] = [:]
    /// Surveys no definition describes whose files so far were too short to tell their types: the
    /// next file of the same survey takes their rows over, the event's end starts them.
    private var pooled: [String: SurveyFileNormalizer] = [:]

    /// `sides`: what decides a participant's side (from the matching core); without it only the
    /// municipal-domain rule does.
    public init(settings: EventSettings, catalog: PipelineCatalog, sides: SideDirectory = SideDirectory(),
                emit: @escaping (NormalizedRecord) throws -> Void) {
        self.settings = settings
        self.catalog = catalog
        self.sides = sides
        self.emit = emit
    }

    public func consume(_ record: IngestRecord) throws {
        switch record {
        case .source(let source):
            try closeSurvey()
            file = source
            files.insert(source.sha256)
            session = nil
            if !formats.contains(source.format) { formats.append(source.format) }
        case .webinar(let info):
            if webinar?.topic == nil { webinar = info }
            session = SessionInfo(info)
        case .registrant(let registrant):
            people.register(registrant)
        case .attendance(let row):
            let session = self.session ?? SessionInfo(key: row.provenance.sha256, source: row.provenance.sha256)
            if !sessions.contains(where: { $0.key == session.key }) { sessions.append(session) }
            people.attend(row, session: session.key)
        case .surveyColumns(let columns):
            try closeSurvey()
            survey = try openSurvey(columns)
            if let survey, let earlier = pooled.removeValue(forKey: survey.schemaID) { try survey.adopt(earlier) }
        case .response(let response):
            if firstSubmission == nil { firstSubmission = response.submittedAt }
            try survey?.consume(response)
        case .census(let census):
            try survey?.consume(census)
        case .notice(let notice):
            notices.append(notice)
        }
    }

    /// Tells which surveys the event's files answer (each file's columns, as far as known before
    /// reading): a survey only one file answers has no copies to look for, so its anonymous rows
    /// need not be remembered and may come as a census.
    public func announce(surveys: [SurveyColumns]) {
        var seen: Set<String> = []
        var shared: Set<String> = []
        for id in surveys.map(surveyID(of:)) where !seen.insert(id).inserted { shared.insert(id) }
        submissions.sharedSurveys = shared
    }

    /// How the rest of the survey being read may come counted per column (`CensusPlan`); `nil`
    /// when its rows must come one by one: another file may hold copies of them, or its answers
    /// depend on each other.
    public func censusPlan() -> CensusPlan? {
        guard let survey, let shared = submissions.sharedSurveys, !shared.contains(survey.schemaID) else { return nil }
        return survey.censusPlan
    }

    private func surveyID(of columns: SurveyColumns) -> String {
        SurveyFileNormalizer.schemaID(columns, match: (try? match(columns)) ?? nil)
    }

    /// The definition a survey's columns match: the one `event.yaml` names (forced), else the
    /// catalog's best. Throws when `event.yaml` names a definition `pipelines/` lacks.
    private func match(_ columns: SurveyColumns) throws -> SurveyMatch? {
        guard let id = settings.pipeline else { return catalog.match(columns: columns.columns) }
        guard let definition = catalog.definition(id: id) else {
            throw EventSettingsProblem(InputProblem(
                file: EventSettings.fileName, location: .column("pipeline"),
                problem: "pipeline「\(id)」という定義が pipelines/ にありません。",
                remedy: "使える定義: " + catalog.definitions.map(\.id).joined(separator: "、")))
        }
        return PipelineCatalog.match(definition, columns: columns.columns, force: true)
    }

    public func finish() throws {
        try closeSurvey()
        for id in pooled.keys.sorted() { try pooled[id]?.finish() }
        pooled = [:]
        for respondent in submissions.drain() { try emit(.respondent(respondent)) }
        for session in sessions { try emit(.session(session)) }
        let participants = people.participants(sides: sides)
        for participant in participants { try emit(.participant(participant)) }
        let denied = people.denied.subtracting(participants.filter(\.registered).map(\.person))
        if !denied.isEmpty {
            notices.append(Notice(message: "登録レポートで承認ステータスが「拒否」の\(denied.count)名は、申込人数に含めていません。"))
        }
        for survey in surveyFiles where survey.files.count > 1 {
            notices.append(Notice(message: "同じアンケートのファイルが複数あります（\(NoticeFolding.names(survey.files))）。"
                + "回答者ごとに最も新しい回答だけを数え、ファイルの重なりを二重に数えていません。"))
        }
        if submissions.replaced > 0 {
            notices.append(Notice(message: "同じ回答者（同じメールアドレス）の回答が複数あったため、回答者ごとに最も新しい回答だけを集計しました（古い回答\(submissions.replaced)件を除外）。"))
        }
        if submissions.copies > 0 {
            notices.append(Notice(message: "送信日時と回答内容がまったく同じ回答が\(submissions.copies)件重なっていたため（同じ回答を含む書き出しファイルが複数）、1回だけ数えました。"))
        }
        // Only a webinar's attendee report lists registrants (its absentees too); a meeting's participants report has none.
        if !people.hasRegistrationReport, formats.contains(.zoomAttendeeReport), event.kind != .clubSession {
            notices.append(Notice(message: "登録レポートがないため、申込人数は出席者レポートの出席者欄（欠席者を含む）から数えました。"))
        }
        for notice in NoticeFolding.fold(notices) { try emit(.notice(notice)) }
        try emit(.event(event))
    }

    private var event: EventInfo {
        let kind = settings.kind ?? (webinar != nil ? .webinar : definitionKind ?? .survey)
        let date = settings.date ?? webinar?.date ?? DateText.leadingISODate(in: settings.id)
            ?? firstSubmission.flatMap(DateText.isoDate)
        let title = settings.title ?? webinar?.topic ?? definitionTitle ?? settings.id
        return EventInfo(id: settings.id, kind: kind, title: title, date: date, club: settings.club, audience: settings.audience, sources: formats,
                         files: files.sorted())
    }

    private func openSurvey(_ columns: SurveyColumns) throws -> SurveyFileNormalizer {
        let name = file?.name ?? columns.source
        let match = try self.match(columns)
        if let id = settings.pipeline, let definition = catalog.definition(id: id), match?.questions.isEmpty != false {
            throw InputProblem(
                file: name, location: .row(1),
                problem: "見出しの設問が、event.yaml の pipeline「\(id)」（\(definition.title)）の設問と1つも一致しません。別のアンケートのファイルか、設問文が変更されています。",
                remedy: "このイベントのアンケートなら pipelines/\(id).yaml の設問文（または aliases）を直してください。別のアンケートなら、そのイベントのフォルダに置いてください。")
        }
        if let match, let (id, indices) = match.duplicatedColumns.min(by: { $0.value[0] < $1.value[0] }) {
            let question = match.questions[indices[0]]
            throw InputProblem(
                file: name, location: .row(1),
                problem: "見出し「\(columns.columns[indices[0]])」の列が\(indices.count)つあります（\(indices.map { "\($0 + 1)列目" }.joined(separator: "・"))）。定義の設問「\(question?.label ?? question?.text ?? id)」にどの列を使うか決められません。",
                remedy: "フォームで設問名を区別できるように変えて書き出し直すか、不要な列を削除してから inbox/ に置き直してください。")
        }
        if let match {
            definitionTitle = definitionTitle ?? match.definition.title
            definitionKind = definitionKind ?? match.definition.eventKind
            if !match.unmatchedColumns.isEmpty {
                let texts = match.unmatchedColumns.map { "「\(columns.columns[$0])」" }.joined(separator: "、")
                notices.append(Notice(source: name, message: "\(name): 定義「\(match.definition.title)」にない設問 \(texts) は、回答内容から種類を推定して集計しました。"))
            }
        } else {
            notices.append(Notice(source: name, message: "\(name): どのアンケート定義（pipelines/）にも一致しなかったため、設問の種類（単一回答・複数回答・自由記述）を回答内容から推定しました。"))
        }
        return SurveyFileNormalizer(columns: columns, file: name, match: match, catalog: catalog,
                                    earlier: { [unowned self] id in schemas[id] }) { [unowned self] record in
            if case .survey(let schema) = record, schemas[schema.id] == nil { schemas[schema.id] = schema }
            guard case .respondent(let respondent) = record else { return try emit(record) }
            if let now = submissions.offer(respondent) { try emit(.respondent(now)) }
        }
    }

    private func closeSurvey() throws {
        guard let survey else { return }
        self.survey = nil
        if survey.canPool {
            pooled[survey.schemaID] = survey
        } else {
            try survey.finish()
        }
        let name = file?.name ?? ""
        if let index = surveyFiles.firstIndex(where: { $0.id == survey.schemaID }) {
            surveyFiles[index].files.append(name)
        } else {
            surveyFiles.append((survey.schemaID, [name]))
        }
        for missing in survey.missingQuestions {
            notices.append(Notice(source: name, message: "\(name): 定義の設問「\(missing.label ?? missing.text)」の列がファイルにありません。"))
        }
        for question in survey.schema?.questions ?? [] {
            guard !question.options.isEmpty, let count = survey.unlistedCounts[question.id] else { continue }
            let how = question.otherOption.map { "「\($0)」として" } ?? "回答のままの表記で"
            notices.append(Notice(source: name, message: "\(name): 「\(question.label)」で選択肢にない回答が\(count)件あり、\(how)集計しました。"))
        }
    }
}
