import Foundation
import KankeiCore
import KankeiIngest
import KankeiMatch
import KankeiModel
import KankeiNormalize

/// The matching core of a workspace, for `kankei core …` and `kankei match …`: imports with the
/// workspace's person keys, the 関係人口 figures with the KPI rows they answer, and suggestions.
public struct CoreWorkspace {
    public let layout: WorkspaceLayout
    public let core: CoreDatabase

    public init(workspace: URL) throws {
        layout = WorkspaceLayout(root: workspace)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: layout.root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WorkspaceError(message: "ワークスペース \(layout.root.path) がありません。--workspace でフォルダを指定してください。")
        }
        do {
            try layout.prepare()
            core = try CoreDatabase(url: layout.core)
        } catch let problem as CoreProblem {
            throw WorkspaceError(message: problem.description)
        } catch {
            throw WorkspaceError(message: "コア \(layout.core.path) を開けませんでした（\(error.localizedDescription)）。")
        }
    }

    /// Imports organisations, clubs or a roster (YAML or CSV), all or nothing.
    public func importFile(_ url: URL) throws -> CoreImporter.Summary {
        let keys = PersonKeyMaker(secret: try SecretCheck.secret(for: layout, core: core))
        let file = try CoreImportFile.load(url, ingestor: Ingestor(keys: keys))
        return try CoreImporter(core: core, keys: keys).run(file, name: url.lastPathComponent)
    }

    /// 関係人口 per club and in all, with KPI ①'s rows (延べ per side against the targets of
    /// `pipelines/kpis.yaml`, when the workspace has it).
    public func stats(pipelines: URL? = nil) throws -> CoreStatsReport {
        let stats = try core.stats()
        let kpis = (try? PipelineCatalog.load(from: pipelines ?? layout.pipelines))?.kpis ?? [:]
        let rows = CoreStatsReport.attendanceKPIs.compactMap { id, side -> CountKPIResult? in
            guard let kpi = kpis[id] else { return nil }
            let value = stats.total.bySide[side].visits
            return CountKPIResult(id: id, label: kpi.label, value: value, target: kpi.target, unit: kpi.unit,
                                  achieved: value >= kpi.target)
        }
        return CoreStatsReport(stats: stats, kpis: rows)
    }

    public func suggestions(limit: Int?, company: String?) throws -> [Suggestion] {
        MatchSuggester(catalog: try core.clubCatalog(), latestQuality: try core.latestQuality())
            .suggestions(limit: limit, company: company)
    }
}

/// `kankei core stats`: the clubs' 関係人口 and the KPI rows they answer.
public struct CoreStatsReport: Hashable, Sendable, Codable {
    public var clubs: [CoreStats.ClubLine]
    public var total: AttendanceSummary
    public var outsideClubs: AttendanceSummary
    public var kpis: [CountKPIResult]

    init(stats: CoreStats, kpis: [CountKPIResult]) {
        clubs = stats.clubs
        total = stats.total
        outsideClubs = stats.outsideClubs
        self.kpis = kpis
    }

    /// KPI ① of section 3.2: company people and local people, 延べ.
    static let attendanceKPIs: [(String, Side)] = [("kpi-1-1", .company), ("kpi-1-2", .municipality)]
}

/// A KPI that is a count (延500人), with its value and whether it reached the target.
public struct CountKPIResult: Hashable, Sendable, Codable {
    public var id: String
    public var label: String
    public var value: Int
    public var target: Int
    public var unit: String
    public var achieved: Bool
}
