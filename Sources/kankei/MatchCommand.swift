import ArgumentParser
import KankeiMatch
import KankeiModel

/// `kankei match`: the next matches the core suggests.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Suggest company × municipality pairs that are not clubs yet.",
        subcommands: [Suggest.self])

    /// `kankei match suggest [--json]`.
    struct Suggest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rank pairs by needs/themes fit and the feedback history of similar clubs, each explained in a line.",
            discussion: "Score (0–1000) = (5 × fit + 3 × type history + 2 × theme history) / 10; a part without feedback counts 500.")

        @OptionGroup var location: WorkspaceOption
        @Flag(help: "Print JSON instead of text.") var json = false
        @Option(help: "Show at most this many pairs.") var limit: Int = 10
        @Option(help: "Only pairs with this company (its id).") var company: String?

        func run() throws {
            let suggestions = try location.open().suggestions(limit: limit, company: company)
            if json {
                StageIO.say(try JSONOutput.string(suggestions))
                return
            }
            if suggestions.isEmpty {
                StageIO.say("候補がありません（kankei core import で企業と自治体を登録してください）。")
                return
            }
            StageIO.say("次のマッチング候補（まだクラブになっていない組合せ、スコア順）")
            for suggestion in suggestions {
                StageIO.say("\(suggestion.rank). \(suggestion.municipality.name)×\(suggestion.company.name)  スコア\(suggestion.score): \(suggestion.explanation)")
            }
        }
    }
}
