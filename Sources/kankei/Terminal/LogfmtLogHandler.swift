import Foundation
import KankeiModel
import Logging

/// swift-log handler for `--verbose`: one line per event on standard error, as `logfmt`
/// (`time=… level=info msg="archived" event=… file=…`), easy to grep and to feed to a log
/// collector. Values are file names, event ids, counts and hashes — never a cell of an export.
struct LogfmtLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level
    let label: String

    init(label: String, level: Logger.Level) {
        self.label = label
        logLevel = level
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields = [("time", ISO8601DateFormatter().string(from: Date())), ("level", event.level.rawValue),
                      ("logger", label), ("msg", event.message.description)]
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        fields += merged.sorted { $0.key < $1.key }.map { ($0.key, "\($0.value)") }
        let line = fields.map { "\($0.0)=\(Self.quoted($0.1))" }.joined(separator: " ")
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    private static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" })
            || value.unicodeScalars.contains(where: TerminalText.isUnsafe) else { return value }
        let escaped = TerminalText.line(value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))
        return "\"\(escaped)\""
    }

    /// A logger at `.debug` with `verbose`; otherwise one that drops everything (the run's own
    /// summary and warnings are printed either way).
    static func logger(verbose: Bool) -> Logger {
        verbose ? Logger(label: "kankei") { LogfmtLogHandler(label: $0, level: .debug) }
            : Logger(label: "kankei") { _ in SwiftLogNoOpLogHandler() }
    }
}
