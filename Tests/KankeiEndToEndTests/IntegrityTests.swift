import Foundation
import GRDB
import KankeiIngest
import KankeiWorkspace
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
