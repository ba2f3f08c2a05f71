import KankeiModel

/// Splits a multiple-answer cell into the options chosen.
///
/// Exports join the chosen options with `, ` (Google Sheets), `,` (Qualtrics) or `;` (the Google
/// Forms download, Microsoft Forms, Zoom polls), and an option may itself contain a comma. So the cell is cut at every
/// separator into pieces — never inside brackets or quotes (「中距離 (800m, 1500m)」 is one piece) —
/// and the known options, themselves cut the same way, are matched against runs of pieces, longest
/// first. Pieces compare by `MatchKey` (width and spacing do not matter; case only when no option
/// has the same spelling). Consecutive pieces that match no option are kept together, in their
/// original spelling, as one unlisted answer (Google Forms writes 「その他」 free text this way).
public struct OptionSplitter: Sendable {
    /// A piece of a cell and the separator that follows it ("" after the last).
    public struct Piece: Hashable, Sendable {
        public var text: String
        public var key: String
        /// The key with case kept (`MatchKey.exact`).
        public var exact: String
        public var separator: String
    }

    public struct Split: Hashable, Sendable {
        /// Indices into the options, each once, in the order they appear in the cell.
        public var chosen: [Int]
        /// Answers outside the options, as written.
        public var unlisted: [String]
    }

    private struct Candidate: Sendable {
        let index: Int
        let keys: [String]
        let exact: [String]
        let length: Int
    }

    private let candidates: [Candidate]

    public init(options: [String]) {
        candidates = options.enumerated()
            .map { index, option in
                let pieces = Self.pieces(option)
                let keys = pieces.map(\.key)
                return Candidate(index: index, keys: keys, exact: pieces.map(\.exact), length: keys.reduce(0) { $0 + $1.count })
            }
            .filter { !$0.keys.isEmpty }
            .sorted { ($0.keys.count, $0.length) > ($1.keys.count, $1.length) }
    }

    public func split(_ cell: String) -> Split {
        let pieces = Self.pieces(cell)
        var chosen: [Int] = []
        var unlisted: [String] = []
        var pending: [Piece] = []
        var position = 0
        func flush() {
            guard let last = pending.last else { return }
            unlisted.append(pending.dropLast().map { $0.text + $0.separator }.joined() + last.text)
            pending = []
        }
        while position < pieces.count {
            if let candidate = candidates.first(where: { matches($0, pieces, at: position, exact: true) })
                ?? candidates.first(where: { matches($0, pieces, at: position, exact: false) }) {
                flush()
                if !chosen.contains(candidate.index) { chosen.append(candidate.index) }
                position += candidate.keys.count
            } else {
                pending.append(pieces[position])
                position += 1
            }
        }
        flush()
        return Split(chosen: chosen, unlisted: unlisted)
    }

    private func matches(_ candidate: Candidate, _ pieces: [Piece], at position: Int, exact: Bool) -> Bool {
        guard position + candidate.keys.count <= pieces.count else { return false }
        for offset in candidate.keys.indices {
            let piece = pieces[position + offset]
            if exact ? piece.exact != candidate.exact[offset] : piece.key != candidate.keys[offset] { return false }
        }
        return true
    }

    /// Brackets and quotes inside which a separator does not cut (ASCII and full-width).
    static let openers: [Character: Character] = [
        "(": ")", "（": "）", "[": "]", "［": "］", "{": "}", "｛": "｝", "「": "」", "『": "』", "【": "】",
        "〔": "〕", "〈": "〉", "《": "》", "“": "”", "\"": "\"", "＂": "＂",
    ]

    /// Cuts `text` at `,` and `;` (with any white space after), but not at a thousands separator
    /// (a comma between digits, `1,000`) nor inside brackets or quotes. Full-width `，` and `；`
    /// count too. Empty pieces (a trailing `;`) are dropped. A bracket left open to the end does
    /// not protect what follows it: the text is then cut at every separator.
    public static func pieces(_ text: String) -> [Piece] {
        cut(text, nesting: true) ?? cut(text, nesting: false)!
    }

    /// `nil` when `nesting` and a bracket or quote is still open at the end.
    private static func cut(_ text: String, nesting: Bool) -> [Piece]? {
        var pieces: [Piece] = []
        var current = ""
        var characters = text[...]
        func close(separator: String) {
            let trimmed = MatchKey.trimmed(current)
            if !trimmed.isEmpty {
                pieces.append(Piece(text: trimmed, key: MatchKey.make(trimmed), exact: MatchKey.exact(trimmed), separator: separator))
            } else if !pieces.isEmpty, separator.isEmpty {
                pieces[pieces.count - 1].separator = ""
            }
            current = ""
        }
        var open: [Character] = []
        while let character = characters.first {
            characters = characters.dropFirst()
            if nesting {
                if let closer = open.last, character == closer {
                    open.removeLast()
                    current.append(character)
                    continue
                }
                if let closer = openers[character] {
                    open.append(closer)
                    current.append(character)
                    continue
                }
                if !open.isEmpty {
                    current.append(character)
                    continue
                }
            }
            let isComma = character == "," || character == "，"
            let isSemicolon = character == ";" || character == "；"
            let isThousands = character == "," && (current.last?.isASCII == true && current.last?.isNumber == true)
                && (characters.first?.isASCII == true && characters.first?.isNumber == true)
            if isSemicolon || (isComma && !isThousands) {
                var separator = String(character)
                while let next = characters.first, next.isWhitespace, !next.isNewline {
                    separator.append(next)
                    characters = characters.dropFirst()
                }
                close(separator: separator)
            } else {
                current.append(character)
            }
        }
        if !open.isEmpty { return nil }
        close(separator: "")
        return pieces
    }
}
