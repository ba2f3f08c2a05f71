import Foundation
import KankeiModel
import Testing
@testable import KankeiIngest

@Suite("Zoom reports: preamble, sections, many rows per person")
struct ZoomReportTests {
    @Test("the real anonymised attendee report: every section and row read")
    func referenceExport() throws {
        let records = try ingestRecords(Fixture.url("zoom-webinar-attendee-report.anonymized.csv"))
        #expect(records.first?.source?.format == .zoomAttendeeReport)
        let webinar = try #require(records.compactMap(\.webinar).first)
        #expect(webinar.topic == "satRdays DC 2020")
        #expect(webinar.date == "2020-03-28")
        #expect(webinar.durationMinutes == 548)
        let rows = records.compactMap(\.attendance)
        let perRole = Dictionary(grouping: rows, by: \.role).mapValues(\.count)
        #expect(perRole == [.host: 1, .panelist: 73, .attendee: 940, .other: 4])
        #expect(rows.filter { $0.role == .attendee && !$0.attended }.count == 16)
        // One person, many join/leave rows: 924 "Yes" rows are 455 people.
        #expect(Set(rows.filter { $0.role == .attendee && $0.attended }.map(\.person)).count == 455)
        // Leading spaces in numbers are tolerated.
        #expect(rows.first?.minutes == 548)
        #expect(rows.first { $0.role == .attendee && !$0.attended }?.joinTime == nil)
    }

    @Test("padded section labels, a custom question whose header holds a comma, -- as empty")
    func paddedSections() throws {
        let records = try ingestRecords(Fixture.url("zoom-attendee-padded.csv"))
        let webinar = try #require(records.compactMap(\.webinar).first)
        #expect(webinar.topic == "テスト説明会, 第1回")
        #expect(webinar.date == "2022-02-04")
        let rows = records.compactMap(\.attendance)
        #expect(rows.map(\.role) == [.host, .panelist, .attendee, .attendee, .attendee, .attendee, .other])
        #expect(rows.map(\.attended) == [true, true, true, true, false, true, true])
        #expect(rows[2].organization == "北海道奈井江町")
        #expect(rows[4].organization == "ＮＰＯ法人 テスト")
        // The same address in another case is the same person.
        #expect(rows[2].person == rows[3].person)
        #expect(rows[1].person == rows[5].person)
        #expect(rows[4].minutes == nil && rows[4].joinTime == nil)
        #expect(rows[2].provenance.row == 13)
    }

    @Test("Japanese headers, no section labels, a BOM")
    func japaneseHeaders() throws {
        let records = try ingestRecords(Fixture.url("zoom-attendee-japanese.csv"))
        #expect(records.first?.source?.encoding == "UTF-8 (BOM)")
        #expect(records.compactMap(\.webinar).first?.topic == "自治体向け説明会")
        #expect(records.compactMap(\.webinar).first?.date == "2022-02-04")
        let rows = records.compactMap(\.attendance)
        #expect(rows.count == 1)
        #expect(rows.first?.role == .attendee && rows.first?.minutes == 60)
    }

    @Test("a registration report without a section label, CRLF line ends")
    func registration() throws {
        let records = try ingestRecords(Fixture.url("zoom-registration-nolabel.csv"))
        #expect(records.first?.source?.format == .zoomRegistrationReport)
        let registrants = records.compactMap(\.registrant)
        #expect(registrants.map(\.organization) == ["北海道奈井江町", "ＮＰＯ法人テスト", "北海道奈井江町"])
        #expect(registrants.map(\.approvalStatus) == ["approved", "approved", "approved"])
        #expect(registrants.map(\.provenance.row) == [6, 7, 8])
    }

    @Test("no e-mail address or name leaves ingest")
    func pseudonymous() throws {
        for name in ["zoom-attendee-padded.csv", "zoom-registration-nolabel.csv", "google-forms-basic.csv"] {
            let json = try ingestRecords(Fixture.url(name)).map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
                .joined(separator: "\n")
            #expect(!json.contains("@"), "\(name)")
            #expect(!json.contains("山田") && !json.contains("太郎"), "\(name)")
        }
    }
}

@Suite("Zoom reports: columns and sections that are easy to get wrong")
struct ZoomReportEdgeTests {
    @Test("a custom question that mentions companies is not the organisation; the organisation question is")
    func organisationColumn() throws {
        let registrants = try ingestRecords(Fixture.url("zoom-registration-question-columns.csv")).compactMap(\.registrant)
        #expect(registrants.map(\.organization) == ["北海道奈井江町", "岡山県瀬戸内市"])
        #expect(registrants.map(\.approvalStatus) == ["approved", "denied"])
    }

    @Test("a header row without its own label starts the main table, not the previous section")
    func missingLabel() throws {
        let rows = try ingestRecords(Fixture.url("zoom-attendee-missing-label.csv")).compactMap(\.attendance)
        #expect(rows.map(\.role) == [.host, .attendee])
    }
}
