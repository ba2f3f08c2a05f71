import CLibXML2
import Foundation

/// An HTML file read with libxml2's HTML parser (as a browser would, forgiving, no network), as a
/// small tree the tests can search: elements by name and class, and their text.
final class HTMLElement {
    let name: String
    let attributes: [String: String]
    private(set) var children: [HTMLElement] = []
    /// Text directly inside, in order, with the children's text in place.
    private(set) var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// Every element below (and including) this one.
    var descendants: [HTMLElement] { [self] + children.flatMap(\.descendants) }

    func all(_ name: String, class className: String? = nil) -> [HTMLElement] {
        descendants.filter { element in element.name == name && (className.map { element.classes.contains($0) } ?? true) }
    }

    var classes: Set<String> { Set((attributes["class"] ?? "").split(separator: " ").map(String.init)) }

    /// The text of the element and everything in it, whitespace runs made one space.
    var textContent: String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func parse(_ url: URL) throws -> HTMLElement {
        let data = try Data(contentsOf: url)
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        guard let document = data.withUnsafeBytes({ bytes in
            htmlReadMemory(bytes.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(bytes.count), url.path, "UTF-8", options)
        }) else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: url.path]) }
        defer { xmlFreeDoc(document) }
        let root = HTMLElement(name: "#document", attributes: [:])
        var node = document.pointee.children
        while let current = node {
            root.adopt(current)
            node = current.pointee.next
        }
        return root
    }

    private func adopt(_ node: xmlNodePtr) {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            var attributes: [String: String] = [:]
            var attribute = node.pointee.properties
            while let current = attribute {
                var value = ""
                var text = current.pointee.children
                while let node = text {
                    if let content = node.pointee.content { value += String(cString: content) }
                    text = node.pointee.next
                }
                attributes[String(cString: current.pointee.name)] = value
                attribute = current.pointee.next
            }
            let element = HTMLElement(name: String(cString: node.pointee.name).lowercased(), attributes: attributes)
            var child = node.pointee.children
            while let current = child {
                element.adopt(current)
                child = current.pointee.next
            }
            children.append(element)
            text += " " + element.text + " "
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content { text += String(cString: content) }
        default:
            break
        }
    }
}
