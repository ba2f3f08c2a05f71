import KankeiModel

/// The words of Zoom's CSV reports, in the UI languages coordinators use, as tables of data.
/// English names are checked against public exports; the Japanese ones follow Zoom's Japanese UI
/// wording and could not be checked against a public export (see the README's format notes).
enum ZoomVocabulary {
    /// The report a file is, by its first cell.
    static let reportTitles: [String: SourceFormat] = table([
        (["Attendee Report", "Attendees Report", "出席者レポート", "出席者の詳細レポート", "参加者レポート"], .zoomAttendeeReport),
        (["Registration Report", "Registrants Report", "登録レポート", "登録者レポート"], .zoomRegistrationReport),
        (["Poll Report", "Polling Report", "投票レポート", "投票の詳細レポート"], .zoomPollReport),
    ])

    /// What the rows under a section label are.
    enum Section: Equatable {
        case people(SessionRole)
        case registrants
    }

    static let sections: [String: Section] = table([
        (["Host Details", "ホストの詳細", "ホスト詳細"], .people(.host)),
        (["Panelist Details", "パネリストの詳細", "パネリスト詳細"], .people(.panelist)),
        (["Attendee Details", "出席者の詳細", "出席者詳細", "参加者の詳細"], .people(.attendee)),
        (["Other Attended", "その他の出席者", "その他の参加者"], .people(.other)),
        (["Registrant Details", "登録者の詳細", "登録者詳細"], .registrants),
    ])

    /// The first header of the preamble's metadata row (a meeting participants report begins with it).
    static let metadataFirstHeaders: Set<String> = MatchKey.keys(["Topic", "トピック", "Meeting ID", "ミーティングID"])

    /// Rows that carry nothing Kankei needs.
    static let ignoredFirstCells: Set<String> = MatchKey.keys(["Report Generated:", "Report Generated", "Report generated time",
                                                      "レポート生成日時", "レポート作成日時"])

    /// Columns of the people tables Kankei reads, by meaning.
    enum Column: CaseIterable {
        case attended, userName, firstName, lastName, email, registrationTime, approvalStatus
        case joinTime, leaveTime, minutes, organization
    }

    static let columns: [String: Column] = table([
        (["Attended", "出席済み", "出席", "出欠"], .attended),
        (["User Name", "User Name (Original Name)", "Name (Original Name)", "Name (original name)", "Name",
          "ユーザー名", "ユーザー名（元の名前）", "名前 (元の名前)", "名前（元の名前）", "名前"], .userName),
        (["First Name", "名"], .firstName),
        (["Last Name", "姓"], .lastName),
        (["Email", "User Email", "Email Address", "メール", "メールアドレス", "ユーザーのメールアドレス", "ユーザーメール"], .email),
        (["Registration Time", "登録時間", "登録日時", "登録の日時"], .registrationTime),
        (["Approval Status", "承認ステータス", "承認状況", "承認されたステータス"], .approvalStatus),
        (["Join Time", "参加時間", "参加時刻", "入室時間"], .joinTime),
        (["Leave Time", "退出時間", "退出時刻"], .leaveTime),
        (["Time in Session (minutes)", "Duration (Minutes)", "Total Duration (Minutes)", "セッション時間（分）",
          "セッション中の時間（分）", "期間（分）", "合計期間（分）", "所要時間（分）", "合計所要時間（分）"], .minutes),
        // The organisation: Zoom's standard field or a custom registration question.
        (["Organization", "Organisation", "Company", "Company Name", "組織", "所属", "所属団体", "所属団体名",
          "団体名", "会社名", "企業名", "自治体名", "所属組織", "所属先", "ご所属", "貴団体名", "貴社名"], .organization),
    ])

    /// Columns of the preamble's metadata row.
    enum MetadataColumn: CaseIterable {
        case topic, webinarID, startTime, duration, host
    }

    static let metadataColumns: [String: MetadataColumn] = table([
        (["Topic", "トピック"], .topic),
        (["Webinar ID", "Meeting ID", "ID", "ウェビナーID", "ミーティングID"], .webinarID),
        (["Actual Start Time", "Scheduled Time", "Start Time", "実際の開始時刻", "開始時刻", "開始時間", "予定時刻", "予定日時"], .startTime),
        (["Actual Duration (minutes)", "Duration (minutes)", "実際の所要時間（分）", "所要時間（分）"], .duration),
        // A meeting's host: `User Email` (older) or `Host` as 「Name (address)」 (newer).
        (["User Email", "Host", "ホスト", "ユーザーメール", "ホストのメールアドレス"], .host),
    ])

    /// Words that make a custom registration question the organisation field when no header matches
    /// exactly (「所属団体名（自治体名, 団体名）」, 「会社名（正式名称）」) — but not a question that only
    /// mentions companies (「企業との連携の経験はありますか」): see `isQuestion`.
    static let organizationWords = ["所属", "団体名", "会社名", "企業名", "自治体名", "組織名", "法人名", "organization",
                                    "organisation", "company"]

    /// A header that asks something (ends in か, ？ or ?) is a question, never the organisation field.
    static func isQuestion(_ key: String) -> Bool {
        ["か", "?", "か。"].contains { key.hasSuffix($0) }
    }

    /// A meeting participants report without its meeting block starts at this header: a name
    /// column first, then an address or join-time column.
    static func isMeetingParticipantsHeader(_ record: CSVRecord) -> Bool {
        guard columns[record.firstKey] == .userName else { return false }
        let header = map(record, columns)
        return header[.attended] == nil && (header[.joinTime] != nil || header[.minutes] != nil)
    }

    static let yes: Set<String> = MatchKey.keys(["Yes", "はい", "出席"])

    /// Header cells that make a row a people table's header (at least two must be present).
    static let peopleHeaderColumns: Set<Column> = [.attended, .userName, .firstName, .email, .joinTime, .registrationTime]

    /// Which column holds what, by header text; the first column of a meaning wins.
    static func map<Column>(_ record: CSVRecord, _ vocabulary: [String: Column]) -> [Column: Int] {
        var result: [Column: Int] = [:]
        for index in 0..<record.count {
            if let column = vocabulary[MatchKey.make(record[index]!)], result[column] == nil { result[column] = index }
        }
        return result
    }

    private static func table<Value>(_ rows: [([String], Value)]) -> [String: Value] {
        var result: [String: Value] = [:]
        for (aliases, value) in rows {
            for alias in aliases { result[MatchKey.make(alias)] = value }
        }
        return result
    }
}
