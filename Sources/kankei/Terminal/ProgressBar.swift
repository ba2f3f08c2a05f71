import Foundation
import KankeiModel
#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress bar on standard error while a long export is read, drawn only when both
/// standard output and standard error are a terminal (never into a pipe, a file or cron's mail).
final class ProgressBar: @unchecked Sendable {
    /// Files smaller than this are read too fast for a bar to help.
    static let minimumBytes = 8 << 20

    private let lock = NSLock()
    private var lastDrawn = Date.distantPast
    private var showing = false

    /// A bar when the output is a terminal, else `nil`.
    static func forTerminal() -> ProgressBar? {
        isatty(STDOUT_FILENO) == 1 && isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
            ? ProgressBar() : nil
    }

    func update(file: String, read: Int, total: Int) {
        guard total >= Self.minimumBytes else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        if read >= total {
            if showing { draw("\r\u{1B}[K") }
            showing = false
            return
        }
        guard now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        showing = true
        let width = 30
        let filled = min(width, read * width / max(total, 1))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let percent = read * 100 / max(total, 1)
        draw("\r\u{1B}[K\(bar) \(percent)%  \(read >> 20)/\(total >> 20) MB  \(TerminalText.line(file))")
    }

    private func draw(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
