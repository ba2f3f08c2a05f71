import Foundation
import KankeiModel

/// Moves a file that could not be read to `quarantine/`, untouched, beside `<file>.error.txt`
/// saying what is wrong and what to do.
struct Quarantine {
    let folder: URL

    /// Writes the explanation, then moves `file` (keeping its name; ` (2)`, ` (3)` … when taken).
    /// Returns where the file now is. Stopped between the two steps, the next run quarantines the
    /// file again under the same name, over the explanation left without its file.
    @discardableResult
    func isolate(_ file: URL, event: String?, problem: InputProblem) throws -> URL {
        let target = freeName(for: file.lastPathComponent)
        try AtomicFile.write(Self.explanation(problem, event: event, name: target.lastPathComponent),
                             to: folder.appendingPathComponent(target.lastPathComponent + Self.explanationSuffix))
        try OwnerOnlyMove.move(file, to: target)
        return target
    }

    static let explanationSuffix = ".error.txt"

    static func explanation(_ problem: InputProblem, event: String?, name: String) -> String {
        var text = problem.message
        if let event { text = "イベント: \(event)\n" + text }
        return text + "\n\n直したファイルを inbox/\(event.map { "\($0)/" } ?? "<イベント>/") に置き直して、もう一度 kankei run を実行してください。"
            + "このファイル（quarantine/\(name)）は受け取ったときのまま保管しています。\n"
    }

    /// The longest name a file system takes (bytes of UTF-8).
    static let maximumNameBytes = 255

    /// The file's own name unless a quarantined file already has it; shortened (by whole
    /// characters, its extension kept) so that the name, a ` (N)` and `.error.txt` fit in 255 bytes.
    private func freeName(for name: String) -> URL {
        let fullExt = (name as NSString).pathExtension
        let ext = fullExt.utf8.count <= 16 ? fullExt : ""
        let budget = Self.maximumNameBytes - Self.explanationSuffix.utf8.count - " (9999)".utf8.count - (ext.isEmpty ? 0 : ext.utf8.count + 1)
        var base = ext.isEmpty ? name : (name as NSString).deletingPathExtension
        if base.utf8.count > budget {
            while base.utf8.count > budget - "…".utf8.count { base.removeLast() }
            base += "…"
        }
        let name = ext.isEmpty ? base : "\(base).\(ext)"
        var candidate = folder.appendingPathComponent(name)
        var counter = 2
        while FileManager.default.fileExists(atPath: candidate.path) {
            candidate = folder.appendingPathComponent("\(base) (\(counter))" + (ext.isEmpty ? "" : ".\(ext)"))
            counter += 1
        }
        return candidate
    }
}
