import Foundation

/// Reads a submission time out of the ways survey exports print it, into ISO 8601 local time
/// (`2022-02-04T14:31:38`): Google Forms' `2022/02/04 14:31:38` and `2022/02/04 2:31:38 午後 GMT+9`,
/// Google Sheets in English `2/4/2022 14:31:38`, SurveyMonkey's `02/04/2022 2:31:38 PM`,
/// Qualtrics' and LimeSurvey's `2022-02-04 14:31:38`, Zoom's `Feb 4, 2022 14:31:38`, and an Excel
/// serial number (Microsoft Forms). The clock time is kept as written (no time-zone shift).
public enum DateTimeText {
    private struct Pattern: @unchecked Sendable {
        let regex: Regex<AnyRegexOutput>
        /// Capture indices of year, month, day, hour, minute, second and the AM/PM marker.
        let year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, meridiem: Int
    }

    private static let time = #"[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(午前|午後|AM|PM|am|pm)?"#

    private static let patterns: [Pattern] = [
        Pattern(regex: try! Regex(#"^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})"# + time), year: 1, month: 2, day: 3, hour: 4, minute: 5, second: 6, meridiem: 7),
        Pattern(regex: try! Regex(#"^(\d{1,2})/(\d{1,2})/(\d{4})"# + time), year: 3, month: 1, day: 2, hour: 4, minute: 5, second: 6, meridiem: 7),
        Pattern(regex: try! Regex(#"^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4}),?"# + time), year: 3, month: 1, day: 2, hour: 4, minute: 5, second: 6, meridiem: 7),
    ]

    /// The time as `yyyy-MM-ddTHH:mm:ss`, or `nil` when the text is no time Kankei knows.
    public static func iso(from text: String) -> String? {
        let trimmed = MatchKey.trimmed(text)
        if let plain = plainISO(trimmed) { return plain }
        if let serial = Double(trimmed) { return excelSerial(serial) }
        for pattern in patterns {
            guard let match = trimmed.firstMatch(of: pattern.regex),
                  let year = int(match, pattern.year), let day = int(match, pattern.day),
                  var hour = int(match, pattern.hour), let minute = int(match, pattern.minute),
                  let monthText = match[pattern.month].substring
            else { continue }
            let month = Int(monthText) ?? DateText.months.firstIndex(of: monthText.lowercased()).map { $0 + 1 }
            let second = int(match, pattern.second) ?? 0
            switch match[pattern.meridiem].substring.map({ $0.lowercased() }) {
            case "午後", "pm": if hour < 12 { hour += 12 }
            case "午前", "am": if hour == 12 { hour = 0 }
            default: break
            }
            guard let month, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { continue }
            return String(format: "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second)
        }
        return nil
    }

    /// An Excel serial date (1900 system: 1 = 1900-01-01, with Excel's phantom 1900-02-29) as ISO time.
    public static func excelSerial(_ serial: Double) -> String? {
        guard serial >= 1, serial < 2_958_466 else { return nil }
        // Serial 25569 is 1970-01-01; whole seconds, rounded half-up.
        let seconds = Int(((serial - 25_569) * 86_400).rounded(.toNearestOrAwayFromZero))
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
    }

    /// The common `2022/02/04 14:31:38` / `2022-02-04 14:31:38` read without a regular expression
    /// (one per answer: it is on the hot path).
    private static func plainISO(_ text: String) -> String? {
        var numbers: [Int] = []
        var current = -1
        var separators: [UInt8] = []
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                current = (current < 0 ? 0 : current) * 10 + Int(byte - 0x30)
                guard current < 10_000 else { return nil }
            } else {
                guard current >= 0 else { return nil }
                numbers.append(current)
                current = -1
                separators.append(byte)
            }
        }
        guard current >= 0 else { return nil }
        numbers.append(current)
        let shapes: [[UInt8]] = [Array("// ::".utf8), Array("-- ::".utf8), Array("--T::".utf8)]
        guard numbers.count == 6, shapes.contains(separators), numbers[0] >= 1000,
              (1...12).contains(numbers[1]), (1...31).contains(numbers[2]), numbers[3] < 24, numbers[4] < 60, numbers[5] < 61
        else { return nil }
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d", numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5])
    }

    private static func int(_ match: Regex<AnyRegexOutput>.Match, _ index: Int) -> Int? {
        match[index].substring.flatMap { Int($0) }
    }
}
