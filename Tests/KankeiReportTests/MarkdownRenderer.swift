import Foundation

/// Renders Markdown to HTML with a real renderer installed on the machine (cmark-gfm, markdown-it),
/// found on the PATH.
enum MarkdownRenderer {
    static func render(_ markdown: String, with executable: URL, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let html = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: html, as: UTF8.self)
    }

    /// `name` in the first PATH folder that has it.
    static func onPath(_ name: String) throws -> URL {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        guard let found = folders.map({ URL(fileURLWithPath: String($0)).appendingPathComponent(name) })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: name])
        }
        return found
    }

    /// The Python that has markdown-it (and linkify): the interpreter its `markdown-it` command runs with.
    static func markdownItPython() throws -> URL {
        let script = try String(contentsOf: onPath("markdown-it"), encoding: .utf8)
        let shebang = script.prefix { $0 != "\n" }.dropFirst(2).split(separator: " ")
        guard let interpreter = shebang.first else { throw CocoaError(.fileReadCorruptFile) }
        return URL(fileURLWithPath: String(interpreter))
    }
}
