import Foundation
import KankeiIngest
import KankeiModel

enum Fixture {
    static func url(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    /// A file with `contents` in a fresh temporary folder.
    static func temporary(_ name: String, _ contents: [UInt8]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kankei-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(contents).write(to: url)
        return url
    }
}

let testKeys = PersonKeyMaker(secret: Array("test secret".utf8))

/// All records ingest emits for a file.
func ingestRecords(_ url: URL, limits: CSVReader.Limits = .init()) throws -> [IngestRecord] {
    var records: [IngestRecord] = []
    try Ingestor(keys: testKeys, limits: limits).ingest(url) { records.append($0) }
    return records
}

func ingestProblem(_ url: URL, limits: CSVReader.Limits = .init()) -> InputProblem? {
    do {
        _ = try ingestRecords(url, limits: limits)
        return nil
    } catch {
        return error as? InputProblem
    }
}

extension IngestRecord {
    var attendance: Attendance? { if case .attendance(let value) = self { value } else { nil } }
    var registrant: Registrant? { if case .registrant(let value) = self { value } else { nil } }
    var response: SurveyResponse? { if case .response(let value) = self { value } else { nil } }
    var webinar: WebinarInfo? { if case .webinar(let value) = self { value } else { nil } }
    var source: SourceFile? { if case .source(let value) = self { value } else { nil } }
    var surveyColumns: SurveyColumns? { if case .surveyColumns(let value) = self { value } else { nil } }
}
