import Foundation

/// Writes values as line-delimited JSON (one compact JSON object per line), buffered.
public final class JSONLinesWriter {
    private let handle: FileHandle
    private let encoder: JSONEncoder
    private var buffer = Data()
    private let flushThreshold = 1 << 16

    public init(handle: FileHandle) {
        self.handle = handle
        encoder = StableJSON.encoder()
    }

    public func write<T: Encodable>(_ value: T) throws {
        buffer.append(try encoder.encode(value))
        buffer.append(0x0A)
        if buffer.count >= flushThreshold { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { try? flush() }
}

/// Reads a file handle line by line in constant memory (one line plus one chunk).
public final class LineReader: IteratorProtocol, Sequence {
    private let handle: FileHandle
    private var pending: [UInt8] = []
    private var cursor = 0
    private var finished = false

    public init(handle: FileHandle) { self.handle = handle }

    /// The next line without its line feed, or `nil` at the end.
    public func next() -> Data? {
        while true {
            if let newline = pending[cursor...].firstIndex(of: 0x0A) {
                let line = pending[cursor..<newline]
                cursor = newline + 1
                return Data(line)
            }
            if finished {
                guard cursor < pending.count else { return nil }
                defer { cursor = pending.count }
                return Data(pending[cursor...])
            }
            // Drop consumed bytes before reading more.
            pending.removeSubrange(0..<cursor)
            cursor = 0
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { finished = true } else { pending.append(contentsOf: chunk) }
        }
    }
}

/// Reads line-delimited JSON from a file handle, one line at a time, in constant memory.
public struct JSONLinesReader<Element: Decodable>: Sequence {
    private let handle: FileHandle

    public init(handle: FileHandle, as type: Element.Type = Element.self) {
        self.handle = handle
    }

    public func makeIterator() -> Iterator { Iterator(handle: handle) }

    /// Yields decoded values; a malformed line ends the sequence with `error` set.
    public final class Iterator: IteratorProtocol {
        private let lines: LineReader
        private let decoder = JSONDecoder()
        private var lineNumber = 0
        /// The first malformed line, if any (the sequence stops there).
        public private(set) var error: (any Error)?

        init(handle: FileHandle) { lines = LineReader(handle: handle) }

        public func next() -> Element? {
            while let line = lines.next() {
                lineNumber += 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
                do {
                    return try decoder.decode(Element.self, from: line)
                } catch {
                    self.error = JSONLinesError(line: lineNumber, underlying: error)
                    return nil
                }
            }
            return nil
        }
    }
}

/// A line of line-delimited JSON that could not be decoded.
public struct JSONLinesError: Error, CustomStringConvertible {
    public let line: Int
    public let underlying: any Error
    public var description: String { "line \(line): \(underlying)" }
}
