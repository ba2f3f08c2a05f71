import Dispatch
import Synchronization

/// The census of part of a file's rows, taken on other threads while the caller goes on: the part
/// is cut into stretches that start on a row (`RowChunks`), each counted on a core of its own
/// (`ChunkCensus`). The caller waits for it, told the bytes counted so far, or stops it.
///
/// A census begun before normalize has said what each column is counts every column as
/// `KANKEI_COLUMN_AUTO`: values until it shows itself to be free text. It runs while the first
/// rows are read one by one and the file is hashed, so those no longer leave a core idle.
final class ParallelCensus: Sendable {
    let settings: ChunkCensus.Settings
    private let done = DispatchGroup()
    private let stopped = Atomic<Bool>(false)
    private let bytesCounted = Atomic<Int>(0)
    private let result = ParallelSlots<[ChunkCensus]>(count: 1)

    /// Starts counting `range` of `file` (which starts on a row) in about `parts` stretches.
    init(_ file: FileBytes, _ range: Range<Int>, _ settings: ChunkCensus.Settings, parts: Int) {
        self.settings = settings
        DispatchQueue.global().async(group: done) { [self] in
            let stretches = RowChunks.split(file, range, parts: parts)
            let counted = ParallelSlots<ChunkCensus>(count: stretches.count)
            DispatchQueue.concurrentPerform(iterations: stretches.count) { index in
                guard !stopped.load(ordering: .relaxed), let census = ChunkCensus(settings) else { return }
                let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 16)
                defer { buffer.deallocate() }
                if census.count(file, stretches[index], buffer: buffer, stop: { self.stopped.load(ordering: .relaxed) },
                                counted: { self.bytesCounted.add($0, ordering: .relaxed) }) {
                    counted[index] = census
                }
            }
            let censuses = stretches.indices.compactMap { counted[$0] }
            result[0] = censuses.count == stretches.count && !censuses.isEmpty ? censuses : nil
        }
    }

    /// The stretches' censuses in file order, once all are done; `nil` when one could not be
    /// taken. `progress` is told the bytes counted about ten times a second meanwhile.
    func wait(progress: (Int) -> Void = { _ in }) -> [ChunkCensus]? {
        while done.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
            progress(bytesCounted.load(ordering: .relaxed))
        }
        progress(bytesCounted.load(ordering: .relaxed))
        return result[0]
    }

    /// Stops the counting and waits for its threads (they read the file and their buffers).
    func stop() {
        stopped.store(true, ordering: .relaxed)
        done.wait()
    }
}
