import CCensus
import Dispatch

/// Cuts a CSV file's bytes into stretches that each start on a row, so each can be parsed on its
/// own core. Inside quotes a line feed is part of a cell, so where a stretch may start depends on
/// the quotes before it: their count is taken in parallel first, then each cut moves forward to
/// the first line feed outside quotes. (libcsv in strict mode only accepts a quote that opens or
/// closes a quoted cell or doubles one inside it, so counting quotes is exact for every file it
/// parses; a file it refuses is read row by row anyway.) CP932 is cut the same way: a quote or a
/// line feed is never part of a CP932 character.
enum RowChunks {
    /// Stretches of `range` (which starts on a row), about `parts` of them, each starting on a row.
    /// When `stop` says so (asked between blocks), the stretches are of no use and may be wrong.
    static func split(_ file: FileBytes, _ range: Range<Int>, parts: Int,
                      stop: @Sendable () -> Bool = { false }) -> [Range<Int>] {
        guard parts > 1, range.count > parts else { return [range] }
        let step = range.count / parts
        let cuts = (0..<parts).map { range.lowerBound + $0 * step } + [range.upperBound]
        // Quotes in each nominal stretch, counted in parallel.
        let quotes = ParallelSlots<Int>(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { index in
            var count = 0
            file.forEachBlock(of: cuts[index]..<cuts[index + 1]) { block in
                count += kankei_count_byte(block.baseAddress, block.count, UInt8(ascii: "\""))
                return !stop()
            }
            quotes[index] = count
        }
        var starts = [range.lowerBound]
        var quotesBefore = 0
        for index in 1..<parts {
            quotesBefore += quotes[index - 1] ?? 0
            let start = nextRowStart(file, from: cuts[index], to: range.upperBound, inQuotes: quotesBefore % 2 == 1)
            if start > starts.last!, start < range.upperBound { starts.append(start) }
        }
        return starts.indices.map { starts[$0]..<(($0 + 1 < starts.count) ? starts[$0 + 1] : range.upperBound) }
    }

    /// The offset just after the `rows`-th line feed outside quotes from `range`'s start (which
    /// starts on a row), or the range's end when it has fewer.
    static func end(ofRows rows: Int, _ file: FileBytes, _ range: Range<Int>) -> Int {
        var offset = range.lowerBound
        var inQuotes: Int32 = 0
        var found = 0
        file.forEachBlock(of: range, blockSize: 1 << 16) { block in
            var at = 0
            while at < block.count, found < rows {
                at += kankei_next_row_start(block.baseAddress! + at, block.count - at, &inQuotes)
                if inQuotes == 0, at <= block.count, at > 0, block[at - 1] == 0x0A { found += 1 }
            }
            offset += at
            return found < rows
        }
        return found < rows ? range.upperBound : offset
    }

    private static func nextRowStart(_ file: FileBytes, from offset: Int, to end: Int, inQuotes: Bool) -> Int {
        var state: Int32 = inQuotes ? 1 : 0
        var position = offset
        var found = false
        file.forEachBlock(of: offset..<end, blockSize: 1 << 16) { block in
            let at = kankei_next_row_start(block.baseAddress, block.count, &state)
            position += at
            found = at < block.count || (at == block.count && block.count > 0 && block[at - 1] == 0x0A && state == 0)
            return !found
        }
        return found ? position : end
    }
}
