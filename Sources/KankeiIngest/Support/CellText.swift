import KankeiModel

/// What counts as an empty cell in an export: nothing but white space, or Zoom's `--`.
enum CellText {
    /// The text trimmed, or `nil` when it is empty or `--`.
    static func meaningful(_ value: String?) -> String? {
        guard let value else { return nil }
        let trimmed = MatchKey.trimmed(value)
        return trimmed.isEmpty || trimmed == "--" ? nil : trimmed
    }
}
