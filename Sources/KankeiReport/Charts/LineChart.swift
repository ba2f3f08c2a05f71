import KankeiModel

/// A line chart as inline SVG: shares (0–100%) over time, one line per series, points at the dates
/// they were measured, with a dotted target line and a legend.
struct LineChart {
    struct Point {
        /// yyyy-MM-dd.
        var date: String
        var percent: Percent
    }

    struct Series {
        var name: String
        var points: [Point]
    }

    var series: [Series]
    /// The target in percent (a dotted line), if any.
    var target: Int?
    var targetLabel: String
    var title: String

    private static let width = 640.0
    private static let height = 260.0
    private static let left = 44.0, right = 16.0, top = 14.0, bottom = 58.0

    /// Whether there is a history to draw: some series with two dates or more.
    var hasHistory: Bool { placed.contains { Set($0.points.map(\.date)).count >= 2 } }

    /// Only points at a real date (yyyy-MM-dd) can be placed in time.
    private var placed: [Series] {
        series.map { Series(name: $0.name, points: $0.points.filter { DateText.isISODate($0.date) }) }.filter { !$0.points.isEmpty }
    }

    var svg: String {
        let series = placed
        let days = series.flatMap { $0.points.map { Self.day($0.date) } }
        let first = days.min() ?? 0, last = max(days.max() ?? 1, first + 1)
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        let x = { (date: String) in Self.left + plotWidth * Double(Self.day(date) - first) / Double(last - first) }
        let y = { (tenths: Int) in Self.top + plotHeight * (1 - Double(tenths) / 1_000) }
        var body = ""
        for step in stride(from: 0, through: 100, by: 20) {
            let lineY = SVG.number(y(step * 10))
            body += ##"<line x1="\##(SVG.number(Self.left))" y1="\##(lineY)" x2="\##(SVG.number(Self.width - Self.right))" y2="\##(lineY)" stroke="#ddd"/>"##
            body += ##"<text x="\##(SVG.number(Self.left - 6))" y="\##(lineY)" dy="4" text-anchor="end" fill="#555">\##(step)%</text>"##
        }
        if let target {
            let lineY = SVG.number(y(target * 10))
            body += ##"<line x1="\##(SVG.number(Self.left))" y1="\##(lineY)" x2="\##(SVG.number(Self.width - Self.right))" y2="\##(lineY)" stroke="#888" stroke-dasharray="2 3"/>"##
            body += ##"<text x="\##(SVG.number(Self.width - Self.right))" y="\##(lineY)" dy="-4" text-anchor="end" fill="#555" font-size="11">\##(SVG.escape(targetLabel))</text>"##
        }
        let dates = Set(series.flatMap { $0.points.map(\.date) }).sorted()
        for date in dates {
            // The first and last labels stay inside the chart.
            let anchor = date == dates.first ? "start" : date == dates.last ? "end" : "middle"
            body += ##"<text x="\##(SVG.number(x(date)))" y="\##(SVG.number(Self.height - Self.bottom + 16))" text-anchor="\##(anchor)" fill="#555" font-size="11">\##(SVG.escape(Self.shortDate(date)))</text>"##
        }
        for (index, line) in series.enumerated() {
            let colour = Palette.lines[index % Palette.lines.count]
            let dash = Palette.dashes[index % Palette.dashes.count]
            let points = line.points.sorted { $0.date < $1.date }
            let path = points.map { "\(SVG.number(x($0.date))),\(SVG.number(y($0.percent.tenths)))" }.joined(separator: " ")
            body += ##"<polyline points="\##(path)" fill="none" stroke="\##(colour)" stroke-width="2"\##(dash.isEmpty ? "" : ##" stroke-dasharray="\##(dash)""##)/>"##
            for point in points {
                let px = SVG.number(x(point.date)), py = SVG.number(y(point.percent.tenths))
                body += ##"<circle cx="\##(px)" cy="\##(py)" r="3.5" fill="\##(colour)"/>"##
                body += ##"<text x="\##(px)" y="\##(py)" dy="-7" text-anchor="middle" fill="\##(colour)" font-size="10">\##(point.percent.fixed)%</text>"##
            }
            let legendX = Self.left + Double(index) * 150, legendY = Self.height - 14
            body += ##"<line x1="\##(SVG.number(legendX))" y1="\##(SVG.number(legendY))" x2="\##(SVG.number(legendX + 24))" y2="\##(SVG.number(legendY))" stroke="\##(colour)" stroke-width="2"\##(dash.isEmpty ? "" : ##" stroke-dasharray="\##(dash)""##)/>"##
            body += ##"<text x="\##(SVG.number(legendX + 30))" y="\##(SVG.number(legendY))" dy="4" fill="#222">\##(SVG.escape(line.name))</text>"##
        }
        return ##"<svg xmlns="http://www.w3.org/2000/svg" class="chart line-chart" role="img" width="\##(SVG.number(Self.width))" height="\##(SVG.number(Self.height))" viewBox="0 0 \##(SVG.number(Self.width)) \##(SVG.number(Self.height))" font-family="\##(SVG.fontFamily)" font-size="12"><title>\##(SVG.escape(title))</title>\##(body)</svg>"##
    }

    /// Days since 1970-01-01 of an ISO date (the proleptic Gregorian calendar, no time zone).
    static func day(_ iso: String) -> Int {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return 0 }
        // Howard Hinnant's days_from_civil.
        let (year, month, day) = (parts[1] <= 2 ? parts[0] - 1 : parts[0], parts[1], parts[2])
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// 2022-02-18 → 2022/2/18.
    static func shortDate(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        return parts.count == 3 ? "\(parts[0])/\(parts[1])/\(parts[2])" : iso
    }
}
