import KankeiModel
import Testing
@testable import KankeiReport

@Suite("Inline SVG charts")
struct ChartTests {
    @Test("a bar per option, as long as its share of 100%, labelled with share and count")
    func bars() throws {
        let chart = BarChart(bars: [.init(label: "A", percent: Percent(count: 23, of: 29), value: "79.3%（23）"),
                                    .init(label: "B", percent: Percent(count: 0, of: 29), value: "0.0%（0）")],
                             caption: "回答者（n=29）に占める割合", title: "理由の棒グラフ").svg
        let widths = chart.matches(of: #/<rect x="4" y="[0-9.]+" width="([0-9.]+)"/#).map { String($0.1) }
        #expect(widths == ["372.7", "0"])  // 470 × 79.3%
        #expect(chart.contains("79.3%（23）") && chart.contains("0.0%（0）"))
        #expect(chart.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart bar-chart\""))
        #expect(chart.contains("<title>理由の棒グラフ</title>"))
    }

    @Test("a long Japanese label wraps onto lines instead of running off the chart")
    func wrapping() {
        let label = String(repeating: "放課後企業クラブを通じた『民間企業人材との協働チーム』", count: 2)  // 54 full-width characters
        let lines = SVG.lines(label, ems: (640 - 8) / 12.0)
        #expect(lines.count == 2)
        #expect(lines.joined() == label)
        #expect(lines.allSatisfy { SVG.width($0) <= 52.7 })
        #expect(abs(SVG.width("abc") - 1.65) < 1e-9 && SVG.width("あ") == 1)
    }

    @Test("labels are escaped inside the SVG")
    func escaping() {
        let chart = BarChart(bars: [.init(label: "<A & B>", percent: nil, value: "—")], caption: "c", title: "t").svg
        #expect(chart.contains("&lt;A &amp; B&gt;") && !chart.contains("<A & B>"))
    }

    @Test("a line chart needs two dates; points sit at their date and share")
    func lines() {
        let one = LineChart(series: [.init(name: "企業側", points: [.init(date: "2022-02-18", percent: Percent(tenths: 1_000))])],
                            target: 90, targetLabel: "目標 90%", title: "t")
        #expect(!one.hasHistory)
        let two = LineChart(series: [.init(name: "企業側", points: [.init(date: "2021-12-10", percent: Percent(tenths: 889)),
                                                                    .init(date: "2022-02-18", percent: Percent(tenths: 1_000))])],
                            target: 90, targetLabel: "目標 90%", title: "t")
        #expect(two.hasHistory)
        let svg = two.svg
        #expect(svg.contains(#"<polyline points="44,34.9 624,14""#))  // 88.9% and 100%, first and last date at the plot's edges
        #expect(svg.contains("目標 90%") && svg.contains("2021/12/10") && svg.contains("88.9%"))
    }

    @Test("days between dates, for spacing points in time", arguments: [("1970-01-01", 0), ("2022-02-18", 19_041), ("2000-03-01", 11_017)])
    func days(iso: String, day: Int) {
        #expect(LineChart.day(iso) == day)
    }
}
