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

    /// 79.3%, or `none` (the wording's 「—」) when there is no share.
    static func percent(_ value: Percent?, none: String) -> String {
        value.map { "\($0.fixed)%" } ?? none
    }
}
