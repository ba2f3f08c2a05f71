import KankeiModel

/// Recognises, from a file's first bytes, what is not a CSV export Kankei reads — binary files,
/// spreadsheets, XML, other encodings — so the coordinator is told exactly what the file is.
enum FormatSniffer {
    /// The sentence listing what Kankei reads (Japanese, for messages).
    static let readableFormats = "Kankeiが読めるのは次の書き出しファイルです: "
        + SourceFormat.allCases.map(\.displayName).joined(separator: "、") + "。"

    static let remedy = "サービスから書き出したファイルをそのまま（名前を変えても構いません）置いてください。関係のないファイルは inbox から取り除いてください。"

    private struct Signature {
        let magic: [UInt8]
        let what: String
    }

    private static let signatures: [Signature] = [
        Signature(magic: Array("%PDF".utf8), what: "PDF"),
        Signature(magic: [0x89, 0x50, 0x4E, 0x47], what: "PNG画像"),
        Signature(magic: [0xFF, 0xD8, 0xFF], what: "JPEG画像"),
        Signature(magic: Array("GIF8".utf8), what: "GIF画像"),
        Signature(magic: [0x50, 0x4B, 0x03, 0x04], what: "ZIP形式（Excel の xlsx など）"),
        Signature(magic: [0xD0, 0xCF, 0x11, 0xE0], what: "旧形式のExcel/Word（xls/doc）"),
    ]

    /// Throws an `InputProblem` when the file is certainly not a CSV export Kankei reads.
    static func check(_ source: ByteSource) throws {
        let head = source.head
        if source.byteOrderMark == .utf16LittleEndian || source.byteOrderMark == .utf16BigEndian {
            throw source.problem(.wholeFile, "UTF-16（Excelの「Unicode テキスト」）のファイルはまだ読めません。",
                                 "Excelで「CSV UTF-8（コンマ区切り）」を選んで保存し直してください。")
        }
        if head.isEmpty {
            throw source.problem(.wholeFile, "ファイルが空です（0バイト）。", "ダウンロードが完了しているか確認し、もう一度ダウンロードしてください。")
        }
        if let signature = signatures.first(where: { head.starts(with: $0.magic) }) {
            throw source.problem(.wholeFile, "このファイルは\(signature.what)で、アンケートやZoomの書き出しファイルではありません。" + readableFormats, remedy)
        }
        if head.contains(0) {
            throw source.problem(.wholeFile, "このファイルはテキストではありません（バイナリデータを含みます）。" + readableFormats, remedy)
        }
        let text = head.drop(while: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A })
        if text.first == UInt8(ascii: "<") {
            throw source.problem(.wholeFile, "XML形式のファイル（LimeSurvey・Qualtrics など）はまだ読めません。" + readableFormats,
                                 "サービスからCSV形式で書き出し直してください。")
        }
    }
}
