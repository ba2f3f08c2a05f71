import CLibXML2
import Foundation
import KankeiModel

/// Reads an XML file with libxml2's streaming reader (xmlTextReader), never building a tree.
///
/// Safe by construction: no network (`XML_PARSE_NONET`), no entity substitution, no DTD loading;
/// a document with a DOCTYPE is refused before any entity could be expanded (real exports have
/// none, and it is how XXE and entity bombs arrive); nesting deeper than `maxDepth` is refused;
/// libxml2's own size limits stay on (no `XML_PARSE_HUGE`).
///
/// Names are matched by namespace, never by prefix: an element is reported by its local name
/// (`<x:row>` and `<row>` are both `row`), an attribute by its local name when it has no namespace
/// and as `{namespace-uri}local` when it has one. A reader given `namespaces` skips every element
/// of another namespace with all it holds (extensions such as `mc:AlternateContent`).
public final class XMLStreamReader {
    /// A node as the reader stands on it.
    public enum Event: Equatable, Sendable {
        case start(name: String, depth: Int, attributes: [String: String], isEmpty: Bool)
        case end(name: String, depth: Int)
        case text(String)
    }

    /// Deeper than any real export (they nest under ten levels) and below libxml2's own limit.
    public static let maxDepth = 100

    private let source: ByteSource
    private let reader: xmlTextReaderPtr
    private let errors = XMLErrorSink()

    /// The namespaces whose elements are reported, or `nil` for all.
    private let namespaces: Set<String>?

