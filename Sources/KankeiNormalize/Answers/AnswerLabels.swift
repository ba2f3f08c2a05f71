import Foundation
import KankeiModel
import Yams

/// Sets of answer labels everyone knows as one scale or one choice (満足…不満, はい/いいえ,
/// Strongly agree…, 男性/女性…), from `pipelines/answer-labels.yaml`: a column no definition
/// describes whose answers all come from one set is a single answer, however few they are, with
/// its options in the set's order.
public struct AnswerLabels: Sendable, Equatable {
    public static let fileName = "answer-labels.yaml"

    /// Each set's labels, in order.
    public var scales: [[String]]

    public init(scales: [[String]] = []) { self.scales = scales }

    /// The options `values` are, in the order of the one set holding them all; `nil` when no set does.
    public func options(for values: [String]) -> [String]? {
        let keys = Set(values.map(MatchKey.make))
        guard !keys.isEmpty else { return nil }
        for scale in scales {
            let order = scale.map(MatchKey.make)
            guard keys.isSubset(of: Set(order)) else { continue }
            // The spellings the export wrote, in the set's order.
            var spelling: [String: String] = [:]
            for value in values where spelling[MatchKey.make(value)] == nil { spelling[MatchKey.make(value)] = value }
            return order.compactMap { spelling[$0] }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        }
        return nil
    }

    /// Reads `answer-labels.yaml` in `directory`; none when the file is absent.
    static func load(from directory: URL) throws -> AnswerLabels {
        let url = directory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return AnswerLabels() }
        struct File: Decodable { var scales: [[String]] }
        return AnswerLabels(scales: try YAMLDecoder().decode(File.self, from: try YAMLText.checked(YAMLText.read(url))).scales)
    }
}
