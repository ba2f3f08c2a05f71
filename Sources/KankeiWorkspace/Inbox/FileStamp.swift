import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What tells that an inbox file is still the one that was read: its device and inode, byte
/// count and modification time (to the nanosecond). A file whose stamp changed between the start
/// of its reading and its archiving is not counted in that run.
struct FileStamp: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let modifiedSeconds: Int
    let modifiedNanoseconds: Int

    /// The stamp of `url` itself (a link is not followed); `nil` when it is gone.
    static func of(_ url: URL) -> FileStamp? {
        var status = stat()
        guard lstat(url.path, &status) == 0 else { return nil }
        return FileStamp(device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int64(status.st_size),
                         modifiedSeconds: Int(status.st_mtim.tv_sec), modifiedNanoseconds: Int(status.st_mtim.tv_nsec))
    }
}
