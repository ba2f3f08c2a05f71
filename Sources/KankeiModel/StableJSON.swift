import Foundation

/// The JSON Kankei writes everywhere (stage records, `summary.json`, the core, `--json`): keys
/// sorted and slashes unescaped, so the same value always gives the same bytes.
public enum StableJSON {
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
