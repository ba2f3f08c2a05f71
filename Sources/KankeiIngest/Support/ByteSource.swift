import Foundation
import KankeiModel

/// An input file read as a stream of byte chunks, after its byte-order mark.
/// Nothing reads a whole file into memory: detection looks at `head`, parsing at the chunks.
public final class ByteSource {
    public let url: URL
    /// The file name shown to coordinators.
    public let name: String
    public let byteOrderMark: ByteOrderMark
    /// The first bytes after the byte-order mark (up to `headLength`), for format detection.
    public let head: [UInt8]
    /// Told the bytes read so far each time a chunk is read (for a progress bar).
    var progress: ((Int) -> Void)?

    static let chunkSize = 1 << 16
    static let headLength = 1 << 16

    /// `name`: how messages name the file, when not by its own name (a part of a zip archive).
    public init(url: URL, name: String? = nil) throws {
        self.url = url
        self.name = name ?? url.lastPathComponent
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw InputProblem(file: url.lastPathComponent, problem: "ファイルを開けませんでした。",
                               remedy: "ファイルが別のプログラムで開かれていないか、読み取り権限があるか確認してください。")
        }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: Self.headLength + 4)) ?? Data()
        let bytes = [UInt8](start)
        byteOrderMark = ByteOrderMark.detect(bytes)
        head = Array(bytes.dropFirst(byteOrderMark.length).prefix(Self.headLength))
    }

    /// Calls `body` with consecutive chunks of the file, the byte-order mark skipped; with
    /// `range`, of those bytes of the file only.
    public func forEachChunk(in range: Range<Int>? = nil, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var read = range?.lowerBound ?? byteOrderMark.length
        try handle.seek(toOffset: UInt64(read))
        while true {
            let want = range.map { min(Self.chunkSize, $0.upperBound - read) } ?? Self.chunkSize
            guard want > 0 else { return }
            let chunk = handle.readData(ofLength: want)
            if chunk.isEmpty { return }
            try chunk.withUnsafeBytes { try body($0) }
            read += chunk.count
            progress?(read)
        }
    }

    /// Where the file's text starts (after the byte-order mark).
    public var textStart: Int { byteOrderMark.length }

    /// A problem with this file.
    public func problem(_ location: InputProblem.Location, _ problem: String, _ remedy: String) -> InputProblem {
        InputProblem(file: name, location: location, problem: problem, remedy: remedy)
    }
}

/// The byte-order mark a text file starts with, if any.
public enum ByteOrderMark: String, Sendable {
    case none
    case utf8
    case utf16LittleEndian
    case utf16BigEndian

    static func detect(_ bytes: [UInt8]) -> ByteOrderMark {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
        if bytes.starts(with: [0xFF, 0xFE]) { return .utf16LittleEndian }
        if bytes.starts(with: [0xFE, 0xFF]) { return .utf16BigEndian }
        return .none
    }

    var length: Int {
        switch self {
        case .none: 0
        case .utf8: 3
        case .utf16LittleEndian, .utf16BigEndian: 2
        }
    }
}

/// Hashes whole files, streaming.
public enum FileDigest {
    /// Lower-case hex SHA-256 of the file's bytes, and its size.
    public static func sha256(of url: URL) throws -> (hex: String, bytes: Int) {
        guard let file = FileBytes(url: url) else { throw CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: url.path]) }
        var hasher = SHA256()
        var total = 0
        let complete = file.forEachBlock(of: 0..<file.size) { block in
            total += block.count
            hasher.update(block)
            return true
        }
        guard complete else { throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        return (hasher.finalizeHex(), total)
    }
}
