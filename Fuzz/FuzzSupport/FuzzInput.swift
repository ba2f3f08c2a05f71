import Foundation
import KankeiIngest
import KankeiModel

/// Runs one fuzzer input through the ingest stage as a file with the given extension, the way
/// `kankei run` reads an inbox file. A file Kankei refuses (`InputProblem`) is a correct outcome;
/// anything else that escapes — a crash, a trap, an address-sanitizer report — is a finding.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                                 _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                                 _ target: FuzzInput.TestOneInput) -> Int32

public enum FuzzInput {
    private static let ingestor = Ingestor(keys: PersonKeyMaker(secret: Array(repeating: 7, count: 32)))
    private static let folder: URL = {
        let base = ProcessInfo.processInfo.environment["KANKEI_FUZZ_TMP"] ?? NSTemporaryDirectory()
        let url = URL(fileURLWithPath: base).appendingPathComponent("kankei-fuzz-\(getpid())", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>, Int) -> Int32

    /// Runs libFuzzer's driver (`LLVMFuzzerRunDriver`) with the command line and the target.
    public static func driver(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                              _ target: TestOneInput) -> Int32 {
        var argc = argc
        var argv = Optional(argv)
        return LLVMFuzzerRunDriver(&argc, &argv, target)
    }

    public static func run(_ data: UnsafePointer<UInt8>, _ size: Int, fileExtension: String) -> Int32 {
        let url = folder.appendingPathComponent("input.\(fileExtension)")
        guard FileManager.default.createFile(atPath: url.path, contents: Data(bytes: data, count: size)) else { return 0 }
        do {
            try ingestor.ingest(url) { _ in }
        } catch is InputProblem {
            // Refused with a message for the coordinator: the expected outcome for broken input.
        } catch {
            fatalError("ingest threw something other than an InputProblem: \(error)")
        }
        return 0
    }
}
