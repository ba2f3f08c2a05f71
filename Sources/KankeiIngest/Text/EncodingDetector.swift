import Foundation
import KankeiModel

/// Decides a text file's encoding from its bytes, never from settings: a byte-order mark wins;
/// otherwise a sample starting at the first non-ASCII byte is tried as UTF-8, then as CP932.
/// A file that starts as UTF-8 and turns invalid later (several UTF-8 characters first: CP932 text
/// is almost never valid UTF-8 that long) is UTF-8 with a damaged row, which the CSV reader then
/// reports by its row. A file that is neither is refused with a message naming the encodings tried.
enum EncodingDetector {
    /// How many bytes from the first non-ASCII byte are tried.
    static let sampleLength = 1 << 16
    /// Valid UTF-8 characters before an invalid byte that make a file UTF-8 with a damaged part.
    static let utf8Evidence = 4

    static func detect(_ source: ByteSource) throws -> TextEncoding {
        switch source.byteOrderMark {
        case .utf8: return .utf8BOM
        case .utf16LittleEndian: return .utf16LittleEndian
        case .utf16BigEndian: return .utf16BigEndian
        case .none: break
        }
        guard let sample = try nonASCIISample(source) else { return .utf8 }
        if (0...3).contains(where: { UTF8Validation.isValid(sample.bytes.dropLast($0)) }) { return .utf8 }
        if UTF8Validation.multibyteCharactersBeforeError(sample.bytes) >= utf8Evidence { return .utf8 }
        if Transcoder.converts(sample.bytes, from: "CP932", mayBeCut: sample.mayBeCut) { return .cp932 }
        if let mixed = mixedEncodingRow(source.head) {
            throw source.problem(
                .row(mixed.row),
                "\(mixed.row)行目から文字コードが変わっています（\(mixed.row - 1)行目までは\(mixed.before)、\(mixed.row)行目は\(mixed.after)）。別々に保存したファイルをつなげたか、一部の行だけ別のソフトで貼り付けたようです。",
                "Excelで開き直して全体を「CSV UTF-8（コンマ区切り）」で保存し直すか、元のサービスからもう一度ダウンロードしてください。")
        }
        throw source.problem(
            .wholeFile,
            "文字コードを判別できませんでした（\(TextEncoding.triedDescription)のどれとしても読めません）。",
            "ExcelやGoogleスプレッドシートで開き、「CSV UTF-8（コンマ区切り）」で保存し直してください。")
    }

    /// The first line written in another encoding than the lines before it (UTF-8 then CP932, or
    /// CP932 then UTF-8), looking at the lines of `head`; `nil` when no such switch is seen.
    static func mixedEncodingRow(_ head: [UInt8]) -> (row: Int, before: String, after: String)? {
        let names = ["UTF-8", "Shift_JIS（CP932）"]
        var first: Int?
        for (index, line) in head.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
        where line.contains(where: { $0 >= 0x80 }) {
            let bytes = Array(line)
            let reads = [UTF8Validation.isValid(bytes), Transcoder.converts(bytes, from: "CP932", mayBeCut: false)]
            guard let kind = reads.firstIndex(of: true) else { return nil }
            if let first, !reads[first] { return (index + 1, names[first], names[kind]) }
            first = first ?? kind
        }
        return nil
    }

    /// Up to `sampleLength` bytes from the first non-ASCII byte, or `nil` when the file is ASCII.
    private static func nonASCIISample(_ source: ByteSource) throws -> (bytes: [UInt8], mayBeCut: Bool)? {
        var sample: [UInt8] = []
        var reachedEnd = true
        do {
            try source.forEachChunk { chunk in
                if sample.isEmpty {
                    guard let first = chunk.firstIndex(where: { $0 >= 0x80 }) else { return }
                    sample.append(contentsOf: chunk[first...].prefix(sampleLength))
                } else {
                    sample.append(contentsOf: chunk.prefix(sampleLength - sample.count))
                }
                if sample.count >= sampleLength {
                    reachedEnd = false
                    throw SampleFull()
                }
            }
        } catch is SampleFull {}
        return sample.isEmpty ? nil : (sample, !reachedEnd)
    }

    private struct SampleFull: Error {}
}
