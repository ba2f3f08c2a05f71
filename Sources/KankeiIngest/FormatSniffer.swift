import KankeiModel

/// Recognises, from a file's first bytes, what kind of container it is — a zip (xlsx, LimeSurvey
/// .lsa), XML, or text — and refuses what Kankei cannot read (PDF, images, old binary Excel), so
/// the coordinator is told exactly what the file is.
enum FormatSniffer {
    enum Container { case zip, xml, text }

    /// The sentence listing what Kankei reads (Japanese, for messages).
    static let readableFormats = "Kankeiが読めるのは次の書き出しファイルです: "
        + SourceFormat.allCases.map(\.displayName).joined(separator: "、") + "。"

    static let remedy = "サービスから書き出したファイルをそのまま（名前を変えても構いません）置いてください。関係のないファイルは inbox から取り除いてください。"

    private struct Signature {
        let magic: [UInt8]
        let what: String
    }

    private static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

    private static let refused: [Signature] = [
        Signature(magic: Array("%PDF".utf8), what: "PDF"),
        Signature(magic: [0x89, 0x50, 0x4E, 0x47], what: "PNG画像"),
        Signature(magic: [0xFF, 0xD8, 0xFF], what: "JPEG画像"),
        Signature(magic: Array("GIF8".utf8), what: "GIF画像"),
        Signature(magic: [0xD0, 0xCF, 0x11, 0xE0], what: "旧形式のExcel/Word（xls/doc）"),
        Signature(magic: [0x50, 0x4B, 0x05, 0x06], what: "空のZIP"),
        Signature(magic: [0x1F, 0x8B], what: "gzip圧縮ファイル"),
        Signature(magic: Array("<!DOCTYPE html".utf8), what: "HTML（ウェブページ）"),
        Signature(magic: Array("<!doctype html".utf8), what: "HTML（ウェブページ）"),
        Signature(magic: Array("<html".utf8), what: "HTML（ウェブページ）"),
    ]

    static func container(of source: ByteSource) throws -> Container {
        let head = source.head
        if head.isEmpty {
            throw source.problem(.wholeFile, "ファイルが空です（0バイト）。", "ダウンロードが完了しているか確認し、もう一度ダウンロードしてください。")
        }
        if head.starts(with: zipMagic) { return .zip }
        if let signature = refused.first(where: { head.starts(with: $0.magic) }) {
            throw source.problem(.wholeFile, "このファイルは\(signature.what)で、アンケートやZoomの書き出しファイルではありません。" + readableFormats, remedy)
        }
        if source.byteOrderMark == .utf16LittleEndian || source.byteOrderMark == .utf16BigEndian { return .text }
        if let nul = head.firstIndex(of: 0), !nulCellsInHeader(head) {
            // Text with a stray NUL (a file damaged in transit or joined with binary) names the row.
            let before = head[..<nul]
            if before.contains(0x0A), !before.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
                let row = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
                throw source.problem(.row(row), "\(row)行目にNUL文字（0x00）があります。テキストのファイルに入るはずのない文字で、ファイルが壊れているか、別のファイルとつながっています。",
                                     "元のサービスからもう一度ダウンロードしてください。")
            }
            throw source.problem(.wholeFile, "このファイルはテキストではありません（バイナリデータを含みます）。" + readableFormats, remedy)
        }
        return isXML(head) ? .xml : .text
    }

    /// `true` when every NUL of `head` fills a whole cell of one of the first two rows: the
    /// metadata cells of SurveyMonkey's second header row (its 2017 exports write one NUL in
    /// each), read as empty cells. A NUL anywhere else is damage.
    static func nulCellsInHeader(_ head: [UInt8]) -> Bool {
        var row = 1
        var previous: UInt8 = 0x0A
        for (index, byte) in head.enumerated() {
            if byte == 0x0A { row += 1 }
            defer { previous = byte }
            guard byte == 0 else { continue }
            let next = index + 1 < head.count ? head[index + 1] : 0x0A
            let opens = [0x0A, 0x0D, 0x2C, 0x09, 0].contains(previous)
            let closes = [0x0A, 0x0D, 0x2C, 0x09, 0].contains(next)
            guard row <= 2, opens, closes else { return false }
        }
        return true
    }

    /// Text that starts (after white space) with `<`.
    static func isXML(_ text: [UInt8]) -> Bool {
        text.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0x0A } == UInt8(ascii: "<")
    }
}
