import Evaluation
import Foundation
import Testing

@testable import Report

@Suite("SVG charts")
struct SVGChartTests {
    static let charts: [any ReportChart] = [
        ReportSamples.retention(.en), ReportSamples.timeToJob(.en), ReportSamples.wellbeing(.en),
        ReportSamples.byType(.en), ReportSamples.comparison(.en),
    ]

    static let emptyCharts: [any ReportChart] = [
        StepCurveChart(id: "empty-steps", labels: ChartLabels(title: "Retention", xAxis: "Meeting", yAxis: "Share"), series: []),
        StepCurveChart(
            id: "empty-series", labels: ChartLabels(title: "Time to job"),
            series: [.init(name: "All", steps: [])]),
        BeforeAfterChart(id: "empty-ba", labels: ChartLabels(title: "Wellbeing"), items: []),
        BarChart(id: "empty-bars", labels: ChartLabels(title: "By type"), bars: []),
        ForestPlot(id: "empty-forest", labels: ChartLabels(title: "Comparison"), rows: []),
    ]

    @Test("every chart is well-formed XML with an svg root, viewBox, size, title and desc", arguments: 0..<5)
    func wellFormed(index: Int) {
        for language in ReportLanguage.allCases {
            let chart = Self.charts[index]
            let svg = chart.svg(language: language)
            let xml = XMLCheck.parse(svg)
            #expect(xml.isWellFormed, "\(chart.id) \(language): \(String(describing: xml.error))")
            #expect(xml.elements.first == "svg")
            #expect(xml.elements.dropFirst().prefix(2) == ["title", "desc"])
            let root = xml.attributes.first ?? [:]
            #expect(root["xmlns"] == "http://www.w3.org/2000/svg")
            #expect(root["viewBox"]?.hasPrefix("0 0 ") == true)
            #expect(root["width"] != nil && root["height"] != nil)
            #expect(root["font-family"]?.hasSuffix("sans-serif") == true)
            #expect(!svg.contains("<script") && !svg.contains("href=\"http") && !svg.contains("@import"))
            #expect(!svg.contains("nan") && !svg.contains("inf"))
        }
    }

    @Test("titles and axis labels appear as text")
    func labels() {
        let step = ReportSamples.timeToJob(.en).svg(language: .en)
        #expect(step.contains("<title id=\"time_to_job-title\">Time to first job</title>"))
        #expect(step.contains(">Months since enrolment</text>"))
        #expect(step.contains(">Share employed</text>"))
        #expect(step.contains(">95% confidence band</text>"))
        #expect(step.contains(">censored</text>"))
        let bars = ReportSamples.byType(.en).svg(language: .en)
        #expect(bars.contains(">Share of enrolled</text>"))
        #expect(bars.contains(">Fixed-term contract</text>"))
        let forest = ReportSamples.comparison(.en).svg(language: .en)
        #expect(forest.contains(">Estimate [95% CI]</text>"))
        let wellbeing = ReportSamples.wellbeing(.en).svg(language: .en)
        #expect(wellbeing.contains(">WEMWBS</text>") && wellbeing.contains(">n = 84</text>"))
    }

    @Test("coordinates have at most two decimals")
    func fixedDecimals() throws {
        for chart in Self.charts {
            let svg = chart.svg(language: .en)
            let regex = try NSRegularExpression(pattern: "[0-9]\\.[0-9]{3,}")
            let attributes = svg.split(separator: "\n").filter {
                !$0.hasPrefix("<desc") && !$0.hasPrefix("<text") && !$0.hasPrefix("<title")
            }
            for line in attributes {
                let s = String(line)
                #expect(regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) == nil, "\(chart.id): \(s)")
            }
        }
    }

    @Test("a chart with no data says so and is still a valid SVG", arguments: 0..<5)
    func emptyData(index: Int) {
        let chart = Self.emptyCharts[index]
        let en = chart.svg(language: .en)
        let it = chart.svg(language: .it)
        #expect(XMLCheck.parse(en).isWellFormed && XMLCheck.parse(it).isWellFormed)
        #expect(en.contains(">No data to show</text>"))
        #expect(it.contains(">Nessun dato da mostrare</text>"))
        #expect(en.contains("<title id=\"\(chart.id)-title\">\(chart.labels.title)</title>"))
    }

