/// A pseudonymous key for one person, derived from an e-mail address (or, failing that, a name)
/// by a keyed hash. Stages link registrants, attendees and respondents through it; the address
/// itself never leaves ingest.
public struct PersonKey: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    public init(_ value: String) { self.value = value }

    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public var description: String { value }
}
