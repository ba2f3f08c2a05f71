import Foundation
import Testing

/// What a coordinator can rely on under ordinary but unfriendly conditions: names that try to
/// drive the terminal, files linked from elsewhere.
@Suite("Integrity and security under real conditions")
struct IntegrityTests {
    /// A name that would retitle and clear a terminal, then print a line of its own.
    static let hostileName = "x\u{1B}]0;pwned\u{07}\u{1B}[2J\nkankei run: 偽の行\u{202E}vsc.csv"

    @Test("control characters and bidi overrides in file and folder names reach no terminal raw: run, --verbose logs, status")
    func terminalInjection() throws {
        let workspace = try sampleWorkspace(extra: [
            "\(municipal)/\(Self.hostileName)": Array("not,a\n\"survey".utf8),
            "2022-03-01-\u{1B}[31mred/\(Self.hostileName)": Array("also,\"broken".utf8),
        ])
        let run = try kankei(["run", "--verbose", "--workspace", workspace.path])
        #expect(run.status == 1)
        let status = try kankei(["status", "--workspace", workspace.path])
        for output in [run.stdout, run.stderr, status.stdout, status.stderr] {
            #expect(!output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" })
            #expect(!output.components(separatedBy: "\n").contains { $0.hasPrefix("kankei run: 偽の行") })
        }
        #expect(run.stderr.contains("x\\u{1B}]0;pwned\\u{7}\\u{1B}[2J\\u{A}kankei run: 偽の行\\u{202E}vsc.csv"))
        #expect(status.stdout.contains("\\u{1B}[31mred"))
    }

    @Test("a file with a second hard link outside the inbox is copied into archive/, never shared")
    func hardLinks() throws {
        let workspace = try sampleWorkspace()
        let survey = try #require(files(below: workspace.appendingPathComponent("inbox/\(municipal)"))
            .first { $0.lastPathComponent.hasPrefix("WEB説明会") })
        let outside = workspace.appendingPathComponent("outside.csv")
        #expect(link(survey.path, outside.path) == 0)
        let original = try Data(contentsOf: outside)
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let archived = try #require(files(below: workspace.appendingPathComponent("archive")).first { $0.pathExtension == "csv"
            && (try? Data(contentsOf: $0)) == original })
        var status = stat()
        #expect(stat(archived.path, &status) == 0 && status.st_nlink == 1)
        #expect(stat(outside.path, &status) == 0 && status.st_nlink == 1)
        // Editing the file outside changes nothing kept.
        try Data("書き換え".utf8).write(to: outside)
        #expect(try Data(contentsOf: archived) == original)
    }
}

/// YAML the workspace reads that would expand without end.
@Suite("YAML alias bombs")
struct YAMLBombTests {
    /// Nine levels of nine aliases each: 9⁹ (387 million) leaves from under 1 KB.
    static let bomb: String = {
        var lines = ["a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            lines.append("a\(level): &a\(level) [" + Array(repeating: previous, count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test("kpi-values.yaml: refused, naming the file; the reports are still made", .timeLimit(.minutes(1)))
    func kpiValues() throws {
        let workspace = try sampleWorkspace()
        try Self.bomb.write(to: workspace.appendingPathComponent("kpi-values.yaml"), atomically: true, encoding: .utf8)
        let result = try kankei(["run", "--workspace", workspace.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("kpi-values.yaml を読まずに") && result.stderr.contains("200000項目を超えます"))
        #expect(try summary(workspace, municipal).respondents == 29)
    }

    @Test("wording.yaml, event.yaml and a definition: refused, naming the file", .timeLimit(.minutes(1)))
    func otherFiles() throws {
        let wording = try sampleWorkspace()
        try Self.bomb.write(to: wording.appendingPathComponent("pipelines/report/wording.yaml"), atomically: true, encoding: .utf8)
        let refused = try kankei(["run", "--workspace", wording.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("wording.yaml") && refused.stderr.contains("200000項目を超えます"))

        let event = try sampleWorkspace(extra: ["\(company)/event.yaml": Array(("title: 題名\n" + Self.bomb).utf8)])
        let result = try kankei(["run", "--workspace", event.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("event.yaml") && result.stderr.contains("200000項目を超えます"))
        #expect(try summary(event, municipal).respondents == 29)

        let definition = try sampleWorkspace()
        try Self.bomb.write(to: definition.appendingPathComponent("pipelines/bomb.yaml"), atomically: true, encoding: .utf8)
        let broken = try kankei(["run", "--workspace", definition.path])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("bomb.yaml") && broken.stderr.contains("200000項目を超えます"))
    }
}

/// Names as long as a file system allows.
@Suite("Long file names")
struct LongNameTests {
    @Test("a survey whose extension is long and an unreadable file whose name fills 253 bytes: archived and quarantined, the rest counted")
    func longNames() throws {
        let survey = try #require(files(below: Repository.samples.appendingPathComponent("inbox/\(municipal)"))
            .first { $0.lastPathComponent.hasPrefix("WEB説明会") })
        let longExtension = "回答." + String(repeating: "c", count: 240)
        let longName = String(repeating: "あ", count: 83) + ".csv"   // 253 bytes: its .error.txt would be 263
        let workspace = try sampleWorkspace(extra: [
            "2022-03-01-long/\(longExtension)": Array(try OverlappingExportTests.export(rows: 20)),
            "2022-03-01-long/\(longName)": Array("a,\"b".utf8),
        ])
        let result = try kankei(["run", "--workspace", workspace.path])
        #expect(result.status == 1)
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        let quarantined = try FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent("quarantine").path)
        #expect(quarantined.count == 2 && quarantined.allSatisfy { $0.utf8.count <= 255 })
        let note = try #require(quarantined.first { $0.hasSuffix(".error.txt") })
        #expect(try text(workspace.appendingPathComponent("quarantine/\(note)")).contains(longName))
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent("archive").path).allSatisfy { $0.utf8.count <= 255 })
        #expect(try summary(workspace, "2022-03-01-long").respondents > 0)
        #expect(try summary(workspace, municipal).respondents == 29)
    }
}
