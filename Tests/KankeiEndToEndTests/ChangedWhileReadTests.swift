import Foundation
import GRDB
import KankeiIngest
import KankeiWorkspace
import Testing

/// Only what was kept is counted: a file that changes or vanishes while it is read.
@Suite("Files that change while read")
struct ChangedWhileReadTests {
    @Test("rows appended, or the file deleted, between reading and archiving: not counted, left for the next run; archive/ holds what was counted under its own hash", arguments: ["append", "delete"])
    func changedWhileRead(change: String) throws {
        let workspace = try sampleWorkspace()
        let survey = try #require(files(below: workspace.appendingPathComponent("inbox/\(municipal)"))
            .first { $0.lastPathComponent.hasPrefix("WEB説明会") })
        // One more answer: the last one again, from another address.
        let last = try #require(try text(survey).components(separatedBy: "\r\n").last { !$0.isEmpty })
        var fields = last.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        fields[1] = "late@example.jp"
        let late = Data((fields.joined(separator: ",") + "\r\n").utf8)
        var options = BatchRun.Options()
        options.afterReading = { event, read in
            guard event == municipal, read.contains(survey) else { return }
            if change == "append" {
                let handle = try? FileHandle(forWritingTo: survey)
                _ = try? handle?.seekToEnd()
                handle?.write(late)
                try? handle?.close()
            } else {
                try? FileManager.default.removeItem(at: survey)
            }
        }
        let report = try BatchRun(workspace: workspace, options: options).run()
        #expect(report.warnings.contains { $0.contains("読んでいる間に書き換わったか消えた") && $0.contains(survey.lastPathComponent) })
        // The event was counted without the survey: no respondents, and nothing of it archived.
        #expect(try summary(workspace, municipal).respondents == 0)
        let archived = files(below: workspace.appendingPathComponent("archive"))
        for file in archived {
            #expect((try? FileDigest.sha256(of: file))?.hex == file.deletingPathExtension().lastPathComponent, "\(file.lastPathComponent)")
        }
        #expect(FileManager.default.fileExists(atPath: survey.path) == (change == "append"))
        #expect(try summary(workspace, company).respondents == 15)
        if change == "append" {
            // The next run reads the whole file: the 29 answers and the late one.
            let next = try BatchRun(workspace: workspace, options: BatchRun.Options()).run()
            #expect(!next.warnings.contains { $0.contains("読んでいる間に") })
            #expect(try summary(workspace, municipal).respondents == 30)
            for file in files(below: workspace.appendingPathComponent("archive")) {
                #expect((try? FileDigest.sha256(of: file))?.hex == file.deletingPathExtension().lastPathComponent)
            }
        }
    }
}
