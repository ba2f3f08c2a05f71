/// A file Kankei could not read, explained for the coordinator who dropped it: which file, where
/// in it, what is wrong and what to do. Rendered in Japanese into `<file>.error.txt`.
public struct InputProblem: Error, Hashable, Sendable, Codable {
    /// Where in the file the problem is.
    public enum Location: Hashable, Sendable, Codable {
        case row(Int)
        case column(String)
        case element(String)
        case wholeFile
    }

    public var file: String
    public var location: Location
    /// What is wrong (Japanese).
    public var problem: String
    /// What to do about it (Japanese).
    public var remedy: String

    public init(file: String, location: Location = .wholeFile, problem: String, remedy: String) {
        self.file = file
        self.location = location
        self.problem = problem
        self.remedy = remedy
    }

    public var locationText: String {
        switch location {
        case .row(let row): "\(row)行目"
        case .column(let name): "列「\(name)」"
        case .element(let path): "要素 \(Self.abbreviated(path))"
        case .wholeFile: "ファイル全体"
        }
    }

    /// A deep element path shortened to its first three and last element (`/a/b/c/…/z（10,000階層目）`).
    static func abbreviated(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count > 8 else { return path }
        return "/" + parts.prefix(3).joined(separator: "/") + "/…/" + parts.last! + "（\(parts.count)階層目）"
    }

    /// The text of `<file>.error.txt`.
    public var message: String {
        """
        ファイル: \(file)
        場所: \(locationText)
        問題: \(problem)
        対処: \(remedy)
        """
    }
}
