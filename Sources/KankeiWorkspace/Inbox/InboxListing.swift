import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One item of an inbox folder, by what it is itself (a link is never followed).
struct InboxEntry {
    enum Kind {
        case file, directory
        /// A link or a special file, described in Japanese.
        case other(String)
    }

    var url: URL
    var kind: Kind
}

/// What the run, `kankei watch` and `kankei status` see in the inbox: entries in name order, with
/// the files that tools leave behind while they work (downloads in progress, Office lock files)
/// set aside — they are neither read nor quarantined, and wait until they become real files.
enum InboxListing {
    /// Name patterns of temporary files, and what each is (Japanese, for `kankei status`).
    static let temporaryFiles: [(prefix: String, suffix: String, what: String)] = [
        ("~$", "", "Excel・Wordが開いている間の一時ファイル"),
        (".~lock", "", "LibreOfficeが開いている間のロックファイル"),
        ("", ".crdownload", "Chromeでダウンロード中のファイル"),
        ("", ".part", "Firefoxでダウンロード中のファイル"),
        ("", ".download", "Safariでダウンロード中のファイル"),
        ("", ".tmp", "一時ファイル"),
        (".", "", "隠しファイル"),
    ]

    /// What a temporary file is, or `nil` for a file to read.
    static func temporaryKind(of name: String) -> String? {
        let lowered = name.lowercased()
        return temporaryFiles.first { lowered.hasPrefix($0.prefix) && lowered.hasSuffix($0.suffix) }?.what
    }

    private static let otherKinds: [FileAttributeType: String] = [
        .typeSymbolicLink: "リンク（シンボリックリンク）", .typeSocket: "ソケット", .typeCharacterSpecial: "デバイス",
        .typeBlockSpecial: "デバイス",
    ]

    /// Suffixes a browser adds to a file while downloading it. Firefox also creates the final name,
    /// empty, beside its `.part`: that placeholder is not a file yet either.
    static let downloadSuffixes = [".part", ".crdownload", ".download"]

    /// What a temporary file is, looking also at its folder's other names (`siblings`): an empty
    /// file beside a download in progress of the same name is the download's placeholder. (A file
    /// with content beside a `.part` an interrupted download left is a file.)
    static func temporaryKind(of name: String, in folder: URL, siblings: Set<String>) -> String? {
        if let kind = temporaryKind(of: name) { return kind }
        guard downloadSuffixes.contains(where: { siblings.contains(name + $0) }),
              (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path))?[.size] as? Int == 0
        else { return nil }
        return "ダウンロード中のファイルの置き場所"
    }

    /// The entries of a folder in name order, temporary files left out.
    static func list(_ folder: URL) -> [InboxEntry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let siblings = Set(names)
        return names.filter { temporaryKind(of: $0, in: folder, siblings: siblings) == nil }.sorted().map { name in
            let url = folder.appendingPathComponent(name)
            let type = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
            switch type {
            case .typeRegular?: return InboxEntry(url: url, kind: .file)
            case .typeDirectory?: return InboxEntry(url: url, kind: .directory)
            case let type?: return InboxEntry(url: url, kind: .other(otherKinds[type] ?? "特殊なファイル（名前付きパイプなど）"))
            case nil: return InboxEntry(url: url, kind: .other("読み取れない項目"))
            }
        }
    }

    /// Every entry below a folder, nested folders included, in name order.
    static func listBelow(_ folder: URL) -> [InboxEntry] {
        list(folder).flatMap { entry -> [InboxEntry] in
            if case .directory = entry.kind { return [entry] + listBelow(entry.url) }
            return [entry]
        }
    }

    /// Removes the folders a run moved files out of, from the deepest up to `root` (an event's
    /// folder), each once nothing is left in it, not even a temporary file. Other folders (one a
    /// coordinator has just made) stay. `rmdir` refuses a folder that is not empty, so a file
    /// arriving at that moment stays put.
    static func removeVacated(_ vacated: Set<URL>, upTo root: URL) {
        let root = root.standardizedFileURL.path
        var folders: Set<String> = []
        for folder in vacated {
            var path = folder.standardizedFileURL.path
            while path == root || path.hasPrefix(root + "/") {
                folders.insert(path)
                if path == root { break }
                path = (path as NSString).deletingLastPathComponent
            }
        }
        for path in folders.sorted(by: { $0.count > $1.count }) { rmdir(path) }
    }
}
