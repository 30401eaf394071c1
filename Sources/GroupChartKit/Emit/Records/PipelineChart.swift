/// The claims pipeline as a small inline SVG bar chart: unbilled, in
/// flight, rejected, settled, and the batch to send. Drawn from counts only
/// (numbers and fixed labels, nothing the user wrote), with no script, in
/// shades and outlines that print as well in black and white as in colour.
enum PipelineChart {
    struct Bar {
        var label: String
        var count: Int
        /// A CSS colour of the stylesheet's palette.
        var fill: String
    }

    static func svg(_ bars: [Bar]) -> String {
        let rowHeight = 22
        let labelWidth = 70
        let barWidth = 150
        let largest = max(1, bars.map(\.count).max() ?? 1)
        let height = rowHeight * bars.count + 4
        var parts = ["<svg class=\"pipeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + barWidth + 48)\" height=\"\(height)\" "
                     + "role=\"img\" aria-label=\"" + bars.map { "\($0.count) \($0.label)" }.joined(separator: ", ") + "\">"]
        for (index, bar) in bars.enumerated() {
            let y = index * rowHeight + 2
            let width = bar.count == 0 ? 0 : max(2, bar.count * barWidth / largest)
            parts.append("<text x=\"0\" y=\"\(y + 15)\" font-size=\"12\">\(bar.label)</text>")
            parts.append("<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(width)\" height=\"15\" fill=\"\(bar.fill)\" stroke=\"#333\" stroke-width=\"0.6\"/>")
            parts.append("<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 15)\" font-size=\"12\">\(bar.count)</text>")
        }
        parts.append("</svg>")
        return parts.joined()
    }
}
