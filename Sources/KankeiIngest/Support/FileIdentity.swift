import Foundation

/// The sha256 of the file being read: given, or worked out on a thread of its own while the file
/// is read, and waited for only where a record first needs it. Hashing a large export takes a
/// core for a while; this way the other work of the read goes on beside it.
final class FileIdentity: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Result<String, any Error>?

    init(known sha256: String) {
        result = .success(sha256)
    }

    /// Starts hashing `url` on a thread of its own.
    init(hashing url: URL) {
        let thread = Thread { [self] in
            let hashed = Result { try FileDigest.sha256(of: url).hex }
            condition.lock()
            result = hashed
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// The hex sha256, once known; empty when the file could not be hashed (`check` says why:
    /// `IngestContext.begin` asks it before any record is handed on).
    var sha256: String { (try? outcome().get()) ?? "" }

    /// Waits for the hash; throws what stopped it.
    func check() throws { _ = try outcome().get() }

    private func outcome() -> Result<String, any Error> {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return result!
    }
}
