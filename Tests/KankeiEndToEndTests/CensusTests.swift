import Foundation
import KankeiIngest
import KankeiModel
import KankeiWorkspace
import Testing

/// A large export's rows after the first few are counted per column on every core (`.census`)
/// rather than one by one. Whatever the file, the figures must be those of the row-by-row reading:
/// here every run is made twice, census forced on a small file (cut into 7 stretches) and census
/// off, and the summaries compared whole.
@Suite("Counting a large export per column gives the row-by-row figures", .serialized)
struct CensusTests {
    static let forced: CensusOptions = {
        var options = CensusOptions()
        options.minimumBytes = 0
        options.stretches = 7
        return options
    }()

    /// Forced, with free text found out after 100 distinct cells: the census begun before the
    /// plan turns the comments and submission times into texts early, and is used.
    static let textEarly: CensusOptions = {
        var options = forced
        options.autoValues = 100
        return options
    }()

    /// Forced, after 16: a choice column turns into texts too, so the census begun before the
    /// plan cannot serve it and the rest is counted again with the plan.
    static let choiceEarly: CensusOptions = {
        var options = forced
        options.autoValues = 16
        return options
    }()

    static let off: CensusOptions = {
        var options = CensusOptions()
        options.minimumBytes = .max
        return options
    }()

    /// Runs `kankei run` in-process on a workspace holding `files` (name → bytes) in one event.
    static func run(_ files: [(String, Data)], census: CensusOptions) throws -> (workspace: URL, report: RunReport) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kankei-census-\(UUID().uuidString)")
        let event = root.appendingPathComponent("inbox/2026-survey")
        try FileManager.default.createDirectory(at: event, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Repository.pipelines, to: root.appendingPathComponent("pipelines"))
        for (name, bytes) in files { try bytes.write(to: event.appendingPathComponent(name)) }
        var options = BatchRun.Options(keepIntermediates: true)
        options.census = census
        let report = try BatchRun(workspace: root, options: options).run()
        return (root, report)
    }

    /// The figures with census forced and with census off, and how many `.census` records the
    /// first run's ingest handed on. (`textEarly` and `choiceEarly` must give the census's figures.)
    static func both(_ files: [(String, Data)]) throws -> (census: Tabulation, rows: Tabulation, censusRecords: Int) {
        let census = try run(files, census: forced)
        let rows = try run(files, census: off)
        for early in [textEarly, choiceEarly] {
            let workspace = try run(files, census: early).workspace
            #expect(try summary(workspace, "2026-survey") == (try summary(census.workspace, "2026-survey")))
        }
        let ingested = try String(contentsOf: census.workspace.appendingPathComponent("reports/2026-survey/intermediates/ingest.jsonl"),
                                  encoding: .utf8)
        return (try summary(census.workspace, "2026-survey"), try summary(rows.workspace, "2026-survey"),
                ingested.components(separatedBy: "\"record\":\"census\"").count - 1)
    }

    @Test("6,000 answers with blanks, padding, --, 150 kinds of 「その他」, quoted line breaks and phone numbers")
    func sameFigures() throws {
        let export = SyntheticExport(rows: 6_000)
        let (census, rows, censusRecords) = try Self.both([("answers.csv", export.csv)])
        #expect(censusRecords == 1)
        #expect(rows.respondents == 6_000)
        #expect(census == rows)
        // The multiple answer's 「その他」 outnumber the 100 labels kept apart: the rest are pooled alike.
        let activities = try #require(census.questions.first { $0.type == .multiple })
        #expect(activities.options.contains { $0.label == "（その他の選択肢外の回答）" })
        let comments = try #require(census.questions.first { $0.type == .text })
        #expect(comments.texts.count == Tabulation.keptTexts)
        #expect(!comments.texts.joined().contains("090-1234-5678"))
    }

    @Test("the same export in CP932 gives the same figures as UTF-8")
    func cp932() throws {
        let export = SyntheticExport(rows: 5_000)
        let (census, rows, censusRecords) = try Self.both([("answers.csv", try #require(export.text.data(using: .shiftJIS)))])
        #expect(censusRecords == 1)
        #expect(census == rows)
        let utf8 = try Self.both([("answers.csv", export.csv)]).census
        #expect(census.questions.map(\.base) == utf8.questions.map(\.base))
    }

    @Test("two overlapping exports of one survey: rows come one by one, copies counted once")
    func overlapping() throws {
        let lines = SyntheticExport(rows: 5_000).text.components(separatedBy: "\r\n2026/")
        let header = lines[0]
        let first = ([header] + lines[1..<3_500]).joined(separator: "\r\n2026/") + "\r\n"
        let second = ([header] + lines[2_000..<lines.count]).joined(separator: "\r\n2026/")
        let (census, rows, censusRecords) = try Self.both([("first.csv", Data(first.utf8)), ("second.csv", Data(second.utf8))])
        #expect(censusRecords == 0)
        #expect(census == rows)
        #expect(rows.respondents == 5_000)
    }

    @Test("a stray quote far past the first rows is read as a character, counted alike by the census and row by row, and its row named")
    func strayQuote() throws {
        var text = SyntheticExport(rows: 4_000).text
        text += "2026/12/31 23:59:59,満足,5,観光・旅行,小さな\"引用符\"の入った感想\r\n"
        let (census, rows, _) = try Self.both([("answers.csv", Data(text.utf8))])
        #expect(census == rows)
        #expect(rows.respondents == 4_001)
        #expect(rows.notes.contains { $0.contains("answers.csv") && $0.contains("行目に") && $0.contains("引用符") })
    }

    @Test("a broken quote far past the first rows is refused with the same row and message")
    func brokenRow() throws {
        var text = SyntheticExport(rows: 4_000).text
        text += "2026/12/31 23:59:59,満足,5,観光・旅行,\"閉じていない引用符\r\n"
        let census = try Self.run([("answers.csv", Data(text.utf8))], census: Self.forced)
        let rows = try Self.run([("answers.csv", Data(text.utf8))], census: Self.off)
        let explanation = { (workspace: URL) in
            try String(contentsOf: workspace.appendingPathComponent("quarantine/answers.csv.error.txt"), encoding: .utf8)
        }
        let message = try explanation(census.workspace)
        #expect(message == (try explanation(rows.workspace)))
        #expect(message.contains("行目"))
    }

    @Test("ingest hands on the first rows one by one, then one census of the rest")
    func records() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("census-\(UUID().uuidString).csv")
        try SyntheticExport(rows: 3_000).csv.write(to: file)
        var ingestor = Ingestor(keys: PersonKeyMaker(secret: Array("secret".utf8)))
        ingestor.census = Self.forced
        var responses = 0
        var censuses: [ResponseCensus] = []
        let plan = CensusPlan(columns: [.values, .values, .values, .texts], keptTexts: 10)
        try ingestor.ingest(file, planner: { plan }) { record in
            if case .response = record { responses += 1 }
            if case .census(let census) = record { censuses.append(census) }
        }
        #expect(censuses.count == 1)
        #expect(responses + (censuses.first?.respondents ?? 0) == 3_000)
        #expect(responses >= 2_000)
        #expect(censuses.first?.columns[3].texts.count == 10)
    }

    @Test("the progress of a read goes on through the census to the end of the file")
    func progress() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("census-\(UUID().uuidString).csv")
        let bytes = SyntheticExport(rows: 6_000).csv
        try bytes.write(to: file)
        final class Reports: @unchecked Sendable {
            let lock = NSLock()
            var seen: [(read: Int, total: Int)] = []
        }
        let reports = Reports()
        var ingestor = Ingestor(keys: PersonKeyMaker(secret: Array("secret".utf8))) { _, read, total in
            reports.lock.withLock { reports.seen.append((read, total)) }
        }
        ingestor.census = Self.forced
        var censuses = 0
        let plan = CensusPlan(columns: [.values, .values, .values, .texts], keptTexts: 10)
        try ingestor.ingest(file, planner: { plan }) { record in
            if case .census = record { censuses += 1 }
        }
        let seen = reports.lock.withLock { reports.seen }
        #expect(censuses == 1)
        #expect(seen.allSatisfy { $0.total == bytes.count })
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.read <= $1.read })
        #expect(seen.last?.read == bytes.count)
    }
}

