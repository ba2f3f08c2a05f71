/// JSON for enums with one payload per case, as the line-delimited JSON between stages writes
/// them: the payload's own keys plus `"record": "<case>"`, so each line reads well in `jq`
/// (`jq 'select(.record == "respondent")'`). No payload may have a field named `record`.
public protocol KindTagged: Codable {
    /// The case name written as `record`.
    var kind: String { get }
    /// Encodes the payload (without `record`).
    func encodePayload(to encoder: any Encoder) throws
    /// Decodes the payload of the case named `kind`.
    init(kind: String, from decoder: any Decoder) throws
}

private enum KindKey: String, CodingKey { case kind = "record" }

extension KindTagged {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: KindKey.self)
        try container.encode(kind, forKey: .kind)
        try encodePayload(to: encoder)
    }

    public init(from decoder: any Decoder) throws {
        let kind = try decoder.container(keyedBy: KindKey.self).decode(String.self, forKey: .kind)
        try self.init(kind: kind, from: decoder)
    }
}

/// Thrown when a line names a `record` kind this version does not know.
public struct UnknownKind: Error, CustomStringConvertible {
    public let kind: String
    public var description: String { "unknown record '\(kind)'" }
}
