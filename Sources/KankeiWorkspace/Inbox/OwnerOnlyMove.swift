import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Moves a coordinator's file into the workspace's keeping (archive/, quarantine/): made readable
/// by the owner only first, then renamed in one step, so a run stopped at any moment leaves the
/// file whole in one place or the other, never half-copied.
enum OwnerOnlyMove {
    static func move(_ source: URL, to target: URL) throws {
        chmod(source.path, 0o600)
        if rename(source.path, target.path) == 0 { return }
        guard errno == EXDEV else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path, "errno": errno])
        }
        // Another file system: copy to a temporary name beside the target, rename, then remove.
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        try FileManager.default.copyItem(at: source, to: temporary)
        chmod(temporary.path, 0o600)
        guard rename(temporary.path, target.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path, "errno": errno])
        }
        try FileManager.default.removeItem(at: source)
    }
}