/// A Google-Forms-style export made from a fixed seed: a timestamp, a five-level single answer
/// (sometimes padded or blank), a 1–5 rating, a multiple answer joined with ", " (sometimes with a
/// 「その他」 text of 150 kinds, only past the rows types are inferred from) and free text with commas, quotes, line breaks, white space only,
/// `--` and phone numbers; one blank row.
struct SyntheticExport {
    let text: String
    var csv: Data { Data(text.utf8) }

    init(rows: Int) {
        var seed: UInt64 = 0x2026_1123
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        let levels = ["満足", "やや満足", "どちらともいえない", "やや不満", "不満"]
        let activities = ["観光・旅行", "ふるさと納税", "特産品の購入", "オンライン交流", "副業・兼業"]
        let comments = ["説明が分かりやすかった", "資料を事前に、いただけると助かります", "\"二地域居住\"の話が良かった",
                        "音声が途切れた。\n次回に期待します", "連絡先は090-1234-5678です", "　", "--", "とても良い会でした（No.\(0)）"]
        var lines = ["タイムスタンプ,本日の満足度を教えてください。,説明のわかりやすさ（5段階）,関わってみたい活動（複数回答可）,ご意見をご自由にお書きください。"]
        for row in 0..<rows {
            if row == 2_500 { lines.append(",,,,") }
            let level = next(20) == 0 ? "" : (next(15) == 0 ? " \(levels[next(5)]) " : levels[next(5)])
            let rating = next(25) == 0 ? "" : String(1 + next(5))
            var chosen = activities.filter { _ in next(3) == 0 }
            if chosen.isEmpty, next(2) == 0 { chosen = [activities[next(5)]] }
            if row > 2_300, next(12) == 0 { chosen.append("その他の活動\(next(150))") }
            let comment = next(3) == 0 ? "" : comments[next(comments.count)].replacingOccurrences(of: "No.0", with: "No.\(row)")
            let cells = ["2026/04/\(String(format: "%02d", 1 + row / 3_600)) \(String(format: "%02d:%02d", row / 60 % 60, row % 60)):00",
                         level, rating, chosen.joined(separator: ", "), comment]
            lines.append(cells.map { cell in
                cell.contains(where: { ",\"\n".contains($0) }) ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            }.joined(separator: ","))
        }
        text = lines.joined(separator: "\r\n") + "\r\n"
    }
}
