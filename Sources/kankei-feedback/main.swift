import ArgumentParser
import Foundation
import KankeiCore
import KankeiFeedback
import KankeiModel

/// `kankei-feedback`: tabulations in (JSON lines on stdin, or `summary.json` files), matching-quality
/// records in the core out, one per club and side. Running it again on the same files adds nothing.
struct FeedbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kankei-feedback",
        abstract: "Write matching-quality records (per club and side) from club feedback tabulations into the core.",
        discussion: "Reads kankei-tabulate's output on stdin, or the summary.json files given. Prints each record added as a JSON line.")

    @Option(help: "The core database. Default: <$KANKEI_WORKSPACE or the current folder>/core.sqlite.")
    var core: String?

    @Argument(help: "summary.json files (default: tabulations on stdin).")
    var summaries: [String] = []

    func run() throws {
        let root = ProcessInfo.processInfo.environment["KANKEI_WORKSPACE"] ?? FileManager.default.currentDirectoryPath
        let database = try CoreDatabase(url: URL(fileURLWithPath: core ?? root + "/" + CoreDatabase.fileName))
        let stage = FeedbackStage(core: database)
        let time = ISO8601DateFormatter().string(from: Date())
        let output = StageIO.output()
        var tabulations: [Tabulation] = []
        if summaries.isEmpty {
            try StageIO.forEach(StageIO.input(Tabulation.self)) { tabulations.append($0) }
        } else {
            for path in summaries {
                tabulations.append(try JSONDecoder().decode(Tabulation.self, from: Data(contentsOf: URL(fileURLWithPath: path))))
            }
        }
        for tabulation in tabulations {
            let outcome = try stage.apply(tabulation, at: time)
            for record in outcome.added { try output.write(record) }
            for club in outcome.unknownClubs {
                StageIO.warn("kankei-feedback: \(tabulation.event.id): クラブ「\(club)」がコアにありません（kankei core import で登録してください）。")
            }
        }
        try output.flush()
    }
}

FeedbackCommand.main()
