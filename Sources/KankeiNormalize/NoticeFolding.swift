import KankeiModel

/// Folds the notes that many files of an event repeat word for word (20,000 one-row exports must
/// not make 20,000 notes): one note names the first few files and how many there are in all.
enum NoticeFolding {
    /// How many file names a folded note or a list of files shows.
    static let namesShown = 3

    static func fold(_ notices: [Notice]) -> [Notice] {
        var order: [String] = []
        var groups: [String: [Notice]] = [:]
        var result: [Notice] = []
        for notice in notices {
            guard let source = notice.source, notice.message.hasPrefix(source + ": ") else {
                result.append(notice)
                continue
            }
            let text = String(notice.message.dropFirst(source.count + 2))
            if groups[text] == nil { order.append(text) }
            groups[text, default: []].append(notice)
        }
        var folded: [Notice] = []
        for text in order {
            let group = groups[text] ?? []
            guard group.count > 1 else {
                folded += group
                continue
            }
            folded.append(Notice(message: "\(names(group.compactMap(\.source))): \(text)"))
        }
        return folded + result
    }

    /// 「a」、「b」、「c」, or 「a」、「b」、「c」ほか計N件 when there are more.
    static func names(_ names: [String]) -> String {
        let shown = names.prefix(namesShown).map { "「\($0)」" }.joined(separator: "、")
        return names.count > namesShown ? "\(shown)ほか計\(names.count)件のファイル" : shown
    }
}
