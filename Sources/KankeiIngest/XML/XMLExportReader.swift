import Foundation
import KankeiModel

/// Reads the XML exports Kankei knows, told apart by their root and document type: LimeSurvey's
/// structure (.lss) and responses (.lsr), and Qualtrics' `<Responses>`. A response file from
/// LimeSurvey needs its structure: from the same archive, or the .lss among the event's files.
struct XMLExportReader {
    let context: IngestContext
    let companions: [URL]

    private enum Kind { case limeSurvey(docType: String), qualtrics, unknown(root: String) }

    func read() throws -> SourceFile {
        let source = context.source
        switch try kind(of: source) {
        case .limeSurvey("Survey"):
            // The structure alone holds no answers: the responses file reads it when it comes.
            _ = try LimeSurveyStructure.read(source)
            return try context.begin(.limeSurveyStructure, encoding: "UTF-8")
        case .limeSurvey("Responses"):
            let structure = try companionStructure()
            let file = try context.begin(.limeSurveyResponses, encoding: "UTF-8")
            try LimeSurveyResponses(structure: structure, context: context).read(source)
            return file
        case .qualtrics:
            let file = try context.begin(.qualtricsXML, encoding: "UTF-8")
            try QualtricsXMLReader(context: context).read(source)
            return file
        case .limeSurvey(let docType):
            throw source.problem(.element("/document/LimeSurveyDocType"),
                                 "LimeSurveyの「\(docType)」ファイルはアンケートの回答ではないため読みません。",
                                 "回答は .lsr か .lsa（アーカイブ）で書き出してください。")
        case .unknown(let root):
            throw source.problem(.element("/\(root)"), "このXMLファイルがどのサービスの書き出しか判別できませんでした。" + FormatSniffer.readableFormats,
                                 FormatSniffer.remedy)
        }
    }

    /// The root element and, for LimeSurvey, the document type (the first child's text).
    private func kind(of source: ByteSource) throws -> Kind {
        let reader = try XMLStreamReader(source)
        var root: String?
        var inDocType = false
        var docType = ""
        while let event = try reader.next() {
            switch event {
            case .start(let name, 0, _, _):
                root = name
                if name.lowercased() == "responses" { return .qualtrics }
                if name != "document" { return .unknown(root: name) }
            case .start(let name, 1, _, _):
                guard name == "LimeSurveyDocType" else { return .unknown(root: root ?? "") }
                inDocType = true
            case .text(let text) where inDocType:
                docType += text
            case .end(_, 1) where inDocType:
                return .limeSurvey(docType: MatchKey.trimmed(docType))
            default:
                continue
            }
        }
        return .unknown(root: root ?? "")
    }

    /// The structure among the event's other files whose survey id the responses use.
    private func companionStructure() throws -> LimeSurveyStructure {
        let head = String(decoding: context.source.head, as: UTF8.self)
        var structures: [LimeSurveyStructure] = []
        for url in companions {
            guard let source = try? ByteSource(url: url), LimeSurveyStructure.isStructure(source),
                  let structure = try? LimeSurveyStructure.read(source) else { continue }
            structures.append(structure)
        }
        if let match = structures.first(where: { $0.sid.map { head.contains(">\($0)X") } ?? false }) ?? (structures.count == 1 ? structures.first : nil) {
            return match
        }
        throw context.source.problem(
            .wholeFile, "LimeSurveyの回答ファイル（.lsr）だけでは設問文と選択肢が分かりません。同じアンケートの構造ファイル（.lss）が見つかりませんでした。",
            "LimeSurveyから .lss も書き出して同じイベントのフォルダに置くか、両方を含む .lsa（アーカイブ）を書き出して置いてください。")
    }
}
