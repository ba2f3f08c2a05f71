import Dispatch
import Foundation

/// The census of part of a file's rows, taken on other threads while the caller goes on: the part
/// is cut into stretches that start on a row (`RowChunks`), each counted on a core of its own
/// (`ChunkCensus`). The caller waits for it, told the bytes counted so far, or stops it.
///
/// A census begun before normalize has said what each column is counts every column as
/// `KANKEI_COLUMN_AUTO`: values until it shows itself to be free text. It runs while the first
/// rows are read one by one and the file is hashed, so those no longer leave a core idle.
final class ParallelCensus: @unchecked Sendable {
    let settings: ChunkCensus.Settings
    private let done = DispatchGroup()
    private let lock = NSLock()
    private var stopped = false
    private var bytesCounted = 0
    private var result: [ChunkCensus]?

    /// Starts counting `range` of `file` (which starts on a row) in about `parts` stretches.
    init(_ file: FileBytes, _ range: Range<Int>, _ settings: ChunkCensus.Settings, parts: Int) {
        self.settings = settings
        DispatchQueue.global().async(group: done) { [self] in
            let stretches = RowChunks.split(file, range, parts: parts, stop: isStopped)
            let counted = ParallelSlots<ChunkCensus>(count: stretches.count)
            DispatchQueue.concurrentPerform(iterations: stretches.count) { index in
                guard !isStopped(), let census = ChunkCensus(settings) else { return }
                if census.count(file, stretches[index], stop: isStopped, counted: add) { counted[index] = census }
            }
            let censuses = stretches.indices.compactMap { counted[$0] }
            let complete = censuses.count == stretches.count && !censuses.isEmpty && !isStopped()
            lock.withLock { result = complete ? censuses : nil }
        }
    }

    /// The stretches' censuses in file order, once all are done (handed over: this object keeps
    /// none); `nil` when one could not be taken. `progress` is told the bytes counted about ten
    /// times a second meanwhile.
    func wait(progress: (Int) -> Void = { _ in }) -> [ChunkCensus]? {
        while done.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
            progress(lock.withLock { bytesCounted })
        }
        return lock.withLock {
            progress(bytesCounted)
            defer { result = nil }
            return result
        }
    }

    /// Stops the counting and waits for its threads (they read the file and their buffers).
    func stop() {
        lock.withLock { stopped = true }
        done.wait()
    }

    private func isStopped() -> Bool { lock.withLock { stopped } }

    private func add(_ bytes: Int) { lock.withLock { bytesCounted += bytes } }
}
