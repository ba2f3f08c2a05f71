import CCensus
import Dispatch
import KankeiModel
import Synchronization

/// A census begun before normalize has said what each column is: every column starts as values
/// and becomes free text once it shows itself to be (`KANKEI_COLUMN_AUTO`). It runs on its own
/// threads while the first rows are read one by one and the file is hashed, so those no longer
/// leave a core idle. What it counted is used once the plan is known (`CensusMerge`), or thrown
/// away when there is no plan or it does not fit one.
final class SpeculativeCensus: Sendable {
    private let done = DispatchGroup()
    private let stopped = Atomic<Bool>(false)
    private let counted = ParallelSlots<[ChunkCensus]>(count: 1)
    /// Header columns counted, and free-text cells kept per column.
    let columns: Int
    let keptTexts: Int

    /// Starts counting `range` of `file` (which starts on a row), with `columns` header columns.
    init(_ file: FileBytes, _ range: Range<Int>, columns: Int, encoding: CensusEncoding, delimiter: UInt8,
         keptTexts: Int, options: CensusOptions, limits: CSVReader.Limits) {
        self.columns = columns
        self.keptTexts = keptTexts
        let settings = ChunkCensus.Settings(kinds: [UInt8](repeating: UInt8(KANKEI_COLUMN_AUTO), count: columns),
                                            encoding: encoding, delimiter: delimiter, keptTexts: keptTexts,
                                            autoValues: options.autoValues, limits: limits)
        DispatchQueue.global().async(group: done) { [self] in
            let stretches = RowChunks.split(file, range, parts: options.stretches)
            counted[0] = ChunkCensus.count(file, stretches, settings) { self.stopped.load(ordering: .relaxed) }
        }
    }

    /// The stretches' censuses in file order, once all are done, when they can serve `plan`
    /// (as many columns, as many texts kept); `nil` when they cannot or one could not be taken.
    func finish(for columns: [(question: Int, column: CensusPlan.Column)?], _ plan: CensusPlan) -> [ChunkCensus]? {
        guard columns.count == self.columns, plan.keptTexts <= keptTexts else {
            stop()
            return nil
        }
        done.wait()
        return counted[0]
    }

    /// Stops the counting and waits for its threads (they read the file and their buffers).
    func stop() {
        stopped.store(true, ordering: .relaxed)
        done.wait()
    }
}
