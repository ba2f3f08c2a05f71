import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One run at a time per workspace: an exclusive `flock` on `.kankei/run.lock`, which also holds
/// the running process's id and start time. The system releases the lock when the process ends,
/// however it ends (`kill -9` included), so a lock is never left behind.
final class RunLock {
    /// Who holds the lock, as written in the lock file.
    struct Holder: Sendable {
        var pid: Int
        var startedAt: String

        var description: String { "PID \(pid)、\(startedAt) 開始" }
    }

    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit {
        // Who held it is cleared first, so a finished run is never named as the holder.
        ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Takes the lock. When another run holds it: with `wait`, calls `waiting` once and blocks
    /// until it is free; without, throws a `WorkspaceError` naming the other run.
    static func acquire(_ layout: WorkspaceLayout, wait: Bool, startedAt: String,
                        waiting: (Holder?) -> Void = { _ in }) throws -> RunLock {
        let descriptor = open(layout.runLock.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw WorkspaceError(message: "\(layout.runLock.path) を作れませんでした（\(String(cString: strerror(errno)))）。ワークスペースの書き込み権限を確認してください。")
        }
        // A few tries first: `kankei status` looks at the lock for an instant, which is no run.
        var free = false
        for attempt in 0..<10 {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                free = true
                break
            }
            if attempt < 9 { usleep(50_000) }
        }
        if !free {
            let holder = read(descriptor)
            guard wait else {
                close(descriptor)
                throw WorkspaceError(message: "このワークスペースでは別の kankei が実行中です（\(holder?.description ?? "実行中のプロセス")）。"
                    + "終わってからもう一度実行してください（--no-wait を付けなければ、終わるのを待ってから続けて実行します）。")
            }
            waiting(holder)
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(descriptor)
                    throw WorkspaceError(message: "\(layout.runLock.path) をロックできませんでした（\(String(cString: strerror(errno)))）。")
                }
            }
        }
        let text = "\(getpid())\n\(startedAt)\n"
        ftruncate(descriptor, 0)
        _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        return RunLock(descriptor: descriptor)
    }

    /// The run holding the lock now, or `nil` when none does (for `kankei status`).
    static func holder(_ layout: WorkspaceLayout) -> Holder? {
        let descriptor = open(layout.runLock.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        if flock(descriptor, LOCK_SH | LOCK_NB) == 0 {
            flock(descriptor, LOCK_UN)
            return nil
        }
        return read(descriptor) ?? Holder(pid: 0, startedAt: "?")
    }

    private static func read(_ descriptor: Int32) -> Holder? {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let lines = String(decoding: buffer.prefix(count), as: UTF8.self).split(separator: "\n").map(String.init)
        guard lines.count >= 2, let pid = Int(lines[0]) else { return nil }
        return Holder(pid: pid, startedAt: lines[1])
    }
}
