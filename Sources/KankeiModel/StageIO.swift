import Foundation

/// Standard input and output of the stage executables (line-delimited JSON), and their messages.
public enum StageIO {
    /// The records on standard input, one JSON object per line.
    public static func input<T: Decodable>(_ type: T.Type) -> JSONLinesReader<T> {
        JSONLinesReader(handle: .standardInput, as: type)
    }

    public static func output() -> JSONLinesWriter {
        JSONLinesWriter(handle: .standardOutput)
    }

    /// Writes a message to standard error (Swift 6: no `fputs` on the shared `stderr`), its
    /// control characters shown escaped (`TerminalText`).
    public static func warn(_ message: String) {
        FileHandle.standardError.write(Data((TerminalText.block(message) + "\n").utf8))
    }

    /// Writes a message to standard output, its control characters shown escaped.
    public static func say(_ message: String) {
        FileHandle.standardOutput.write(Data((TerminalText.block(message) + "\n").utf8))
    }

    /// Reads all of `records`, failing with the malformed line's number if one does not decode.
    public static func forEach<T>(_ records: JSONLinesReader<T>, _ body: (T) throws -> Void) throws {
        let iterator = records.makeIterator()
        while let record = iterator.next() { try body(record) }
        if let error = iterator.error { throw error }
    }
}
