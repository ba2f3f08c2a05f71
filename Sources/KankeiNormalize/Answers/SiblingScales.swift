import KankeiModel

/// Finds the columns of one scale among a survey's inferred questions: a Likert question that an
/// export writes one column per row (Microsoft Forms' `Board Effect`, `Board Effect2` …), each
/// column answered by few people, so that no column alone shows it is a choice. Labels that recur
/// across at least `minColumns` columns are a scale's points; a column answered only with such
/// labels is a single answer on that scale (neighbouring columns, or rows of one grid, share it), its options the scale's points (each point in the
/// column's own spelling when it has one: `5 Excellent` beside another column's `5.Excellent`),
/// in the points' numeric order when they start with numbers.
enum SiblingScales {
    static let minColumns = 3
    static let maxPoints = 11

    /// `values[i]`: the distinct whole answers of `questions[i]`'s column; `nil` for a question not
    /// to touch (a definition's, a multiple answer).
    static func apply(_ questions: inout [Question], values: [[String]?]) {
        // Neighbours are siblings only within one grid (`質問 [行]`), or when neither is a grid row.
        let group = questions.map { GridGrouping.split($0.text).map { MatchKey.make($0.stem) } }
        var columnsOf: [String: Int] = [:]
        var spelling: [String: String] = [:]
        for list in values.compactMap({ $0 }) {
            for value in Set(list.map(MatchKey.exact)) { columnsOf[value, default: 0] += 1 }
            for value in list where spelling[MatchKey.exact(value)] == nil { spelling[MatchKey.exact(value)] = value }
        }
        let shared = Set(columnsOf.filter { $0.value >= minColumns }.keys)
        guard !shared.isEmpty else { return }
        // A label is on a scale when it recurs, or when it starts with the number of one that does
        // (a question whose author wrote `5 Excellent` where the others wrote `5.Excellent`).
        let sharedNumbers = Set(shared.compactMap { number(spelling[$0] ?? $0) })
        func onScale(_ key: String) -> Bool { shared.contains(key) || number(spelling[key] ?? key).map(sharedNumbers.contains) ?? false }
        // The scales: labels answering one column belong together, and so do those of neighbouring
        // columns (a Likert question's rows sit side by side), while the scale stays small.
        var scales: [Set<String>] = []
        var scaleOfColumn: [Int: Int] = [:]
        for (index, list) in values.enumerated() {
            guard let list, !list.isEmpty else { continue }
            let keys = Set(list.map(MatchKey.exact))
            guard keys.allSatisfy(onScale), keys.count <= maxPoints else { continue }
            if let previous = scaleOfColumn[index - 1], group[index - 1] == group[index], scales[previous].union(keys).count <= maxPoints {
                scales[previous].formUnion(keys)
                scaleOfColumn[index] = previous
            } else {
                scales.append(keys)
                scaleOfColumn[index] = scales.count - 1
            }
        }
        for (index, scale) in scaleOfColumn {
            guard let list = values[index] else { continue }
            questions[index].type = .single
            questions[index].options = points(scales[scale], own: Set(list.map(MatchKey.exact)), spelling: spelling, counts: columnsOf)
        }
    }

    /// The scale's points for one column: per leading number the column's own spelling, else the
    /// most used one; in numeric order when every point has a number, else most used first.
    private static func points(_ scale: Set<String>, own: Set<String>, spelling: [String: String], counts: [String: Int]) -> [String] {
        let numbered = scale.map { ($0, number(spelling[$0] ?? $0)) }
        guard numbered.allSatisfy({ $0.1 != nil }) else {
            return scale.sorted { (counts[$0] ?? 0, $1) > (counts[$1] ?? 0, $0) }.compactMap { spelling[$0] }
        }
        var byNumber: [Int: String] = [:]
        for (key, value) in numbered.sorted(by: { (own.contains($0.0) ? 1 : 0, counts[$0.0] ?? 0) > (own.contains($1.0) ? 1 : 0, counts[$1.0] ?? 0) }) {
            if byNumber[value!] == nil { byNumber[value!] = key }
        }
        return byNumber.keys.sorted().compactMap { byNumber[$0].flatMap { spelling[$0] } }
    }

    /// The number a scale point starts with (`5.Excellent`, `4 - Good`, `3`).
    static func number(_ label: String) -> Int? {
        guard let match = label.firstMatch(of: #/^\s*(\d{1,2})(?:\D|$)/#) else { return nil }
        return Int(match.1)
    }
}
