import Foundation
import KankeiCore
import KankeiModel
import KankeiNormalize
import KankeiReport

/// Renders every event's summaries again from its `summary.json`, with the core's current club
/// figures (a club survey that arrives later fills in its sessions' 5.4 table), and writes
/// `reports/index.html`. Runs at the end of every `kankei run`; unchanged files are not rewritten.
struct ReportPublisher {
    var layout: WorkspaceLayout
    var writer: ReportWriter
    var core: CoreDatabase
    var catalog: PipelineCatalog

    /// Returns warnings for the run (a summary that could not be read, a problem in kpi-values.yaml).
    func publish() throws -> [String] {
        var warnings: [String] = []
        var summaries: [Tabulation] = []
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: layout.reports.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted().map(layout.report(for:))
        for folder in folders where FileManager.default.fileExists(atPath: folder.appendingPathComponent("summary.json").path) {
            do {
                summaries.append(try ReportWriter.readSummary(in: folder))
            } catch {
                warnings.append("reports/\(folder.lastPathComponent)/summary.json を読めないため、一覧から外しました（\(error.localizedDescription)）。そのイベントのファイルを inbox に入れ直すと作り直されます。")
            }
        }
        let stats = try core.stats()
        let clubs = try core.clubCatalog()
        let profiles = try core.clubProfiles(stats: stats, catalog: clubs)
        let byClub = Dictionary(profiles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for summary in summaries {
            try writer.writePages(summary, club: clubProfile(summary, byClub), to: layout.report(for: summary.event.id))
        }
        let (entered, problems) = EnteredValues.load(from: layout.enteredValues, known: Set(catalog.kpis.keys))
        warnings += problems
        let programme = ProgrammeKPIs(stats: stats, catalog: clubs, summaries: summaries, entered: entered)
            .rows(catalog.orderedKPIs)
        try writer.writeIndex(summaries: summaries, programme: programme, clubs: profiles.filter { $0.attendance.visits > 0 || !$0.ratings.isEmpty },
                              to: layout.reports)
        return warnings
    }

    /// The 5.4 table belongs to a club's session events.
    func clubProfile(_ summary: Tabulation, _ profiles: [String: ClubProfile]) -> ClubProfile? {
        guard summary.event.kind == .clubSession, let club = summary.event.club else { return nil }
        return profiles[club]
    }
}
