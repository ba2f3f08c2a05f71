import Foundation
import KankeiModel
import KankeiWorkspace

/// The repository, its samples and definitions, and the built executables.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = root.appendingPathComponent("Samples")
    static let pipelines = root.appendingPathComponent("pipelines")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Where SwiftPM put the executables: beside the test bundle.
    static let binaries: URL = {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            if FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("kankei").path) { return folder }
            folder.deleteLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug")
    }()
}

/// A command's outcome.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs an executable (or `/bin/sh -c`) and waits for it.
func runCommand(_ executable: URL, _ arguments: [String], in directory: URL? = nil) throws -> CommandResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                         stderr: String(decoding: stderr, as: UTF8.self))
}

/// `name` in the first PATH folder that has it (a tool the machine has, never a fixed system path).
func onPath(_ name: String) throws -> URL {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    guard let found = folders.map({ URL(fileURLWithPath: String($0)).appendingPathComponent(name) })
        .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: name])
    }
    return found
}

func kankei(_ arguments: [String]) throws -> CommandResult {
    try runCommand(Repository.binaries.appendingPathComponent("kankei"), arguments)
}

/// A fresh workspace holding a copy of `Samples/inbox` (plus `extra` files), `pipelines/` and the
/// KPI values entered by hand (`Samples/kpi-values.yaml`), with `Samples/core` imported into its
/// core unless `core` is `false`.
func sampleWorkspace(extra: [String: [UInt8]] = [:], core: Bool = true) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("kankei-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: Repository.samples.appendingPathComponent("inbox"), to: root.appendingPathComponent("inbox"))
    try FileManager.default.copyItem(at: Repository.pipelines, to: root.appendingPathComponent("pipelines"))
    try FileManager.default.copyItem(at: Repository.samples.appendingPathComponent("kpi-values.yaml"),
                                     to: root.appendingPathComponent("kpi-values.yaml"))
    if core {
        let workspace = try CoreWorkspace(workspace: root)
        for name in ["organizations.yaml", "clubs.yaml", "members.csv"] {
            _ = try workspace.importFile(Repository.samples.appendingPathComponent("core/\(name)"))
        }
    }
    for (path, bytes) in extra {
        let url = root.appendingPathComponent("inbox").appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }
    return root
}

func summary(_ workspace: URL, _ event: String) throws -> Tabulation {
    try JSONDecoder().decode(Tabulation.self, from: Data(contentsOf: workspace.appendingPathComponent("reports/\(event)/summary.json")))
}

func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

/// Every file below `folder`.
func files(below folder: URL) -> [URL] {
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
    return (enumerator?.allObjects as? [URL] ?? []).filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
}

let municipal = "2022-02-04-municipal-webinar"
let company = "2022-02-10-company-webinar"

extension Tabulation {
    func question(_ id: String) -> QuestionResult? { questions.first { $0.id == id } }
}

extension QuestionResult {
    func top(_ count: Int, by base: PercentBase) -> [String?] {
        options.prefix(count).map { (base == .respondents ? $0.percentOfRespondents : $0.percentOfResponses)?.fixed }
    }
}
