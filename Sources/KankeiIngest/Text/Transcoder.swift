import Foundation
import KankeiModel

/// Converts a stream of bytes in one encoding to UTF-8 with iconv, chunk by chunk: a character cut
/// at a chunk boundary is carried to the next chunk, so memory stays at one chunk whatever the
/// file's size.
final class Transcoder {
    /// Where in the input the bytes stopped making sense.
    struct InvalidBytes: Error {
        /// The line of the converted text the bad bytes are on (1 = first).
        let line: Int
    }

    private let descriptor: iconv_t
    private var carry: [UInt8] = []
    private var output = [UInt8](repeating: 0, count: 4 * ByteSource.chunkSize + 64)
    /// Line feeds converted so far, for the line of an error.
    private var lineFeeds = 0

    init?(from encoding: String) {
        let descriptor = iconv_open("UTF-8", encoding)
        guard let descriptor, descriptor != iconv_t(bitPattern: -1) else { return nil }
        self.descriptor = descriptor
    }

    deinit { iconv_close(descriptor) }

    /// Converts `chunk` (after what was carried over), calling `body` with the UTF-8 produced.
    /// With `isLast`, a character left incomplete is an error.
    func convert(_ chunk: UnsafeRawBufferPointer, isLast: Bool = false, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        var input = carry
        input.append(contentsOf: chunk)
        carry = []
        var consumed = 0
        try input.withUnsafeMutableBytes { inputBytes in
            try output.withUnsafeMutableBytes { outputBytes in
                while consumed < inputBytes.count {
                    var inPointer: UnsafeMutablePointer<CChar>? = inputBytes.baseAddress!.advanced(by: consumed)
                        .assumingMemoryBound(to: CChar.self)
                    var inLeft = inputBytes.count - consumed
                    var outPointer: UnsafeMutablePointer<CChar>? = outputBytes.baseAddress!.assumingMemoryBound(to: CChar.self)
                    var outLeft = outputBytes.count
                    let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    let failure = result == -1 ? errno : 0
                    consumed = inputBytes.count - inLeft
                    let produced = UnsafeRawBufferPointer(start: outputBytes.baseAddress, count: outputBytes.count - outLeft)
                    lineFeeds += produced.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
                    if !produced.isEmpty { try body(produced) }
                    switch failure {
                    case 0, E2BIG: continue
                    case EINVAL where !isLast:
                        carry = Array(inputBytes[consumed...])
                        return
                    default:
                        throw InvalidBytes(line: lineFeeds + 1)
                    }
                }
            }
        }
    }

    /// Whether all of `bytes` convert (an incomplete character at the very end is allowed when
    /// `mayBeCut`, for a sample taken from the middle of a file).
    static func converts(_ bytes: [UInt8], from encoding: String, mayBeCut: Bool) -> Bool {
        guard let transcoder = Transcoder(from: encoding) else { return false }
        do {
            try bytes.withUnsafeBytes { try transcoder.convert($0, isLast: !mayBeCut) { _ in } }
            return true
        } catch {
            return false
        }
    }
}
