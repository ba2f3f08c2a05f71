import Foundation
import KankeiModel

/// The report stage: a `Tabulation` in, the event's report files out — `summary.json` (the
/// contract of DESIGN.md), `summary.md` and `tables.csv` — each written atomically.
public enum ReportWriter {
    public static let files = ["summary.json", "summary.md", "tables.csv"]

    /// Writes the files into `folder` and returns their URLs.
    @discardableResult
    public static func write(_ tabulation: Tabulation, to folder: URL) throws -> [URL] {
        let json = folder.appendingPathComponent("summary.json")
        let markdown = folder.appendingPathComponent("summary.md")
        let csv = folder.appendingPathComponent("tables.csv")
        try AtomicFile.write(try summaryJSON(tabulation), to: json)
        try AtomicFile.write(SummaryMarkdown.render(tabulation), to: markdown)
        try AtomicFile.write(Data(TablesCSV.render(tabulation)), to: csv)
        return [json, markdown, csv]
    }

    public static func summaryJSON(_ tabulation: Tabulation) throws -> Data {
        try StableJSON.encoder(pretty: true).encode(tabulation) + Data("\n".utf8)
    }
}
