import Foundation
import KankeiModel
import Yams

/// The office's survey definitions and KPI targets, read from a `pipelines/` folder and checked.
public struct PipelineCatalog: Sendable {
    public private(set) var definitions: [PipelineDefinition]
    public private(set) var kpis: [String: KPIDefinition]
    /// The KPIs in the order of `kpis.yaml` (the report's order).
    public private(set) var orderedKPIs: [KPIDefinition]
    /// Well-known answer sets that tell a choice question with few answers (`answer-labels.yaml`).
    public var answerLabels = AnswerLabels()

    /// The file in `pipelines/` that holds the KPI targets rather than a survey.
    public static let kpiFileName = "kpis.yaml"
    /// Files of the definitions folder that are no survey definition: the personal-data header
    /// words, which ingest reads (`PersonalDataWords`), and the well-known answer sets.
    public static let otherFiles: Set<String> = ["personal-data.yaml", AnswerLabels.fileName]

    public init(definitions: [PipelineDefinition], kpis: [KPIDefinition]) throws {
        self.definitions = definitions
        self.kpis = Dictionary(kpis.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        orderedKPIs = kpis
        try validate()
    }

    /// Reads every `*.yaml` / `*.yml` of `directory`. A missing folder is an empty catalogue.
    public static func load(from directory: URL) throws -> PipelineCatalog {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !otherFiles.contains($0) }.sorted()
        var definitions: [PipelineDefinition] = []
        var kpis: [KPIDefinition] = []
        for name in names {
            let url = directory.appendingPathComponent(name)
            do {
                let text = try YAMLText.checked(YAMLText.read(url))
                if name == kpiFileName {
                    kpis = try YAMLDecoder().decode(KPICatalogFile.self, from: text).kpis
                } else {
                    definitions.append(try YAMLDecoder().decode(PipelineDefinition.self, from: text))
                }
            } catch {
                throw DefinitionProblem(file: name, message: "定義ファイルを読めませんでした: \(Self.describe(error))")
            }
        }
        var catalog = try PipelineCatalog(definitions: definitions, kpis: kpis)
        do {
            catalog.answerLabels = try AnswerLabels.load(from: directory)
        } catch {
            throw DefinitionProblem(file: AnswerLabels.fileName, message: "選択肢の組のファイルを読めませんでした: \(Self.describe(error))")
        }
        return catalog
    }

    public func definition(id: String) -> PipelineDefinition? {
        definitions.first { $0.id == id }
    }

    private func validate() throws {
        var seen: Set<String> = []
        for definition in definitions {
            let file = "\(definition.id).yaml"
            guard seen.insert(definition.id).inserted else {
                throw DefinitionProblem(file: file, message: "定義ID「\(definition.id)」が重複しています。")
            }
            var questionIDs: Set<String> = []
            for question in definition.questions {
                let place = "設問「\(question.id)」"
                guard questionIDs.insert(question.id).inserted else {
                    throw DefinitionProblem(file: file, message: "\(place)のIDが重複しています。")
                }
                if question.type != .text, question.options.isEmpty, question.role != .club {
                    throw DefinitionProblem(file: file, message: "\(place)に選択肢（options）がありません。")
                }
                if question.type == .scale, question.topBox.isEmpty {
                    throw DefinitionProblem(file: file, message: "\(place)は尺度（scale）なので、上位の選択肢（top_box、例: [満足, やや満足]）が必要です。")
                }
                if let missing = question.topBox.first(where: { !question.options.contains($0) }) {
                    throw DefinitionProblem(file: file, message: "\(place)の top_box「\(missing)」が選択肢にありません。")
                }
                if let other = question.other, !question.options.contains(other) {
                    throw DefinitionProblem(file: file, message: "\(place)の other「\(other)」が選択肢にありません。")
                }
                if question.role == .side, let stray = question.options.first(where: { Side(label: $0) == nil }) {
                    throw DefinitionProblem(file: file, message: "\(place)は立場（role: side）の設問ですが、選択肢「\(stray)」がどちらの側か分かりません（例: 自治体・地域側、企業側）。")
                }
                for kpi in question.kpis {
                    if let side = kpi.side {
                        guard Side(label: side) != nil else {
                            throw DefinitionProblem(file: file, message: "\(place)のKPI「\(kpi.id)」の side「\(side)」が分かりません（自治体・地域側 か 企業側）。")
                        }
                        guard definition.questions.contains(where: { $0.role == .side }) else {
                            throw DefinitionProblem(file: file, message: "\(place)のKPI「\(kpi.id)」は side を指定していますが、立場を尋ねる設問（role: side）がありません。")
                        }
                    }
                    guard let target = kpis[kpi.id] else {
                        throw DefinitionProblem(file: file, message: "\(place)のKPI「\(kpi.id)」が \(Self.kpiFileName) にありません。")
                    }
                    guard target.unit == "%" else {
                        throw DefinitionProblem(file: file, message: "\(place)のKPI「\(kpi.id)」は割合（%）の指標ではありません。")
                    }
                    if let missing = kpi.counts.first(where: { !question.options.contains($0) }) {
                        throw DefinitionProblem(file: file, message: "\(place)のKPIが数える「\(missing)」が選択肢にありません。")
                    }
                }
            }
        }
    }

    private static func describe(_ error: any Error) -> String {
        if let decoding = error as? DecodingError {
            switch decoding {
            case .keyNotFound(let key, let context):
                return "「\(key.stringValue)」がありません（\(path(context.codingPath))）"
            case .typeMismatch(_, let context), .dataCorrupted(let context):
                return "\(path(context.codingPath)) の値が正しくありません（\(context.debugDescription)）"
            case .valueNotFound(_, let context):
                return "\(path(context.codingPath)) の値がありません"
            @unknown default:
                return "\(error)"
            }
        }
        return "\(error)"
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

/// A definition file in `pipelines/` that is wrong: which file and what (Japanese).
public struct DefinitionProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String

    public var description: String { "pipelines/\(file): \(message)" }
}
