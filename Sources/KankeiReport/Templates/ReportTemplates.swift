import Foundation
import KankeiModel
import Mustache

/// The office's report templates, read from `pipelines/report/` at run time so a phrase can change
/// without a rebuild: `wording.yaml` holds every label and sentence (each a small Mustache
/// template), and `summary.html.mustache`, `summary.md.mustache` and `index.html.mustache` lay the
/// pages out. Both summaries take their words from the same `wording.yaml`, so they read the same.
public struct ReportTemplates: Sendable {
    /// The pages Kankei writes, by template name.
    public enum Page: String, CaseIterable, Sendable {
        case summaryHTML = "summary.html"
        case summaryMarkdown = "summary.md"
        case index = "index.html"
    }

    public static let folderName = "report"
    static let wordingFile = "wording.yaml"

    private let library: MustacheLibrary
    /// Every entry of `wording.yaml` by dotted key (`headings.event`), compiled.
    private let phrases: [String: MustacheTemplate]
    /// The entries without placeholders, rendered once: what page templates read as `w.…`.
    private let labels: [String: String]

    /// The templates of a definitions folder (`pipelines/report/`).
    public static func load(pipelines: URL) throws -> ReportTemplates {
        try ReportTemplates(folder: pipelines.appendingPathComponent(folderName, isDirectory: true))
    }

    public init(folder: URL) throws {
        let place = "pipelines/\(Self.folderName)"
        guard let text = try? YAMLText.read(folder.appendingPathComponent(Self.wordingFile)) else {
            throw ReportTemplateProblem(file: "\(place)/\(Self.wordingFile)", message: "文言ファイルがないか、UTF-8 で読めません。",
                                        remedy: "このリポジトリの pipelines/\(Self.folderName)/ をワークスペースの pipelines/ にコピーしてください。")
        }
        let tree: Any?
        do {
            tree = try YAMLText.load(text)
        } catch let refusal as YAMLText.Refusal {
            throw ReportTemplateProblem(file: "\(place)/\(Self.wordingFile)", message: refusal.description,
                                        remedy: "「キー: 文言」の形で、別名を使わずに書いてください。")
        } catch {
            throw ReportTemplateProblem(file: "\(place)/\(Self.wordingFile)", message: "YAML として読めません（\(error)）。",
                                        remedy: "「キー: 文言」の形と字下げを確認してください。")
        }
        MarkdownContentType.register()
        var phrases: [String: MustacheTemplate] = [:]
        var labels: [String: String] = [:]
        for (key, value) in Self.flatten(tree) {
            if !value.contains("{{") { labels[key] = value }
            do {
                phrases[key] = try MustacheTemplate(string: "{{%CONTENT_TYPE: TEXT}}" + value)
            } catch {
                throw ReportTemplateProblem(file: "\(place)/\(Self.wordingFile)", message: "「\(key)」の {{ }} の書き方に誤りがあります（\(error)）。",
                                            remedy: "{{ と }} の対応、{{#…}} と {{/…}} の対応を確認してください。")
            }
        }
        if let missing = Phrase.requiredKeys.first(where: { phrases[$0] == nil }) {
            throw ReportTemplateProblem(file: "\(place)/\(Self.wordingFile)", message: "「\(missing)」の文言がありません。",
                                        remedy: "このリポジトリの pipelines/\(Self.folderName)/\(Self.wordingFile) を見て、その項目を書き足してください。")
        }
        self.labels = labels
        self.phrases = phrases

        var templates: [String: MustacheTemplate] = [:]
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".mustache") }
        for name in names.sorted() {
            let file = "\(place)/\(name)"
            guard let source = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else {
                throw ReportTemplateProblem(file: file, message: "UTF-8 で読めません。", remedy: "UTF-8 で保存し直してください。")
            }
            do {
                templates[String(name.dropLast(".mustache".count))] = try MustacheTemplate(string: source)
            } catch let error as MustacheTemplate.ParserError {
                throw ReportTemplateProblem(file: file, message: "\(error.context.lineNumber)行目の {{ }} の書き方に誤りがあります（\(error.error)）。",
                                            remedy: "{{#…}} と {{/…}} の対応を確認してください。", line: error.context.lineNumber)
            }
            let labels = self.labels
            for match in source.matches(of: #/\{\{\{?[#^/&]?\s*w\.([A-Za-z0-9_.\-]+)\s*\}\}/#) where labels[String(match.1)] == nil {
                throw ReportTemplateProblem(file: file, message: "{{w.\(match.1)}} の文言が \(Self.wordingFile) にありません。",
                                            remedy: "\(Self.wordingFile) に「\(match.1)」を書き足すか、名前を直してください。")
            }
        }
        if let missing = Page.allCases.first(where: { templates[$0.rawValue] == nil }) {
            throw ReportTemplateProblem(file: "\(place)/\(missing.rawValue).mustache", message: "ページのテンプレートがありません。",
                                        remedy: "このリポジトリの pipelines/\(Self.folderName)/ からコピーしてください。")
        }
        library = MustacheLibrary(templates: templates)
    }

    /// A phrase with its placeholders filled; a `nil` value leaves its placeholder out
    /// (`{{#organizations}}…{{/organizations}}` disappears).
    func phrase(_ key: Phrase, _ values: [String: Any?] = [:]) -> String {
        phrases[key.rawValue]!.render(values.compactMapValues { $0 })
    }

    /// A label looked up by a key made at run time (`kinds.webinar`); the key itself when missing.
    func label(_ key: String) -> String {
        labels[key] ?? key
    }

    /// The labels as page templates read them: `{{w.headings.event}}`.
    var words: [String: Any] {
        var tree: [String: Any] = [:]
        for (key, value) in labels { Self.insert(value, at: key.split(separator: ".").map(String.init), into: &tree) }
        return tree
    }

    /// Renders a page; the view is a dictionary or a struct whose properties the template names.
    func render(_ page: Page, _ view: Any) -> String {
        library.render(view, withTemplate: page.rawValue) ?? ""
    }

    // MARK: - wording.yaml as dotted keys

    private static func flatten(_ node: Any?, prefix: String = "") -> [(String, String)] {
        switch node {
        case let map as [String: Any]:
            return map.flatMap { key, value in flatten(value, prefix: prefix.isEmpty ? key : "\(prefix).\(key)") }
        case let map as [AnyHashable: Any]:
            return map.flatMap { key, value in flatten(value, prefix: prefix.isEmpty ? "\(key)" : "\(prefix).\(key)") }
        case nil:
            return []
        case let value?:
            return [(prefix, "\(value)")]
        }
    }

    private static func insert(_ value: String, at path: [String], into tree: inout [String: Any]) {
        guard let head = path.first else { return }
        if path.count == 1 {
            tree[head] = value
        } else {
            var child = tree[head] as? [String: Any] ?? [:]
            insert(value, at: Array(path.dropFirst()), into: &child)
            tree[head] = child
        }
    }
}

/// A report template that cannot be used, explained for the office: which file, what, what to do.
public struct ReportTemplateProblem: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var message: String
    public var remedy: String
    public var line: Int?

    public init(file: String, message: String, remedy: String, line: Int? = nil) {
        self.file = file
        self.message = message
        self.remedy = remedy
        self.line = line
    }

    public var description: String { "\(file): \(message) \(remedy)" }
}
