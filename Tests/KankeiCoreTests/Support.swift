import Foundation
import KankeiCore
import KankeiIngest

enum Paths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samplesCore = root.appendingPathComponent("Samples/core")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
}

let testKeys = PersonKeyMaker(secret: Array(repeating: 7, count: 32))

/// A core in memory with `Samples/core` imported.
func sampleCore() throws -> CoreDatabase {
    let core = try CoreDatabase()
    for name in ["organizations.yaml", "clubs.yaml", "members.csv"] {
        try importFile(Paths.samplesCore.appendingPathComponent(name), into: core)
    }
    return core
}

@discardableResult
func importFile(_ url: URL, into core: CoreDatabase) throws -> CoreImporter.Summary {
    let file = try CoreImportFile.load(url, ingestor: Ingestor(keys: testKeys))
    return try CoreImporter(core: core, keys: testKeys).run(file, name: url.lastPathComponent)
}
