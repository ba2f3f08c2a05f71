import Foundation
import KankeiModel
import Testing
@testable import KankeiIngest

@Suite("libxml2 streaming reader: safe by construction")
struct XMLStreamReaderTests {
    private func events(_ xml: String) throws -> [XMLStreamReader.Event] {
        let reader = try XMLStreamReader(try ByteSource(url: try Fixture.temporary("t.xml", Array(xml.utf8))))
        var result: [XMLStreamReader.Event] = []
        while let event = try reader.next() { result.append(event) }
        return result
    }

    private func problem(_ xml: String) -> InputProblem? {
        do {
            _ = try events(xml)
            return nil
        } catch {
            return error as? InputProblem
        }
    }

    @Test("elements, attributes and CDATA stream in order")
    func reads() throws {
        let result = try events(#"<?xml version="1.0"?><document><rows><row id="1"><q1><![CDATA[A, B]]></q1></row></rows></document>"#)
        #expect(result == [
            .start(name: "document", depth: 0, attributes: [:], isEmpty: false),
            .start(name: "rows", depth: 1, attributes: [:], isEmpty: false),
            .start(name: "row", depth: 2, attributes: ["id": "1"], isEmpty: false),
            .start(name: "q1", depth: 3, attributes: [:], isEmpty: false),
            .text("A, B"),
            .end(name: "q1", depth: 3), .end(name: "row", depth: 2), .end(name: "rows", depth: 1), .end(name: "document", depth: 0),
        ])
    }

    @Test("an external entity (XXE) is refused and the file it names is never read")
    func xxe() throws {
        // The entity names a file this test made, holding a secret that must never show.
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("xxe-secret-\(UUID().uuidString).txt")
        try "kankei-xxe-secret".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let problem = problem(#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM ""# + secret.absoluteString + #"">]><d>&x;</d>"#)
        #expect(problem?.problem.contains("DTD") == true)
        #expect(problem?.message.contains("kankei-xxe-secret") == false)
    }

    @Test("an entity bomb (billion laughs) is refused at once")
    func billionLaughs() {
        var xml = #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">"#
        for level in 1...9 { xml += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">" }
        xml += "]><lolz>&lol9;</lolz>"
        // libxml2 stops it while reading the declarations, before the DOCTYPE node is even reported.
        #expect(problem(xml)?.problem.contains("billion laughs") == true)
    }

    @Test("truncated XML names the element it stopped in")
    func truncated() {
        let problem = problem(#"<?xml version="1.0"?><document><rows><row><q1>A</q1>"#)
        guard case .element(let path)? = problem?.location else {
            Issue.record("no element named")
            return
        }
        #expect(path.hasPrefix("/document/rows/row"))
        #expect(problem?.problem.contains("途中で切れている") == true)
    }

    @Test("nesting deeper than the limit is refused")
    func deep() {
        let depth = XMLStreamReader.maxDepth + 10
        let xml = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        #expect(problem(xml)?.problem.contains("入れ子が深すぎます") == true)
    }
}