    @Test("Italian charts use decimal commas and Italian words")
    func italian() {
        let bars = ReportSamples.byType(.it).svg(language: .it)
        #expect(bars.contains(">21,9%</text>"))  // 30 / 137
        #expect(!bars.contains(">21.9%</text>"))
        #expect(bars.contains(">oscurato (troppo poche persone)</text>"))
        let forest = ReportSamples.comparison(.it).svg(language: .it)
        #expect(forest.contains(">0,074 [\u{2212}0,061; 0,209]</text>"))
        #expect(forest.contains(">Stima [IC 95%]</text>"))
        let wellbeing = ReportSamples.wellbeing(.it).svg(language: .it)
        #expect(wellbeing.contains(">41,3</text>"))
        let english = ReportSamples.comparison(.en).svg(language: .en)
        #expect(english.contains(">0.074 [\u{2212}0.061, 0.209]</text>"))
    }

    @Test("suppressed bars are hatched placeholders labelled <5")
    func suppressedBar() {
        let svg = ReportSamples.byType(.en).svg(language: .en)
        #expect(svg.contains("<pattern id=\"reemployment_by_type-hatch\""))
        #expect(svg.contains("fill=\"url(#reemployment_by_type-hatch)\""))
        #expect(svg.contains(">&lt;5</text>"))
        #expect(svg.contains("Self-employment: &lt;5."))
    }

    @Test("text is escaped and ids are prefixed by the chart id")
    func escaping() {
        let chart = BarChart(
            id: "a b/c", labels: ChartLabels(title: "Tom & Jerry <script>", xAxis: "x \"quoted\""),
            bars: [.init(label: "<b>", value: 0.5)])
        let svg = chart.svg(language: .en)
        #expect(XMLCheck.parse(svg).isWellFormed)
        #expect(svg.contains("Tom &amp; Jerry &lt;script&gt;"))
        #expect(!svg.contains("<script") && !svg.contains("<b>"))
        #expect(svg.contains("id=\"a-b-c-title\""))
    }

    @Test("non-finite values are dropped, never drawn")
    func nonFinite() {
        let chart = StepCurveChart(
            id: "odd", labels: ChartLabels(title: "Odd"),
            series: [.init(name: "s", steps: [.init(x: 0, y: 1), .init(x: .nan, y: 0.5), .init(x: 2, y: .infinity), .init(x: 3, y: 0.4)])])
        let svg = chart.svg(language: .en)
        #expect(XMLCheck.parse(svg).isWellFormed)
        #expect(!svg.lowercased().contains("nan") && !svg.contains("inf"))
        let forest = ForestPlot(
            id: "log", labels: ChartLabels(title: "Ratios"),
            rows: [.init(label: "a", estimate: ChartEstimate(1.8, lower: 0, upper: 3.2)), .init(label: "b", estimate: ChartEstimate(-1))],
            reference: 1, logarithmic: true)
        let forestSVG = forest.svg(language: .en)
        #expect(XMLCheck.parse(forestSVG).isWellFormed)
        #expect(!forestSVG.contains("nan") && !forestSVG.contains("inf"))
    }

    @Test("intervals past a fixed forest axis end in arrows; estimates outside are not drawn")
    func clippedForest() {
        let plot = ForestPlot(
            id: "clip", labels: ChartLabels(title: "Clipped"),
            rows: [
                .init(label: "a", estimate: ChartEstimate(0.2, lower: -3, upper: 0.5)),
                .init(label: "b", estimate: ChartEstimate(1.4, lower: 0.6, upper: 2.2)),
            ],
            domain: -1...1)
        let svg = plot.svg(language: .en)
        #expect(XMLCheck.parse(svg).isWellFormed)
        #expect(svg.components(separatedBy: "Z\" fill=\"\(ChartStyle.ink)\"").count - 1 == 2)
        #expect(svg.components(separatedBy: "width=\"9\" height=\"9\"").count - 1 == 1)
        #expect(svg.contains(">1.40 [0.60, 2.20]</text>"))
    }

