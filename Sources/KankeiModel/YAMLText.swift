import Foundation
import Yams

/// Every YAML file a workspace holds (definitions, wording, event.yaml, kpi-values.yaml, core
/// imports) is read through here, so that none can hang a run that holds the lock: the file is
/// refused when it is too large, and its tree is measured with aliases expanded — counted, never
/// built — before anything is constructed from it, so a "billion laughs" of nested aliases is
/// refused in milliseconds and a few megabytes.
public enum YAMLText {
    /// Definitions and settings are written by hand: a few kilobytes each.
    public static let maximumBytes = 2 << 20
    /// Scalars, mappings and sequences, each alias counted as all it stands for.
    public static let maximumNodes = 200_000

    /// Why a YAML text was refused (Japanese, for the message that names the file).
    public struct Refusal: Error, CustomStringConvertible {
        public let description: String
    }

    /// The file's text, refused when it is too large or not UTF-8.
    public static func read(_ url: URL) throws -> String {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard size <= maximumBytes else {
            throw Refusal(description: "YAML ファイルが大きすぎます（\(size)バイト、上限\(maximumBytes)バイト）。手で書く設定ファイルの大きさに収めてください。")
        }
        guard let text = String(data: try Data(contentsOf: url), encoding: .utf8) else {
            throw Refusal(description: "UTF-8 の文字として読めません。UTF-8 で保存し直してください。")
        }
        return text
    }

    /// `text`, once it is known to expand to a bounded tree (for `YAMLDecoder`).
    @discardableResult
    public static func checked(_ text: String) throws -> String {
        guard text.utf8.count <= maximumBytes else {
            throw Refusal(description: "YAML が大きすぎます（\(text.utf8.count)バイト、上限\(maximumBytes)バイト）。")
        }
        guard let root = try Yams.compose(yaml: text) else { return text }
        var budget = maximumNodes
        guard fits(root, budget: &budget) else {
            throw Refusal(description: "別名（&アンカーと*参照）を展開すると\(maximumNodes)項目を超えます。参照の入れ子をやめ、項目を直接書いてください。")
        }
        return text
    }

    /// The tree of `text` as Foundation values, once checked.
    public static func load(_ text: String) throws -> Any? {
        try Yams.load(yaml: checked(text))
    }

    /// Counts `node` against `budget` (an alias's target is counted each time it is used),
    /// stopping as soon as the budget is spent.
    private static func fits(_ node: Node, budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .scalar, .alias: return true
        case .mapping(let mapping):
            for (key, value) in mapping where !fits(key, budget: &budget) || !fits(value, budget: &budget) { return false }
            return true
        case .sequence(let sequence):
            for item in sequence where !fits(item, budget: &budget) { return false }
            return true
        }
    }
}
