import Foundation
import KankeiModel
import Testing
@testable import KankeiNormalize

@Suite("The normalize stage over one event's records")
struct NormalizerTests {
    private func run(_ records: [IngestRecord], settings: EventSettings = EventSettings(id: "2022-03-01-test")) throws -> [NormalizedRecord] {
        var output: [NormalizedRecord] = []
        let normalizer = Normalizer(settings: settings, catalog: try PipelineCatalog.load(from: repositoryPipelines)) { output.append($0) }
        for record in records { try normalizer.consume(record) }
        try normalizer.finish()
        return output
    }

    private func survey(_ columns: [String], _ rows: [[String?]]) -> [IngestRecord] {
        [.source(SourceFile(name: "回答.csv", sha256: "abcdef0123456789", bytes: 1, format: .googleFormsCSV, encoding: "UTF-8")),
         .surveyColumns(SurveyColumns(source: "abcdef0123456789", format: .googleFormsCSV, columns: columns))]
            + rows.enumerated().map { index, cells in
                .response(SurveyResponse(provenance: Provenance(sha256: "abcdef0123456789", row: index + 2), submittedAt: "2022/03/01 10:00:00",
                                         person: nil, cells: cells.map { $0.map(SurveyCell.text) }))
            }
    }

    @Test("a survey no definition describes is still counted, its types inferred, with a notice")
    func inferred() throws {
        let output = try run(survey(["参加のきっかけ（複数選択）", "満足度"],
                                    [["知人の紹介, SNS", "満足"], ["SNS", "満足"], ["チラシ, SNS", "やや満足"], ["知人の紹介", "満足"]]))
        guard case .survey(let schema)? = output.first else {
            Issue.record("no schema first")
            return
        }
        #expect(schema.inferred && schema.id.hasPrefix("inferred-"))
        #expect(schema.questions.map(\.type) == [.multiple, .single])
        #expect(output.contains { if case .notice(let notice) = $0 { notice.message.contains("推定") } else { false } })
        guard case .event(let event)? = output.last else {
            Issue.record("no event last")
            return
        }
        #expect(event.kind == .survey && event.date == "2022-03-01")
    }

    @Test("registrants and attendees merge per person; hosts and panelists are not attendees")
    func people() throws {
        let sha = "0123"
        let alice = PersonKey("alice"), bob = PersonKey("bob"), host = PersonKey("host")
        let provenance = Provenance(sha256: sha, row: 1)
        let records: [IngestRecord] = [
            .source(SourceFile(name: "reg.csv", sha256: sha, bytes: 1, format: .zoomRegistrationReport, encoding: "UTF-8")),
            .registrant(Registrant(person: alice, organization: "北海道奈井江町 ", registrationTime: nil, approvalStatus: nil, provenance: provenance)),
            .registrant(Registrant(person: bob, organization: "北海道奈井江町", registrationTime: nil, approvalStatus: nil, provenance: provenance)),
            .source(SourceFile(name: "att.csv", sha256: "4567", bytes: 1, format: .zoomAttendeeReport, encoding: "UTF-8")),
            .webinar(WebinarInfo(source: "4567", topic: "説明会", date: "2022-02-04")),
            .attendance(Attendance(person: host, role: .host, attended: true, organization: nil, joinTime: nil, leaveTime: nil, minutes: nil, provenance: provenance)),
            .attendance(Attendance(person: alice, role: .attendee, attended: true, organization: nil, joinTime: nil, leaveTime: nil, minutes: 5, provenance: provenance)),
            .attendance(Attendance(person: alice, role: .attendee, attended: true, organization: nil, joinTime: nil, leaveTime: nil, minutes: 9, provenance: provenance)),
            .attendance(Attendance(person: bob, role: .attendee, attended: false, organization: nil, joinTime: nil, leaveTime: nil, minutes: nil, provenance: provenance)),
        ]
        let participants = try run(records).compactMap { if case .participant(let value) = $0 { value } else { nil } }
        #expect(participants.map(\.person) == [alice, bob, host])
        #expect(participants.map(\.registered) == [true, true, false])
        #expect(participants.map(\.attended) == [true, false, false])
        #expect(participants.map(\.staff) == [false, false, true])
        #expect(Set(participants.compactMap(\.organizationKey)).count == 1)
    }

    @Test("event.yaml wins over the exports; a pipeline it names that does not exist is a clear problem")
    func settings() throws {
        let output = try run([], settings: EventSettings(id: "x", kind: .webinar, title: "題名", date: "2022-02-10"))
        #expect(output.last == .event(EventInfo(id: "x", kind: .webinar, title: "題名", date: "2022-02-10")))
        #expect(throws: EventSettingsProblem.self) {
            try run(survey(["問1"], [["A"]]), settings: EventSettings(id: "x", pipeline: "no-such-survey"))
        }
    }

    @Test("a registration the host denied is not an application; the report says how many were left out")
    func denied() throws {
        let provenance = Provenance(sha256: "r", row: 2)
        let output = try run([
            .source(SourceFile(name: "reg.csv", sha256: "r", bytes: 1, format: .zoomRegistrationReport, encoding: "UTF-8")),
            .registrant(Registrant(person: PersonKey("a"), organization: "A町", registrationTime: nil, approvalStatus: "approved", provenance: provenance)),
            .registrant(Registrant(person: PersonKey("b"), organization: "B市", registrationTime: nil, approvalStatus: "denied", provenance: provenance)),
        ])
        let participants = output.compactMap { if case .participant(let value) = $0 { value } else { nil } }
        #expect(participants.map(\.person) == [PersonKey("a")])
        #expect(output.contains { if case .notice(let notice) = $0 { notice.message.contains("拒否") && notice.message.contains("1名") } else { false } })
    }

    @Test("two extra columns with the same header are two questions")
    func sameHeaderTwice() throws {
        let output = try run(survey(["「放課後企業クラブ」に関心はありますか。", "本日のWEB説明会に参加された理由を教えてください。（複数回答可）",
                                     "満足度", "満足度"], [["関心あり", "先進事例に興味があった", "5", "4"]]))
        guard case .survey(let schema)? = output.first else {
            Issue.record("no schema")
            return
        }
        let ids = schema.questions.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(schema.questions.filter { $0.text == "満足度" }.count == 2)
    }

    @Test("the same survey in two files is flagged in the notes")
    func twoFilesOfOneSurvey() throws {
        let columns = ["本日のWEB説明会に参加された理由を教えてください。（複数回答可）", "「放課後企業クラブ」に関心はありますか。"]
        var records = survey(columns, [["先進事例に興味があった", "関心あり"]])
        records += [.source(SourceFile(name: "再ダウンロード.csv", sha256: "ffff", bytes: 1, format: .googleFormsCSV, encoding: "UTF-8")),
                    .surveyColumns(SurveyColumns(source: "ffff", format: .googleFormsCSV, columns: columns))]
        let notices = try run(records).compactMap { if case .notice(let value) = $0 { value.message } else { nil } }
        #expect(notices.contains { $0.contains("同じアンケートのファイルが複数あります") && $0.contains("再ダウンロード.csv") })
    }
}

