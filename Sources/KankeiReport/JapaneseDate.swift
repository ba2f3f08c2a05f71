import Foundation
import KankeiModel

/// Dates as reviewers read them: 令和4年2月4日（金）, and months as 令和3年7月.
enum JapaneseDate {
    /// Eras from their first day, newest first.
    private static let eras: [(name: String, start: (year: Int, month: Int, day: Int))] = [
        ("令和", (2019, 5, 1)), ("平成", (1989, 1, 8)),
    ]
    private static let weekdays = ["日", "月", "火", "水", "木", "金", "土"]

    /// yyyy-MM-dd → 令和4年2月4日（金）; anything else as it is.
    static func format(iso: String?) -> String? {
        // Not a real date (2021-13-45 would roll over into 2022): shown as it was written.
        guard let iso, DateText.isISODate(iso), let match = iso.firstMatch(of: #/^(\d{4})-(\d{2})-(\d{2})$/#),
              let year = Int(match.1), let month = Int(match.2), let day = Int(match.3) else { return iso }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Tokyo")!
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)) else { return iso }
        let weekday = weekdays[calendar.component(.weekday, from: date) - 1]
        return "\(eraYear(year, month, day))\(month)月\(day)日（\(weekday)）"
    }

    /// yyyy-MM or yyyy-MM-dd → 令和3年7月.
    static func month(iso: String?) -> String? {
        guard let iso, let match = iso.firstMatch(of: #/^(\d{4})-(\d{2})(?:-(\d{2}))?$/#),
              let year = Int(match.1), let month = Int(match.2), (1...12).contains(month) else { return iso }
        return "\(eraYear(year, month, match.3.flatMap { Int($0) } ?? 1))\(month)月"
    }

    /// 令和4年, 令和元年, or 1988年 before the eras known here.
    private static func eraYear(_ year: Int, _ month: Int, _ day: Int) -> String {
        guard let era = eras.first(where: { (year, month, day) >= $0.start }) else { return "\(year)年" }
        let eraYear = year - era.start.year + 1
        return "\(era.name)\(eraYear == 1 ? "元" : String(eraYear))年"
    }
}
