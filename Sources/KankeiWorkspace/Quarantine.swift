import Foundation
import KankeiModel

/// Moves a file that could not be read to `quarantine/`, untouched, beside `<file>.error.txt`
/// saying what is wrong and what to do.
struct Quarantine {
    let folder: URL

    /// Moves `file` (keeping its name; ` (2)`, ` (3)` … when taken) and writes the explanation.
    /// Returns where the file now is.
    @discardableResult
    func isolate(_ file: URL, event: String?, problem: InputProblem) throws -> URL {
        let target = freeName(for: file.lastPathComponent)
        try FileManager.default.moveItem(at: file, to: target)
        var text = problem.message
        if let event { text = "イベント: \(event)\n" + text }
        text += "\n\n直したファイルを inbox/\(event.map { "\($0)/" } ?? "<イベント>/") に置き直して、もう一度 kankei run を実行してください。"
            + "このファイル（quarantine/\(target.lastPathComponent)）は受け取ったときのまま保管しています。\n"
        try AtomicFile.write(text, to: folder.appendingPathComponent(target.lastPathComponent + ".error.txt"))
        return target
    }

    private func freeName(for name: String) -> URL {
        let base = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        var candidate = folder.appendingPathComponent(name)
        var counter = 2
        while FileManager.default.fileExists(atPath: candidate.path)
            || FileManager.default.fileExists(atPath: candidate.path + ".error.txt") {
            candidate = folder.appendingPathComponent("\(base) (\(counter))" + (ext.isEmpty ? "" : ".\(ext)"))
            counter += 1
        }
        return candidate
    }
}
