import Foundation
import GRDB
import KankeiIngest
import KankeiWorkspace
import Testing

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
