import Foundation
import KankeiIngest
import Testing

/// The hostile-input corpus (`Fixtures/hostile/`, made by scripts/make-hostile-fixtures.py, listed
/// with where each error must point in `EXPECTED.tsv`) dropped into one event beside the sample
/// webinar's good files, plus a 100 MB single field made here: every hostile file is quarantined
/// byte for byte with a Japanese explanation, and the good files are still counted and reported.
@Suite("Hostile input: every bad file quarantined intact and explained, the good ones reported")
struct HostileInputTests {
    struct Expectation {
        var file: String
        var what: String
        var place: String
    }

    static let corpus = Repository.fixtures.appendingPathComponent("hostile")

    static func expectations() throws -> [Expectation] {
        try text(corpus.appendingPathComponent("EXPECTED.tsv")).split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Expectation(file: fields[0], what: fields[1], place: fields[2])
        }
    }

    /// A CSV whose second row is one quoted field of 100 MB (a quote that never closes looks the same).
    static func writeHugeField(to url: URL) throws {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        handle.write(Data("タイムスタンプ,メールアドレス,ご意見・ご感想をご自由にお書きください。\r\n2022/02/04 14:31:38,huge@example.jp,\"".utf8))
        let block = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
        for _ in 0..<100 { handle.write(block) }
        handle.write(Data("\"\r\n".utf8))
    }

    @Test("at least 40 hostile files, each quarantined byte-identical with file, place and remedy; the webinar still counts 29")
    func corpusIsQuarantined() throws {
        let expectations = try Self.expectations()
        #expect(expectations.count >= 40)
        let listed = Set(expectations.map(\.file))
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path)).subtracting(["EXPECTED.tsv"])
        #expect(listed == present, "EXPECTED.tsv and the folder disagree")

        let workspace = try sampleWorkspace()
        let event = workspace.appendingPathComponent("inbox/\(municipal)")
        var originals: [String: String] = [:]
        for expectation in expectations {
            let source = Self.corpus.appendingPathComponent(expectation.file)
            try FileManager.default.copyItem(at: source, to: event.appendingPathComponent(expectation.file))
            originals[expectation.file] = try FileDigest.sha256(of: source).hex
        }
        let huge = event.appendingPathComponent("huge-single-field.csv")
        try Self.writeHugeField(to: huge)
        originals[huge.lastPathComponent] = try FileDigest.sha256(of: huge).hex
        // The event names its survey, so a form that is not that survey is refused, not guessed.
        try "pipeline: municipal-webinar\n".write(to: event.appendingPathComponent("event.yaml"), atomically: true, encoding: .utf8)

        let result = try kankei(["run", "--workspace", workspace.path])
        #expect(result.status == 1)
        let places = Dictionary(uniqueKeysWithValues: expectations.map { ($0.file, $0.place) })
            .merging([huge.lastPathComponent: "行目"]) { $1 }
        let address = try Regex(#"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#)
        for (name, digest) in originals.sorted(by: { $0.key < $1.key }) {
            let kept = workspace.appendingPathComponent("quarantine/\(name)")
            #expect(FileManager.default.fileExists(atPath: kept.path), "\(name) was not quarantined")
            guard FileManager.default.fileExists(atPath: kept.path) else { continue }
            #expect(try FileDigest.sha256(of: kept).hex == digest, "\(name) changed in quarantine")
            let explanation = try text(workspace.appendingPathComponent("quarantine/\(name).error.txt"))
            #expect(explanation.contains("ファイル: \(name)"), "\(name): the explanation does not name the file")
            let place = explanation.split(separator: "\n").first { $0.hasPrefix("場所: ") } ?? ""
            #expect(place.contains(places[name] ?? "?"), "\(name): \(place), expected \(places[name] ?? "?")")
            let remedy = explanation.split(separator: "\n").first { $0.hasPrefix("対処: ") } ?? ""
            #expect(remedy.count > 10, "\(name): no remedy")
            #expect(explanation.firstMatch(of: address) == nil, "\(name): an e-mail address in the explanation")
            #expect(result.stderr.contains("\(name) → "), "\(name) is not named on standard error")
        }
        #expect(result.stderr.firstMatch(of: address) == nil)
        // Nothing but Kankei's own words on stderr: libxml2 prints nothing of its own.
        #expect(!result.stderr.contains("encoding error") && !result.stderr.contains("xmlParseChunk") && !result.stderr.contains("I/O error"))
        #expect(try files(below: workspace.appendingPathComponent("inbox")).isEmpty)

        // The good files of the same batch: counted and reported as without the corpus.
        let tabulation = try summary(workspace, municipal)
        #expect(tabulation.respondents == 29 && tabulation.event.registrants == 106 && tabulation.event.attendees == 81)
        #expect(try summary(workspace, company).respondents == 15)
        #expect(result.stdout.contains("6件のイベントのレポートを作成しました"))
        #expect(result.stdout.contains("読めなかったファイル \(originals.count)件"))
    }
}
