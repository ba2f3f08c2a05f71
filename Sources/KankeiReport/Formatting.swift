import KankeiModel

/// Numbers as the report prints them.
enum Formatting {
    /// 2764 → "2,764".
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }

    static func percent(_ value: Percent?) -> String {
        value.map { "\($0.fixed)%" } ?? "—"
    }
}
