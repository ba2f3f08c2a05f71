import Foundation

/// Writes a file so that readers see either the old or the new contents, never half: the bytes go
/// to a temporary file in the same folder, which is then renamed over the target. Files are
/// readable by their owner only (0600). A run stopped mid-write leaves at most a temporary
/// `.<name>.<uuid>.tmp`, which `isTemporary` recognises for the next run to remove.
public enum AtomicFile {
    /// `true` for the name of a temporary file this type writes.
    public static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.hasSuffix(".tmp")
    }

    /// A temporary name beside `url`: `.<name>.<uuid>.tmp`, the name cut to 64 bytes (whole
    /// characters) so that even a 255-byte name gives a name the file system takes.
    public static func temporaryURL(for url: URL) -> URL {
        var name = url.lastPathComponent
        while name.utf8.count > 64 { name.removeLast() }
        return url.deletingLastPathComponent().appendingPathComponent(".\(name).\(UUID().uuidString).tmp")
    }

    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = temporaryURL(for: url)
        try data.write(to: temporary)
        chmod(temporary.path, 0o600)
        if rename(temporary.path, url.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, "errno": code])
        }
    }

    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}
