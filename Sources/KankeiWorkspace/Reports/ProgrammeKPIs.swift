import KankeiCore
import KankeiModel
import KankeiNormalize

/// The programme's KPI table (report section 6.1), row by row in `kpis.yaml`'s order: a count
/// from the core where the KPI names a `measure`, a share from the latest survey that measured it,
/// else what the office entered in `kpi-values.yaml` — which also wins over a computed value.
struct ProgrammeKPIs {
    /// What each `measure:` of `kpis.yaml` counts in the core.
    static let measures: [String: @Sendable (CoreStats, ClubCatalog) -> Int] = [
        "core.visits.company": { stats, _ in stats.total.bySide.company.visits },
        "core.visits.municipality": { stats, _ in stats.total.bySide.municipality.visits },
        "core.organizations.company": { _, catalog in Set(catalog.clubs.map(\.companyId)).count },
        "core.organizations.municipality": { _, catalog in Set(catalog.clubs.map(\.municipalityId)).count },
    ]

    var stats: CoreStats
    var catalog: ClubCatalog
    var summaries: [Tabulation]
    var entered: EnteredValues

    func rows(_ kpis: [KPIDefinition]) -> [ProgrammeKPI] {
        let newestFirst = summaries.newestFirst
        return kpis.map { kpi in
            var row = ProgrammeKPI(id: kpi.id, label: kpi.label, target: kpi.target, unit: kpi.unit, prefix: kpi.prefix ?? "",
                                   source: .missing)
            if let measure = kpi.measure.flatMap({ Self.measures[$0] }) {
                row.count = measure(stats, catalog)
                row.source = .core
            } else if kpi.unit == "%", let (event, result) = latestSurvey(kpi.id, newestFirst) {
                row.percent = result.value
                row.n = result.n
                row.event = event.id
                row.source = .survey
            }
            if let value = entered.values[kpi.id] {
                row.computed = row.source == .core ? row.count : nil
                row.count = row.isPercent ? nil : value.number.map { Int($0.rounded()) }
                row.percent = row.isPercent ? value.number.map { Percent(tenths: Int(($0 * 10).rounded())) } : nil
                row.event = nil
                row.n = nil
                row.source = .entered
                row.note = value.note
            }
            return row
        }
    }

    /// The latest event (by date, then id) whose figures give the KPI a value.
    private func latestSurvey(_ id: String, _ newestFirst: [Tabulation]) -> (EventSummary, KPIResult)? {
        newestFirst.lazy.compactMap { tabulation in
                tabulation.kpis.first { $0.id == id && $0.value != nil }.map { (tabulation.event, $0) }
            }.first
    }
}
