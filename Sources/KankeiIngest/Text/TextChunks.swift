import KankeiModel

extension ByteSource {
    /// Calls `body` with the file's text as consecutive UTF-8 chunks, converting from `encoding`
    /// as it streams. Bytes that are not text in that encoding throw an `InputProblem` with the line
    /// (`range`, when given, starting on line `firstLine`).
    func forEachUTF8Chunk(_ encoding: TextEncoding, in range: Range<Int>? = nil, firstLine: Int = 1, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let name = encoding.iconvName else { return try forEachChunk(in: range, body) }
        guard let transcoder = Transcoder(from: name) else {
            throw problem(.wholeFile, "文字コード\(encoding.rawValue)の変換を準備できませんでした。", "もう一度実行してください。")
        }
        do {
            try forEachChunk(in: range) { try transcoder.convert($0, body) }
            try transcoder.convert(UnsafeRawBufferPointer(start: nil, count: 0), isLast: true, body)
        } catch let invalid as Transcoder.InvalidBytes {
            throw problem(.row(invalid.line + firstLine - 1), "\(encoding.rawValue)として読めない文字があります（文字コードが途中で変わっているか、ファイルが壊れています）。",
                          "ExcelやGoogleスプレッドシートで開き、「CSV UTF-8（コンマ区切り）」で保存し直してください。")
        }
    }

    /// The start of the file as UTF-8 (up to `headLength` bytes before conversion).
    func textHead(_ encoding: TextEncoding) -> [UInt8] {
        guard let name = encoding.iconvName, let transcoder = Transcoder(from: name) else { return head }
        var text: [UInt8] = []
        try? head.withUnsafeBytes { bytes in
            try transcoder.convert(bytes) { text.append(contentsOf: $0) }
        }
        return text
    }

    /// The field delimiter: a tab when the first line has more tabs than commas (Excel's
    /// 「Unicode テキスト」 and other tab-separated text), else a comma.
    static func delimiter(ofTextHead text: [UInt8]) -> UInt8 {
        let firstLine = text.prefix { $0 != 0x0A }
        let tabs = firstLine.count { $0 == 0x09 }
        let commas = firstLine.count { $0 == UInt8(ascii: ",") }
        return tabs > commas ? 0x09 : UInt8(ascii: ",")
    }
}
