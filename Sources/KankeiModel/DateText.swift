import Foundation

/// Reads the calendar date out of the many ways exports print a time: Zoom's
/// "Mar 28, 2020 8:07 AM" and "08/09/2026 10:45:00 AM", Google Forms' "2022/02/04 14:45:10"
/// and "2024/01/07 7:41:40 午後 GMT+9", and Japanese "2022年2月4日". Only the date is kept.
public enum DateText {
    private struct Pattern: @unchecked Sendable {
        let regex: Regex<AnyRegexOutput>
        /// Capture indices of year, month (number or English abbreviation) and day.
        let year: Int, month: Int, day: Int
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static let patterns: [Pattern] = [
        // Mar 28, 2020 08:07:27   /  Mar 05 2020, 11:05:06
        Pattern(regex: try! Regex(#"^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})"#), year: 3, month: 1, day: 2),
        // 2022/02/04 14:45:10   /   2022-02-04
        Pattern(regex: try! Regex(#"^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})"#), year: 1, month: 2, day: 3),
        // 2022年2月4日
        Pattern(regex: try! Regex(#"^(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日"#), year: 1, month: 2, day: 3),
        // 08/09/2026 10:45:00 AM (Zoom, US order)
        Pattern(regex: try! Regex(#"^(\d{1,2})/(\d{1,2})/(\d{4})"#), year: 3, month: 1, day: 2),
        // 9/24/20 13:30 (a Zoom report re-saved by Excel: US order, two-digit year, 20xx)
        Pattern(regex: try! Regex(#"^(\d{1,2})/(\d{1,2})/(\d{2})(?:\s|$)"#), year: 3, month: 1, day: 2),
    ]

    /// The date as ISO 8601 (yyyy-MM-dd), or `nil` when the text holds no date Kankei knows.
    public static func isoDate(from text: String) -> String? {
        let trimmed = MatchKey.trimmed(text.precomposedStringWithCompatibilityMapping)
        for pattern in patterns {
            guard let match = trimmed.firstMatch(of: pattern.regex),
                  let yearText = match[pattern.year].substring, let written = Int(yearText),
                  let monthText = match[pattern.month].substring,
                  let dayText = match[pattern.day].substring, let day = Int(dayText)
            else { continue }
            let year = yearText.count == 2 ? 2000 + written : written
            let month = Int(monthText) ?? months.firstIndex(of: monthText.lowercased()).map { $0 + 1 }
            guard let month, isCalendarDate(year: year, month: month, day: day) else { continue }
            return String(format: "%04d-%02d-%02d", year, month, day)
        }
        return nil
    }

    /// A leading ISO date in a folder name such as `2022-02-04-municipal-webinar`.
    public static func leadingISODate(in name: String) -> String? {
        guard let match = name.firstMatch(of: #/^(\d{4})-(\d{2})-(\d{2})/#) else { return nil }
        let iso = "\(match.1)-\(match.2)-\(match.3)"
        return isISODate(iso) ? iso : nil
    }

    /// Whether the text is a real calendar date written yyyy-MM-dd (not 2021-13-45, not 2022-02-29).
    public static func isISODate(_ text: String) -> Bool {
        guard let match = text.wholeMatch(of: #/(\d{4})-(\d{2})-(\d{2})/#), let year = Int(match.1), let month = Int(match.2),
              let day = Int(match.3) else { return false }
        return isCalendarDate(year: year, month: month, day: day)
    }

    static func isCalendarDate(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...lengths[month - 1]).contains(day)
    }
}
