import Foundation
import KankeiModel
#if canImport(Glibc)
import Glibc
#endif

/// Moves a coordinator's file into the workspace's keeping (archive/, quarantine/): made readable
/// by the owner only first, then renamed in one step, so a run stopped at any moment leaves the
/// file whole in one place or the other, never half-copied.
///
/// Only what is ours changes: a symbolic link is moved as a link (never opened, its mode never
/// set, so its target's bytes, mode and owner stay as they were), and a file with more than one
/// hard link is copied, so that no archived copy shares its bytes with a file outside the workspace.
enum OwnerOnlyMove {
    static func move(_ source: URL, to target: URL) throws {
        var status = stat()
        guard lstat(source.path, &status) == 0 else { throw failure(source, errno) }
        let kind = status.st_mode & S_IFMT
        if kind == S_IFREG && status.st_nlink > 1 {
            try copyThenRemove(source, to: target)
            return
        }
        if kind == S_IFREG { setOwnerOnly(source) }
        if rename(source.path, target.path) == 0 { return }
        guard errno == EXDEV else { throw failure(target, errno) }
        try copyThenRemove(source, to: target)
    }

    /// Another file system, or a file linked from elsewhere: the bytes (or the link itself) go to
    /// a temporary name beside the target, which is then renamed; the source is removed last.
    private static func copyThenRemove(_ source: URL, to target: URL) throws {
        let temporary = AtomicFile.temporaryURL(for: target)
        var status = stat()
        guard lstat(source.path, &status) == 0 else { throw failure(source, errno) }
        if status.st_mode & S_IFMT == S_IFLNK {
            let destination = try FileManager.default.destinationOfSymbolicLink(atPath: source.path)
            guard symlink(destination, temporary.path) == 0 else { throw failure(temporary, errno) }
        } else {
            try FileManager.default.copyItem(at: source, to: temporary)
            setOwnerOnly(temporary)
        }
        guard rename(temporary.path, target.path) == 0 else {
            let code = errno
            unlink(temporary.path)
            throw failure(target, code)
        }
        guard unlink(source.path) == 0 else { throw failure(source, errno) }
    }

    /// Sets 0600 on a regular file without following a link that replaced it meanwhile.
    private static func setOwnerOnly(_ url: URL) {
        let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG { fchmod(descriptor, 0o600) }
    }

    private static func failure(_ url: URL, _ code: Int32) -> CocoaError {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, "errno": code,
                                                 NSLocalizedDescriptionKey: "\(url.lastPathComponent): \(String(cString: strerror(code)))"])
    }
}
