import KankeiModel

/// A horizontal bar chart as inline SVG: one bar per option on a 0–100% scale, its label above it
/// (wrapped, never cut), the share and count at its end. No script, prints in colour or grey.
struct BarChart {
    struct Bar {
        var label: String
        var percent: Percent?
        /// What is written at the bar's end: 「79.3%（23）」.
        var value: String
        /// Drawn darker: an option of a scale's top box.
        var emphasised = false
    }

    var bars: [Bar]
    /// Says what the shares are of (回答者 n=29 に占める割合).
    var caption: String
    /// For screen readers and the page's outline.
    var title: String

    private static let width = 640.0
    private static let barArea = 470.0
    private static let fontSize = 12.0
    private static let lineHeight = 16.0
    private static let barHeight = 14.0
    private static let gap = 10.0

    var svg: String {
        guard !bars.isEmpty else { return "" }
        var body = ""
        var y = 6.0
        for bar in bars {
            for line in SVG.lines(bar.label, ems: (Self.width - 8) / Self.fontSize) {
                y += Self.lineHeight
                body += ##"<text x="4" y="\##(SVG.number(y - 4))" class="label" fill="#222">\##(SVG.escape(line))</text>"##
            }
            let tenths = bar.percent?.tenths ?? 0
            let length = Self.barArea * Double(min(tenths, 1_000)) / 1_000
            body += ##"<rect x="4" y="\##(SVG.number(y))" width="\##(SVG.number(max(length, tenths > 0 ? 1 : 0)))" height="\##(Self.barHeight)" class="bar" fill="\##(bar.emphasised ? Palette.strong : Palette.bar)"/>"##
            body += ##"<text x="\##(SVG.number(4 + length + 6))" y="\##(SVG.number(y + Self.barHeight - 3))" class="value" fill="#222">\##(SVG.escape(bar.value))</text>"##
            y += Self.barHeight + Self.gap
        }
        y += 4
        body += ##"<line x1="4" y1="6" x2="4" y2="\##(SVG.number(y - Self.gap))" stroke="#888" stroke-width="1"/>"##
        body += ##"<text x="\##(Self.width - 4)" y="\##(SVG.number(y + 8))" text-anchor="end" class="caption" fill="#555" font-size="11">\##(SVG.escape(caption))</text>"##
        let height = y + 14
        return ##"<svg xmlns="http://www.w3.org/2000/svg" class="chart bar-chart" role="img" width="\##(SVG.number(Self.width))" height="\##(SVG.number(height))" viewBox="0 0 \##(SVG.number(Self.width)) \##(SVG.number(height))" font-family="\##(SVG.fontFamily)" font-size="\##(SVG.number(Self.fontSize))"><title>\##(SVG.escape(title))</title>\##(body)</svg>"##
    }
}
