import Foundation

/// A file opened for reading at any offset (`pread`), so several threads can read their own
/// stretches of it through one descriptor, each into its own buffer.
final class FileBytes: @unchecked Sendable {
    let size: Int
    private let descriptor: Int32

    init?(url: URL) {
        descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            return nil
        }
        size = Int(status.st_size)
    }

    deinit { close(descriptor) }

    /// Calls `body` with consecutive blocks of `range`, read into `buffer`; stops early when `body`
    /// returns `false`. Returns `false` when the file could not be read.
    @discardableResult
    func forEachBlock(of range: Range<Int>, buffer: UnsafeMutableRawBufferPointer,
                      _ body: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        var offset = range.lowerBound
        while offset < range.upperBound {
            let want = min(buffer.count, range.upperBound - offset)
            let got = pread(descriptor, buffer.baseAddress, want, off_t(offset))
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return false }
            if !body(UnsafeRawBufferPointer(start: buffer.baseAddress, count: got)) { return true }
            offset += got
        }
        return true
    }

    /// `forEachBlock` with a buffer of its own.
    @discardableResult
    func forEachBlock(of range: Range<Int>, blockSize: Int = 1 << 18, _ body: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
        defer { buffer.deallocate() }
        return forEachBlock(of: range, buffer: buffer, body)
    }
}
