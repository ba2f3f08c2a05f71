/// The text encodings Kankei reads, and what each is called for iconv and for coordinators.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 (BOM)"
    case utf16LittleEndian = "UTF-16LE (BOM)"
    case utf16BigEndian = "UTF-16BE (BOM)"
    /// Windows' Shift_JIS (Japanese Excel's 「CSV（コンマ区切り）」), with NEC and IBM extensions (①, 髙).
    case cp932 = "CP932 (Shift_JIS)"

    /// The name iconv knows it by, `nil` for UTF-8 (read as is).
    var iconvName: String? {
        switch self {
        case .utf8, .utf8BOM: nil
        case .utf16LittleEndian: "UTF-16LE"
        case .utf16BigEndian: "UTF-16BE"
        case .cp932: "CP932"
        }
    }

    /// The encodings tried on a file without a byte-order mark, as a coordinator reads them.
    static let triedDescription = "UTF-8、UTF-8（BOM付き）、UTF-16（BOM付き）、CP932（Shift_JIS）"
}
