import ArgumentParser
import Foundation
import KankeiModel
import KankeiTabulate

/// `kankei-tabulate`: one event's `NormalizedRecord`s in, its `Tabulation` out (one JSON line).
struct TabulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kankei-tabulate",
        abstract: "Count answers (both bases for multi-answers, half-up rounding) and headcounts. Reads stdin, writes stdout.")

    func run() throws {
        let tabulator = Tabulator()
        try StageIO.forEach(StageIO.input(NormalizedRecord.self)) { tabulator.consume($0) }
        let output = StageIO.output()
        try output.write(tabulator.finish())
        try output.flush()
    }
}

TabulateCommand.main()
