import ArgumentParser
import Foundation
import KankeiIngest
import KankeiModel

/// `kankei-ingest`: export files in, `IngestRecord`s out as line-delimited JSON.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kankei-ingest",
        abstract: "Read Zoom and survey exports; write their records as line-delimited JSON to stdout.",
        discussion: "E-mail addresses and names are replaced by keyed hashes. Exit 1 when a file could not be read (the others are still written).")

    @Option(help: "File holding the key for person hashes (a workspace's .kankei/secret). Default: a random key for this run.")
    var secretFile: String?

    @Argument(help: "Export files (CSV).")
    var files: [String]

    func run() throws {
        let keys = try secretFile.map { PersonKeyMaker(secret: [UInt8](try Data(contentsOf: URL(fileURLWithPath: $0)))) }
            ?? PersonKeyMaker.ephemeral()
        let ingestor = Ingestor(keys: keys)
        let output = StageIO.output()
        var failed = false
        for file in files {
            do {
                try ingestor.ingest(URL(fileURLWithPath: file)) { try output.write($0) }
            } catch let problem as InputProblem {
                StageIO.warn(problem.message)
                failed = true
            }
        }
        try output.flush()
        if failed { throw ExitCode(1) }
    }
}

IngestCommand.main()
