import ArgumentParser
import Foundation
import KankeiModel
import KankeiNormalize

/// `kankei-normalize`: one event's `IngestRecord`s in, `NormalizedRecord`s out (line-delimited JSON).
struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kankei-normalize",
        abstract: "Map survey columns to the office's definitions, split multi-answers, merge people. Reads stdin, writes stdout.")

    @Option(help: "The folder of survey definitions.")
    var pipelines = "pipelines"

    @Option(help: "The event id (an inbox folder name).")
    var event = "event"

    @Option(help: "The event's event.yaml, if any.")
    var eventYaml: String?

    func run() throws {
        let catalog = try PipelineCatalog.load(from: URL(fileURLWithPath: pipelines))
        let settings = try eventYaml.map { try EventSettings.load(id: event, from: URL(fileURLWithPath: $0)) } ?? EventSettings(id: event)
        let output = StageIO.output()
        let normalizer = Normalizer(settings: settings, catalog: catalog) { try output.write($0) }
        try StageIO.forEach(StageIO.input(IngestRecord.self)) { try normalizer.consume($0) }
        try normalizer.finish()
        try output.flush()
    }
}

NormalizeCommand.main()