    public init(_ source: ByteSource, namespaces: Set<String>? = nil) throws {
        self.source = source
        self.namespaces = namespaces
        let options = Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_NOWARNING.rawValue) | Int32(XML_PARSE_NOERROR.rawValue)
        let errors = errors
        guard let reader = Self.reporting(to: errors, {
            source.url.withUnsafeFileSystemRepresentation { path in path.flatMap { xmlReaderForFile($0, nil, options) } }
        }) else {
            throw source.problem(.wholeFile, "XMLファイルを開けませんでした。", "ファイルが壊れていないか確認してください。")
        }
        self.reader = reader
        xmlTextReaderSetStructuredErrorHandler(reader, xmlErrorCallback, Unmanaged.passUnretained(errors).toOpaque())
    }

    deinit {
        let reader = reader
        Self.reporting(to: errors) { xmlFreeTextReader(reader) }
    }

    /// Runs a libxml2 call with this thread's error handlers pointed at `sink`, then puts back the
    /// ones before. Errors libxml2 raises outside the reader (a declared encoding that fails to
    /// convert) go to the thread's handlers, which would print them — input bytes included — on
    /// stderr; the generic handler, which Swift cannot provide, is silenced for good.
    private static func reporting<T>(to sink: XMLErrorSink, _ call: () -> T) -> T {
        let previous = (__xmlStructuredError().pointee, __xmlStructuredErrorContext().pointee)
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(sink).toOpaque(), xmlErrorCallback)
        kankei_xml_silence_generic_errors()
        defer { xmlSetStructuredErrorFunc(previous.1, previous.0) }
        return call()
    }

    /// The next event, or `nil` at the end of the document. Malformed or unsafe XML throws an
    /// `InputProblem` naming the line and the element.
    public func next() throws -> Event? {
        var skipping = false
        while true {
            let reader = reader
            // After a skipped element the reader moves to its next sibling instead.
            let status = Self.reporting(to: errors) { skipping ? xmlTextReaderNext(reader) : xmlTextReaderRead(reader) }
            skipping = false
            if status == 0 { return nil }
            if status < 0 { throw malformed() }
            let depth = Int(xmlTextReaderDepth(reader))
            let type = xmlTextReaderNodeType(reader)
            switch type {
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                throw source.problem(
                    .element("<!DOCTYPE>（\(xmlTextReaderGetParserLineNumber(reader))行目）"),
                    "DTD（<!DOCTYPE>）を含むXMLは、外部ファイルの読み込みやエンティティ展開の危険があるため読み込みません。",
                    "アンケートサービスから書き出した元のファイルをそのまま置いてください。")
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                throw source.problem(.element(currentPath), "XMLにエンティティ参照が含まれています。安全のため読み込みません。",
                                     "アンケートサービスから書き出した元のファイルをそのまま置いてください。")
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                if let namespaces, !namespaces.contains(currentNamespace) {
                    skipping = true
                    continue
                }
                guard depth < Self.maxDepth else {
                    throw source.problem(.element(currentPath), "XMLの入れ子が深すぎます（\(Self.maxDepth)階層超）。",
                                         "アンケートサービスから書き出した元のファイルか確認してください。")
                }
                let name = currentName
                let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                path.removeLast(max(0, path.count - depth))
                if !isEmpty { path.append(name) }
                return .start(name: name, depth: depth, attributes: attributes(), isEmpty: isEmpty)
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                path.removeLast(max(0, path.count - depth))
                return .end(name: currentName, depth: depth)
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                 Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                return .text(currentValue)
            default:
                continue
            }
        }
    }

    /// The open elements, outermost first, as `/document/rows/row` (for messages).
    public var currentPath: String { "/" + path.joined(separator: "/") }

    private var path: [String] = []

    private var currentName: String { Self.string(xmlTextReaderConstLocalName(reader)) }
    private var currentNamespace: String { Self.string(xmlTextReaderConstNamespaceUri(reader)) }
    private var currentValue: String { Self.string(xmlTextReaderConstValue(reader)) }

    private func attributes() -> [String: String] {
        var result: [String: String] = [:]
        guard xmlTextReaderHasAttributes(reader) == 1 else { return result }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            let namespace = currentNamespace
            result[namespace.isEmpty ? currentName : "{\(namespace)}\(currentName)"] = currentValue
        }
        xmlTextReaderMoveToElement(reader)
        return result
    }

    /// libxml2 errors a coordinator should hear about in their own words, by a phrase of the message.
    private static let knownErrors: [(phrase: String, problem: String)] = [
        ("entit", "XMLにエンティティ（<!ENTITY>）の定義や参照が含まれています。外部ファイルの読み込みや展開爆弾（billion laughs）の危険があるため読み込みません。"),
        ("excessive depth", "XMLの入れ子が深すぎます。"),
        ("huge", "XMLの要素やテキストが大きすぎます。"),
        ("conversion failed", "XMLの宣言（<?xml … encoding=…?>）の文字コードとして読めないバイトがあります。宣言と実際の文字コードが違うか、ファイルが壊れています。"),
        ("unsupported encoding", "XMLの宣言（<?xml … encoding=…?>）の文字コードに対応していません。"),
    ]

    private func malformed() -> InputProblem {
        let location = InputProblem.Location.element(path.isEmpty ? "/" : currentPath)
        let message = errors.first?.message ?? ""
        if let known = Self.knownErrors.first(where: { message.lowercased().contains($0.phrase) }) {
            return source.problem(location, known.problem, "アンケートサービスから書き出した元のファイルをそのまま置いてください。")
        }
        // libxml2's words, without the bytes some messages quote from the input.
        let detail = errors.first.map { error in
            let words = error.message.replacing(#/,?\s*bytes(\s+0x[0-9A-Fa-f]{2})+/#, with: "")
            return "（libxml2: \(words)" + (error.line > 0 ? "、\(error.line)行目）" : "）")
        } ?? ""
        return source.problem(location, "XMLの書式が正しくありません\(detail)。ファイルが途中で切れているか、壊れている可能性があります。",
                              "アンケートサービスからもう一度ダウンロードしてください。")
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}

/// The first error libxml2 reported while reading.
final class XMLErrorSink {
    struct Entry {
        let message: String
        let line: Int
    }

    var first: Entry?
}

private func xmlErrorCallback(_ context: UnsafeMutableRawPointer?, _ error: UnsafeMutablePointer<xmlError>?) {
    guard let context, let error else { return }
    let sink = Unmanaged<XMLErrorSink>.fromOpaque(context).takeUnretainedValue()
    guard sink.first == nil else { return }
    let message = error.pointee.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "error"
    sink.first = .init(message: message, line: Int(error.pointee.line))
}
