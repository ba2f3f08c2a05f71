import ArgumentParser
import Foundation
import KankeiCore
import KankeiModel
import KankeiWorkspace

/// `kankei core`: the matching core (workspace/core.sqlite).
struct CoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "core",
        abstract: "The matching core: import organisations, clubs and rosters; show 関係人口 per club.",
        subcommands: [Import.self, Stats.self])

    /// `kankei core import FILE…`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import organisations, clubs or club rosters (YAML or CSV) into the core.",
            discussion: """
            YAML: top-level organizations:, clubs:, members: (see Samples/core/). CSV: a header of id,kind,name,… (organisations), id,municipality,company,type,… (clubs) or club,side,email (roster). Entries with a known id are replaced. Roster addresses are stored only as keyed hashes.
            """)

        @OptionGroup var location: WorkspaceOption
        @Argument(help: "The files to import.") var files: [String]

        func run() throws {
            let workspace = try location.open()
            var failed = false
            for path in files {
                let url = URL(fileURLWithPath: path)
                do {
                    let summary = try workspace.importFile(url)
                    StageIO.say("\(url.lastPathComponent): 組織\(summary.organizations)件、クラブ\(summary.clubs)件、名簿\(summary.members)件を取り込みました。")
                } catch let problem as InputProblem {
                    StageIO.warn("取り込めませんでした: \(problem.file)（\(problem.locationText)）: \(problem.problem)\n  対処: \(problem.remedy)")
                    failed = true
                }
            }
            StageIO.say("コア: \(workspace.layout.core.path)")
            if failed { throw ExitCode(1) }
        }
    }

    /// `kankei core stats [--json]`.
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show 関係人口 (延べ / 実人員, per side) per club and in all, across every session recorded.")

        @OptionGroup var location: WorkspaceOption
        @Flag(help: "Print JSON instead of text.") var json = false

        func run() throws {
            let report = try location.open().stats()
            if json {
                StageIO.say(try JSONOutput.string(report))
                return
            }
            StageIO.say("『放課後企業クラブ』の関係人口（全セッション）")
            for club in report.clubs {
                let counts = club.attendance
                guard counts.sessions > 0 else {
                    StageIO.say("\(club.number.map(ClubType.mark) ?? "・")\(club.name)（類型\(ClubType.mark(club.type))）: セッションの記録なし")
                    continue
                }
                StageIO.say("\(club.number.map(ClubType.mark) ?? "・")\(club.name)（類型\(ClubType.mark(club.type))）: \(club.line)"
                    + " 実人員\(counts.unique)人・セッション\(counts.sessions)回"
                    + (counts.unassigned.visits > 0 ? "（立場不明 延\(counts.unassigned.visits)人）" : ""))
            }
            let total = report.total
            StageIO.say("合計: 延\(total.visits)人（実人員\(total.unique)人）。自治体（地域）：延\(total.bySide.municipality.visits)人（実人員\(total.bySide.municipality.unique)人）、企業：延\(total.bySide.company.visits)人（実人員\(total.bySide.company.unique)人）")
            for kpi in report.kpis {
                StageIO.say("\(kpi.label): 目標 延\(kpi.target)\(kpi.unit.hasPrefix("人") ? "人" : kpi.unit) / 実績 延\(kpi.value)人 → \(kpi.achieved ? "達成" : "未達成")")
            }
        }
    }
}

/// `--workspace`, shared by the commands that work on a workspace.
struct WorkspaceOption: ParsableArguments {
    @Option(help: "The workspace folder. Default: $KANKEI_WORKSPACE, else the current folder.")
    var workspace: String?

    var url: URL {
        URL(fileURLWithPath: workspace ?? ProcessInfo.processInfo.environment["KANKEI_WORKSPACE"] ?? FileManager.default.currentDirectoryPath)
    }

    func open() throws -> CoreWorkspace {
        do {
            return try CoreWorkspace(workspace: url)
        } catch let error as WorkspaceError {
            StageIO.warn("kankei: \(error.message)")
            throw ExitCode(2)
        }
    }
}

/// Pretty, stable JSON for the commands' `--json`.
enum JSONOutput {
    static func string(_ value: some Encodable) throws -> String {
        String(decoding: try StableJSON.encoder(pretty: true).encode(value), as: UTF8.self)
    }
}
