import Foundation
import GRDB
import KankeiIngest
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` at any moment, then another run: the workspace ends exactly where an uninterrupted
/// run leaves it. One run at a time: a second run waits, or says clearly that one is running.
@Suite("Crash safety and the run lock")
struct CrashSafetyTests {
    /// Everything a run leaves behind that a user or a later run relies on, in comparable form.
    struct Snapshot: Equatable {
        /// Path below the workspace → sha256 of the bytes (reports, archive, quarantine, inbox).
        var files: [String: String]
        /// Table → its rows as text, sorted; run bookkeeping and times left out.
        var core: [String: [String]]
    }

    static func snapshot(_ workspace: URL) throws -> Snapshot {
        var files: [String: String] = [:]
        for folder in ["reports", "archive", "quarantine", "inbox"] {
            for url in KankeiEndToEndTests.files(below: workspace.appendingPathComponent(folder)) {
                let path = String(url.standardizedFileURL.path.dropFirst(workspace.standardizedFileURL.path.count + 1))
                files[path] = try FileDigest.sha256(of: url).hex
            }
        }
        let queue = try DatabaseQueue(path: workspace.appendingPathComponent("core.sqlite").path)
        let core = try queue.read { db -> [String: [String]] in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' AND name != 'runs'
                """)
            var contents: [String: [String]] = [:]
            for table in tables {
                // When something was written differs from run to run; what was written must not.
                let columns = try db.columns(in: table).map(\.name).filter { !$0.hasSuffix("At") && $0 != "at" }
                let sql = "SELECT " + columns.map { "quote(\"\($0)\")" }.joined(separator: " || '|' || ") + " FROM \"\(table)\""
                contents[table] = try String.fetchAll(db, sql: sql).sorted()
            }
            return contents
        }
        return Snapshot(files: files, core: core)
    }

    /// A reproducible sequence of kill times.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func startRun(_ workspace: URL, _ extra: [String] = []) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = Repository.binaries.appendingPathComponent("kankei")
        process.arguments = ["run", "--workspace", workspace.path] + extra
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    @Test("kill -9 at 24 random moments of a run on the samples: the next run leaves reports, archive and core as an uninterrupted run does")
    func killAnywhere() throws {
        // Every workspace is a copy of one, so all share the secret behind the person keys.
        let pristine = try sampleWorkspace()
        func copy() throws -> URL {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("kankei-kill-\(UUID().uuidString)")
            try FileManager.default.copyItem(at: pristine, to: url)
            return url
        }
        let reference = try copy()
        #expect(try kankei(["run", "--workspace", reference.path]).status == 0)
        let expected = try Self.snapshot(reference)
        // How long a whole run takes here and now (the faster of two), to spread the kills over.
        var duration = Double.infinity
        for _ in 0..<2 {
            let timed = try copy()
            let started = Date()
            _ = try kankei(["run", "--workspace", timed.path])
            duration = min(duration, Date().timeIntervalSince(started))
        }
        #expect(expected.files.keys.contains { $0.hasPrefix("reports/") } && expected.core["ledger"]?.count == 27)

        var generator = SeededGenerator(state: 20_261_123)
        var killedMidRun = 0
        /// Files already archived when each kill landed: where in the run the kills fell.
        var archivedAtKill: [Int] = []
        for round in 0..<24 {
            let workspace = try copy()
            // Every third round is killed twice: the run that finishes a stopped run is stopped too.
            for _ in 0..<(round % 3 == 2 ? 2 : 1) {
                var delay = Double.random(in: 0.02...max(0.05, duration), using: &generator)
                // A run that finished before its kill (the machine was faster just then) is no
                // kill: the workspace is copied afresh and it is tried sooner, up to three times.
                for _ in 0..<3 {
                    let (process, out, err) = try Self.startRun(workspace)
                    Thread.sleep(forTimeInterval: delay)
                    let killed = process.isRunning
                    if killed { kill(process.processIdentifier, SIGKILL) }
                    process.waitUntilExit()
                    _ = out.fileHandleForReading.readDataToEndOfFile()
                    _ = err.fileHandleForReading.readDataToEndOfFile()
                    if killed {
                        killedMidRun += 1
                        archivedAtKill.append(files(below: workspace.appendingPathComponent("archive")).count)
                        break
                    }
                    try FileManager.default.removeItem(at: workspace)
                    try FileManager.default.copyItem(at: pristine, to: workspace)
                    delay /= 2
                }
            }
            let finish = try kankei(["run", "--workspace", workspace.path])
            #expect(finish.status == 0, "round \(round): \(finish.stderr)")
            #expect(!finish.stdout.contains("数えなかったファイル"), "round \(round): a file of the stopped run was taken for a duplicate")
            let snapshot = try Self.snapshot(workspace)
            let differing = Set(snapshot.files.keys).union(expected.files.keys).filter { snapshot.files[$0] != expected.files[$0] }
            #expect(differing.isEmpty, "round \(round): files differ: \(differing.sorted().prefix(5))")
            for table in expected.core.keys.sorted() {
                let rows = snapshot.core[table] ?? [], wanted = expected.core[table] ?? []
                let extra = rows.filter { !wanted.contains($0) }.prefix(2).map { $0.prefix(200) }
                let missing = wanted.filter { !rows.contains($0) }.prefix(2).map { $0.prefix(200) }
                #expect(rows == wanted, "round \(round): table \(table) has \(rows.count) rows, not \(wanted.count); extra \(extra), missing \(missing)")
            }
        }
        #expect(killedMidRun >= 20)
        print("kill -9: \(killedMidRun) kills mid-run (runs of \(String(format: "%.2f", duration)) s); files archived when killed: \(archivedAtKill.sorted())")
    }

    @Test("a file whose ledger entry was written but which never moved is moved by the next run, not counted as a duplicate")
    func unfinishedMove() throws {
        let workspace = try sampleWorkspace()
        #expect(try kankei(["run", "--workspace", workspace.path]).status == 0)
        let before = try Self.snapshot(workspace)
        // Put one archived file back where the coordinator dropped it, as if the run had stopped
        // between writing the ledger and the move.
        let queue = try DatabaseQueue(path: workspace.appendingPathComponent("core.sqlite").path)
        let row = try #require(try queue.read { db in
            try Row.fetchOne(db, sql: "SELECT name, archived FROM ledger WHERE event = ? AND format = 'google-forms-csv'", arguments: [company])
        })
        let archived = workspace.appendingPathComponent("archive/\(row["archived"] as String)")
        let inbox = workspace.appendingPathComponent("inbox/\(company)")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: archived, to: inbox.appendingPathComponent(row["name"] as String))

        let result = try kankei(["run", "--workspace", workspace.path])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("数えなかった"))
        #expect(try Self.snapshot(workspace) == before)
    }

    @Test("a second run says clearly that one is running (--no-wait), or waits for it")
    func oneRunAtATime() throws {
        let workspace = try sampleWorkspace()
        try FileManager.default.createDirectory(at: workspace.appendingPathComponent(".kankei"), withIntermediateDirectories: true)
        // Hold the lock as a running kankei would.
        let descriptor = open(workspace.appendingPathComponent(".kankei/run.lock").path, O_RDWR | O_CREAT, 0o600)
        #expect(descriptor >= 0 && flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        _ = "4242\n2026-11-23T09:00:00Z\n".withCString { write(descriptor, $0, strlen($0)) }

        let refused = try kankei(["run", "--no-wait", "--workspace", workspace.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("別の kankei が実行中です（PID 4242、2026-11-23T09:00:00Z 開始）"))
        // Waiting is the default: the message suggests leaving out --no-wait, not a --wait that is already so.
        #expect(refused.stderr.contains("--no-wait を付けなければ") && !refused.stderr.contains("--wait を付けると"))
        #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("reports").path)
            || (try files(below: workspace.appendingPathComponent("reports"))).isEmpty)
        let status = try kankei(["status", "--workspace", workspace.path])
        #expect(status.stdout.contains("実行中: PID 4242"))

        let (waiting, out, err) = try Self.startRun(workspace)
        // No clock: the run says it is waiting, and while the lock is held it cannot have finished.
        var early = Data()
        while !String(decoding: early, as: UTF8.self).contains("終わるのを待っています") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            early.append(chunk)
        }
        #expect(waiting.isRunning, "the second run did not wait")
        flock(descriptor, LOCK_UN)
        close(descriptor)
        waiting.waitUntilExit()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: early + err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(waiting.terminationStatus == 0)
        #expect(stderr.contains("終わるのを待っています"))
        #expect(stdout.contains("6件のイベントのレポートを作成しました"))
    }
}
