import Foundation
import KankeiModel

/// The report stage: a `Tabulation` in, the event's report files out — `summary.json` (the
/// contract of DESIGN.md), `summary.html` (self-contained: inline CSS and SVG charts, prints on A4),
/// `summary.md` in the same words, and `tables.csv` for Excel — each written atomically; and
/// `reports/index.html` over every event.
public struct ReportWriter: Sendable {
    public static let files = ["summary.json", "summary.html", "summary.md", "tables.csv"]
    public static let indexFile = "index.html"

    public let templates: ReportTemplates

    public init(templates: ReportTemplates) {
        self.templates = templates
    }

    /// Writes the event's files into `folder` and returns their URLs. `club` adds section 5.4's
    /// table for a club's event, from the core.
    @discardableResult
    public func write(_ tabulation: Tabulation, club: ClubProfile? = nil, to folder: URL) throws -> [URL] {
        [try writeSummary(tabulation, to: folder)] + (try writePages(tabulation, club: club, to: folder))
    }

    /// Writes only the event's `summary.json`: what a batch run records per event before it renders
    /// every summary's pages once at the end.
    @discardableResult
    public func writeSummary(_ tabulation: Tabulation, to folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(Self.files[0])
        try Self.writeIfChanged(try Self.summaryJSON(tabulation), to: url)
        return url
    }

    /// Writes what is rendered from `summary.json`: `summary.html`, `summary.md` and `tables.csv`.
    @discardableResult
    public func writePages(_ tabulation: Tabulation, club: ClubProfile? = nil, to folder: URL) throws -> [URL] {
        let page = EventPage(tabulation, club: club, templates)
        let contents = [
            Data(templates.render(.summaryHTML, page).utf8),
            Data(templates.render(.summaryMarkdown, page).utf8),
            Data(TablesCSV.render(tabulation)),
        ]
        return try zip(Self.files.dropFirst(), contents).map { name, data in
            let url = folder.appendingPathComponent(name)
            try Self.writeIfChanged(data, to: url)
            return url
        }
    }

    /// Writes `index.html` into the reports folder: every event, newest first, with the programme's
    /// KPI table and the clubs.
    @discardableResult
    public func writeIndex(summaries: [Tabulation], programme: [ProgrammeKPI], clubs: [ClubProfile], to reports: URL) throws -> URL {
        let url = reports.appendingPathComponent(Self.indexFile)
        let page = IndexPage(summaries: summaries, programme: programme, clubs: clubs, templates)
        try Self.writeIfChanged(Data(templates.render(.index, page).utf8), to: url)
        return url
    }

    public static func summaryJSON(_ tabulation: Tabulation) throws -> Data {
        try StableJSON.encoder(pretty: true).encode(tabulation) + Data("\n".utf8)
    }

    /// Reads an event's `summary.json` back.
    public static func readSummary(in folder: URL) throws -> Tabulation {
        try JSONDecoder().decode(Tabulation.self, from: Data(contentsOf: folder.appendingPathComponent("summary.json")))
    }

    /// A report is rewritten only when its bytes change, so a re-run leaves files (and their times) alone.
    private static func writeIfChanged(_ data: Data, to url: URL) throws {
        if let current = try? Data(contentsOf: url), current == data { return }
        try AtomicFile.write(data, to: url)
    }
}