    @Test("the step path follows the steps and the band is one closed shape")
    func stepGeometry() {
        let px = { (x: Double) in x * 10 }
        let py = { (y: Double) in 100 - y * 100 }
        let steps: [StepCurveChart.Point] = [.init(x: 0, y: 1), .init(x: 2, y: 0.5), .init(x: 5, y: 0.25)]
        #expect(SVGChartRenderer.stepPath(steps, end: 8, px: px, py: py).data == "M0 0 H20 V50 H50 V75 H80")
        let band = StepCurveChart.Band(
            lower: [.init(x: 0, y: 0.9), .init(x: 2, y: 0.4)], upper: [.init(x: 0, y: 1), .init(x: 3, y: 0.7)])
        #expect(
            SVGChartRenderer.bandPath(band, end: 4, px: px, py: py).data
                == "M0 0 H20 V0 H30 V30 H40 V60 H30 V60 H20 V10 H0 Z")
        #expect(SVGChartRenderer.value(of: steps, at: 1.99) == 1)
        #expect(SVGChartRenderer.value(of: steps, at: 2) == 0.5)
        #expect(SVGChartRenderer.value(of: steps, at: -1) == nil)
    }
}

@Suite("Chart axes and number formats")
struct ChartAxisTests {
    @Test(
        "nice ticks",
        arguments: [
            (0.0, 0.44, 6, [0.0, 0.1, 0.2, 0.3, 0.4, 0.5]),
            (0.0, 12.0, 8, [0.0, 2, 4, 6, 8, 10, 12]),
            (0.0, 12.0, 6, [0.0, 5, 10, 15]),
            (39.0, 48.3, 6, [38.0, 40, 42, 44, 46, 48, 50]),
            (-0.061, 0.23, 7, [-0.1, 0, 0.1, 0.2, 0.3]),
            (5.0, 5.0, 6, [4.4, 4.6, 4.8, 5.0, 5.2, 5.4, 5.6]),
        ])
    func niceTicks(low: Double, high: Double, maxTicks: Int, expected: [Double]) {
        let scale = AxisScale.nice(low, high, maxTicks: maxTicks)
        #expect(scale.ticks.count == expected.count, "\(scale.ticks)")
        for (a, b) in zip(scale.ticks, expected) { #expect(abs(a - b) < 1e-12, "\(scale.ticks)") }
        #expect(scale.lower <= low && scale.upper >= high)
    }

    @Test("integer axes tick on whole numbers; fixed axes keep their bounds")
    func integerAndFixed() {
        let meetings = AxisScale.nice(0, 3, maxTicks: 8, integer: true)
        #expect(meetings.ticks == [0, 1, 2, 3])
        let share = AxisScale.fixed(0, 1)
        #expect(share.lower == 0 && share.upper == 1)
        #expect(share.ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
    }

    @Test("logarithmic axes tick at 1-2-5 numbers and include 1")
    func logarithmic() {
        let scale = AxisScale.logarithmic(0.4, 3.5)
        #expect(scale.ticks.contains(1))
        #expect(scale.ticks.allSatisfy { [0.5, 1, 2, 3, 1.5, 0.7].contains($0) })
        #expect(scale.position(1, from: 0, to: 100) > 0 && scale.position(1, from: 0, to: 100) < 100)
    }

    @Test("value and tick labels in both languages")
    func formats() {
        #expect(ChartValueFormat.percent(digits: 1).label(0.4416, .it) == "44,2%")
        #expect(ChartValueFormat.percent(digits: 1).label(0.4416, .en) == "44.2%")
        #expect(ChartValueFormat.percent(digits: 0).tick(0.25, step: 0.05, .it) == "25%")
        #expect(ChartValueFormat.percent(digits: 0).tick(0.025, step: 0.005, .it) == "2,5%")
        #expect(ChartValueFormat.number(digits: 2).tick(-0.1, step: 0.1, .it) == "\u{2212}0,1")
        #expect(ChartValueFormat.number(digits: 2).label(-0.001, .en) == "0.00")
        #expect(ChartValueFormat.integer.label(1234, .it) == "1.234")
        #expect(SVGWriter.number(1.005) == "1")  // 1.005 is 1.00499999999999989… in binary
        #expect(SVGWriter.number(1.0051) == "1.01")
        #expect(SVGWriter.number(-0.001) == "0")
        #expect(SVGWriter.number(12.5) == "12.5")
        #expect(SVGWriter.number(-3.25) == "-3.25")
        #expect(SVGWriter.number(.nan) == "0")
    }
}
