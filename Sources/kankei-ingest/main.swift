import ArgumentParser
import Foundation
import KankeiIngest
import KankeiModel

/// `kankei-ingest`: export files in, `IngestRecord`s out as line-delimited JSON.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kankei-ingest",
        abstract: "Read Zoom and survey exports; write their records as line-delimited JSON to stdout.",
        discussion: """
        E-mail addresses and names are replaced by keyed hashes. A file's records are written only once the
        whole file has been read, so a file that fails half-way adds nothing. Exit 1 when a file could not be
        read (the others are still written).
        """)

    @Option(help: "File holding the key for person hashes (a workspace's .kankei/secret). Default: a random key for this run.")
    var secretFile: String?

    @Argument(help: "Export files (CSV, tab-separated text, xlsx, XML, LimeSurvey .lss/.lsr/.lsa). Files given together are one event's: a LimeSurvey .lsr finds its .lss among them.")
    var files: [String]

    func run() throws {
        let keys = try secretFile.map { PersonKeyMaker(secret: [UInt8](try Data(contentsOf: URL(fileURLWithPath: $0)))) }
            ?? PersonKeyMaker.ephemeral()
        let ingestor = Ingestor(keys: keys)
        var failed = false
        let urls = files.map { URL(fileURLWithPath: $0) }
        for url in urls.sorted(by: { Ingestor.describesSurvey($0) && !Ingestor.describesSurvey($1) }) {
            // Spool to disk (memory stays flat), pass on only what a complete read produced.
            let spool = FileManager.default.temporaryDirectory.appendingPathComponent("kankei-ingest-\(UUID().uuidString).jsonl")
            _ = FileManager.default.createFile(atPath: spool.path, contents: nil, attributes: [.posixPermissions: 0o600])
            defer { try? FileManager.default.removeItem(at: spool) }
            let handle = try FileHandle(forUpdating: spool)
            defer { try? handle.close() }
            let writer = JSONLinesWriter(handle: handle)
            do {
                try ingestor.ingest(url, companions: urls.filter { $0 != url }) { try writer.write($0) }
                try writer.flush()
            } catch let problem as InputProblem {
                StageIO.warn(problem.message)
                failed = true
                continue
            }
            try handle.seek(toOffset: 0)
            while let chunk = try handle.read(upToCount: 1 << 16), !chunk.isEmpty {
                FileHandle.standardOutput.write(chunk)
            }
        }
        if failed { throw ExitCode(1) }
    }
}

IngestCommand.main()
