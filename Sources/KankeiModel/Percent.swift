/// A percentage rounded half-up (四捨五入) to one decimal, computed on exact integers.
///
/// `Percent(count: 23, of: 29)` is 79.3: the value is kept as tenths of a percent (793), so no
/// binary floating point ever takes part in the rounding. It encodes as a JSON number (79.3).
public struct Percent: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The value in tenths of a percent: 793 means 79.3%.
    public let tenths: Int

    public init(tenths: Int) { self.tenths = tenths }

    /// `count / base × 100`, rounded half-up to one decimal. `nil` when the base is zero.
    public init?(count: Int, of base: Int) {
        guard base > 0 else { return nil }
        precondition(count >= 0, "a count is never negative")
        // tenths = floor(count × 1000 / base + 1/2) = floor((2 × count × 1000 + base) / (2 × base))
        let (doubled, overflow) = count.multipliedReportingOverflow(by: 2_000)
        precondition(!overflow, "count too large for exact percentages")
        tenths = (doubled + base) / (2 * base)
    }

    public static func < (lhs: Percent, rhs: Percent) -> Bool { lhs.tenths < rhs.tenths }

    /// One decimal always: "79.3", "69.0", "100.0".
    public var fixed: String {
        "\(tenths / 10).\(tenths % 10)"
    }

    /// The report's way of writing a share in prose: "79.3%", "69.0%", but "100%" for all.
    public var prose: String {
        tenths == 1_000 ? "100%" : "\(fixed)%"
    }

    public var description: String { "\(fixed)%" }

    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(Double.self)
        tenths = Int((value * 10).rounded())
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        // tenths / 10 as a Double prints as the shortest exact decimal (79.3), never 79.29999.
        try container.encode(Double(tenths) / 10)
    }
}
