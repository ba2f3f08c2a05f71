import Foundation
import KankeiModel
import ZIPFoundation

/// Reads the zip-packaged exports: an xlsx workbook (Microsoft Forms, or any form table saved from
/// Excel) and LimeSurvey's .lsa archive (structure + responses). Parts are never trusted: each is
/// copied out, at most `maxPartBytes` uncompressed (a zip bomb stops there), to a private temporary
/// folder under a name Kankei chooses (a part's own path is never used), then read streaming.
struct ZipExportReader {
    let context: IngestContext
    let limits: CSVReader.Limits
    let scratchFolder: URL?

    func read() throws -> SourceFile {
        let source = context.source
        let archive: Archive
        do {
            archive = try Archive(url: source.url, accessMode: .read)
        } catch {
            throw source.problem(.wholeFile, "ZIP（xlsx・lsa）ファイルが壊れていて開けません。ダウンロードが途中で切れている可能性があります。",
                                 "元のサービスからもう一度ダウンロードしてください。Excelで開いている場合は閉じてから置き直してください。")
        }
        let parts = ZipParts(archive: archive, source: source, maxPartBytes: limits.maxZipPartBytes, scratchFolder: scratchFolder)
        defer { parts.removeAll() }
        if parts.contains("xl/workbook.xml") {
            let table = TableReader(context: context, encoding: "xlsx (UTF-8)")
            try XLSXSheetReader(parts: parts).forEachRow { try table.consume($0) }
            return try table.finish()
        }
        let paths = archive.map(\.path)
        if let structurePath = paths.first(where: { $0.hasSuffix(".lss") }),
           let responsesPath = paths.first(where: { $0.hasSuffix("_responses.lsr") }) ?? paths.first(where: { $0.hasSuffix(".lsr") }) {
            let structure = try LimeSurveyStructure.read(parts.extract(structurePath))
            let file = try context.begin(.limeSurveyArchive, encoding: "UTF-8")
            try LimeSurveyResponses(structure: structure, context: context).read(parts.extract(responsesPath))
            return file
        }
        throw source.problem(.wholeFile, "このZIPファイルはExcelブック（xlsx）でもLimeSurveyのアーカイブ（lsa）でもありません。" + FormatSniffer.readableFormats,
                             FormatSniffer.remedy)
    }
}

/// The parts of one zip, copied out on demand with size caps, and removed afterwards.
final class ZipParts {
    let archive: Archive
    let source: ByteSource
    /// Uncompressed bytes accepted per part, and twice that for all parts together.
    let maxPartBytes: Int
    private let folder: URL
    private var total = 0
    private var count = 0

    init(archive: Archive, source: ByteSource, maxPartBytes: Int, scratchFolder: URL?) {
        self.archive = archive
        self.source = source
        self.maxPartBytes = maxPartBytes
        folder = (scratchFolder ?? FileManager.default.temporaryDirectory).appendingPathComponent("kankei-zip-\(UUID().uuidString)")
    }

    func contains(_ path: String) -> Bool { archive[path] != nil }

    /// The part at `path`, as a file to read; messages name it `file.xlsx: path`.
    func extract(_ path: String) throws -> ByteSource {
        guard let entry = archive[path] else {
            throw source.problem(.element(path), "ファイル内に必要な部品「\(path)」がありません。", "元のサービスからもう一度ダウンロードしてください。")
        }
        let tooLarge = source.problem(
            .element(path), "ファイル内の部品「\(path)」が展開すると大きすぎます（\(max(1, maxPartBytes >> 20)) MB超）。圧縮爆弾（zip bomb）の可能性があるため読み込みません。",
            "元のサービスから書き出した元のファイルか確認してください。")
        guard entry.uncompressedSize <= UInt64(maxPartBytes) else { throw tooLarge }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        count += 1
        let url = folder.appendingPathComponent("part-\(count).xml")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var written = 0
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { data in
                written += data.count
                self.total += data.count
                guard written <= self.maxPartBytes, self.total <= 2 * self.maxPartBytes else { throw PartTooLarge() }
                handle.write(data)
            }
        } catch is PartTooLarge {
            throw tooLarge
        } catch {
            throw source.problem(.element(path), "ファイル内の部品「\(path)」が壊れていて展開できません（\(error)）。",
                                 "元のサービスからもう一度ダウンロードしてください。")
        }
        return try ByteSource(url: url, name: "\(source.name): \(path)")
    }

    func removeAll() { try? FileManager.default.removeItem(at: folder) }

    private struct PartTooLarge: Error {}
}
