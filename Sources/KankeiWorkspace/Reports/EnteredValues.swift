import Foundation
import KankeiModel

/// `kpi-values.yaml` in the workspace: KPI values the office enters by hand because no file
/// holds them (ideas proposed, projects started, SNS likes), by KPI id:
///
/// ```yaml
/// kpi-3-2: 710
/// kpi-2-3: { value: null, note: 独自SNSは立上げを見送った }
/// ```
struct EnteredValues {
    struct Value {
        /// A count, or a share in percent; `nil` when the office states there is none.
        var number: Double?
        var note: String?
    }

    static let fileName = "kpi-values.yaml"

    var values: [String: Value] = [:]

    /// Reads the file when there is one; a problem becomes a message for the run's warnings and
    /// the file is left out (nothing else depends on it).
    static func load(from url: URL, known: Set<String>) -> (EnteredValues, [String]) {
        guard FileManager.default.fileExists(atPath: url.path) else { return (EnteredValues(), []) }
        let remedy = "「kpi-3-2: 710」か「kpi-2-3: { value: null, note: 補足 }」の形で書いてください。"
        let tree: Any?
        do {
            tree = try YAMLText.load(YAMLText.read(url))
        } catch let refusal as YAMLText.Refusal {
            return (EnteredValues(), ["\(fileName) を読まずに、入力値なしで KPI 表を作りました: \(refusal)"])
        } catch {
            return (EnteredValues(), ["\(fileName) を YAML として読めないため、入力値なしで KPI 表を作りました。\(remedy)"])
        }
        guard let map = tree as? [String: Any] else {
            return (EnteredValues(), tree == nil ? [] : ["\(fileName) が「KPIのid: 値」の一覧になっていません。\(remedy)"])
        }
        var entered = EnteredValues()
        var warnings: [String] = []
        for (id, raw) in map.sorted(by: { $0.key < $1.key }) {
            guard known.contains(id) else {
                warnings.append("\(fileName) の「\(id)」は pipelines/kpis.yaml にない KPI です。id を確認してください。")
                continue
            }
            let fields = raw as? [String: Any]
            if let unknown = fields?.keys.sorted().first(where: { $0 != "value" && $0 != "note" }) {
                warnings.append("\(fileName) の「\(id)」の「\(unknown)」は使われません（value と note だけを読みます）。")
            }
            let number: Any? = fields == nil ? raw : fields?["value"]
            let note = (fields?["note"]).flatMap(Self.text)
            switch number {
            case let value as Int where value >= 0: entered.values[id] = Value(number: Double(value), note: note)
            case let value as Double where value.isFinite && value >= 0 && value < 1e12:
                entered.values[id] = Value(number: value, note: note)
            case nil, is NSNull: entered.values[id] = Value(number: nil, note: note)
            case let text as String where text.trimmingCharacters(in: .whitespaces) == "-": entered.values[id] = Value(number: nil, note: note)
            default:
                warnings.append("\(fileName) の「\(id)」の値「\(number.flatMap(Self.text) ?? "")」は0以上の数ではないため使いません。\(remedy)")
            }
        }
        return (entered, warnings)
    }

    /// A note as the office wrote it: a YAML date as yyyy-MM-dd, nothing for null.
    private static func text(_ value: Any) -> String? {
        switch value {
        case is NSNull: return nil
        case let date as Date:
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyy-MM-dd"
            return formatter.string(from: date)
        default: return "\(value)"
        }
    }
}
