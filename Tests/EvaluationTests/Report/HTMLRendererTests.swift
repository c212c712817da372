import Evaluation
import Foundation
import Testing

@testable import Report

@Suite("HTML report")
struct HTMLRendererTests {
    func page(_ language: ReportLanguage, stamped: Bool = true) -> String {
        let figures = ReportSamples.figures(language)
        var inline: [String: String] = [:]
        for f in figures { inline[f.path] = f.svg }
        return HTMLRenderer(language: language, figures: inline).render(ReportSamples.document(language, stamped: stamped))
    }

    @Test("one self-contained page: doctype, lang, charset, inline SVG, no scripts or remote files")
    func selfContained() {
        for language in ReportLanguage.allCases {
            let html = page(language)
            #expect(html.hasPrefix("<!DOCTYPE html><html lang=\"\(language.rawValue)\">"))
            #expect(html.contains("<meta charset=\"UTF-8\"/>"))
            #expect(html.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\"").count - 1 == 5)
            #expect(!html.lowercased().contains("<script"))
            #expect(
                !html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("@import") && !html.contains("url(http"))
            #expect(!html.contains("<img") && !html.contains("<link"))
        }
    }

    @Test("the page parses as XML (well-formed), ids are unique")
    func wellFormed() {
        for language in ReportLanguage.allCases {
            let xml = XMLCheck.parse(page(language))
            #expect(xml.isWellFormed, "\(String(describing: xml.error))")
            let ids = xml.attributes.compactMap { $0["id"] }
            #expect(Set(ids).count == ids.count)
            #expect(xml.elements.filter { $0 == "section" }.count == 7)
            #expect(xml.elements.filter { $0 == "table" }.count == 4)
        }
    }

    @Test("table cells are escaped, never markup")
    func escapesCells() {
        let html = page(.en)
        #expect(html.contains(">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;</td>"))
        #expect(!html.contains("<script>") && !html.contains("<b>bold"))
        let tricky = ReportDocument(title: "A <title> & \"quotes\"", blocks: [.paragraph("x &lt; y and **<i>**")])
        let out = HTMLRenderer(language: .en).render(tricky)
        #expect(out.contains("<title>A &lt;title&gt; &amp; &quot;quotes&quot;</title>"))
        #expect(out.contains("<p>x &amp;lt; y and <strong>&lt;i&gt;</strong></p>"))
    }

    @Test("numeric columns are right-aligned, text columns are not")
    func numericColumns() {
        let html = page(.en)
        #expect(html.contains("<th scope=\"col\" class=\"num\">Count</th>"))
        #expect(html.contains("<td class=\"num\">1,234</td>"))
        #expect(html.contains("<td>Meetings held in the period</td>"))
        #expect(html.contains("<td class=\"nowrap\">64.4% – 79.2%</td>"))
        #expect(html.contains("<td class=\"nowrap\">2016-07-02T09:14:00Z</td>"))
        #expect(html.contains(".num { text-align: right;"))
        #expect(html.contains("<table class=\"report-table wide\">"))
        #expect(html.contains("<td class=\"token\">9f86d081"))
    }

    @Test("the no-suppress stamp is a banner and is printed on every page")
    func stamp() {
        let en = page(.en)
        #expect(en.contains("<p class=\"stamp\" role=\"note\"><strong>NOT FOR DISTRIBUTION"))
        #expect(en.contains("@top-center { content: \"NOT FOR DISTRIBUTION — small counts are not suppressed (--no-suppress).\""))
        let it = page(.it)
        #expect(it.contains("@top-center { content: \"NON DIFFONDERE"))
        #expect(!page(.en, stamped: false).contains("@top-center"))
    }

    @Test("print style: A4, sections flow on (no forced break), header rows repeated")
    func printStyle() {
        let html = page(.it)
        #expect(html.contains("size: A4;"))
        #expect(!html.contains("break-before: page"))
        #expect(html.contains("thead { display: table-header-group; }"))
        #expect(html.contains(".table-block { overflow: visible; break-inside: avoid; }"))
        #expect(html.contains("\"Pagina \" counter(page) \" di \" counter(pages)"))
    }

    @Test("print: a table of up to 20 rows is kept whole, a longer one flows on across pages")
    func longTables() {
        func html(rows: Int) -> String {
            let table = ReportTable(
                id: "t", caption: "c", columns: [.init("a", key: "a")], rows: Array(repeating: [.text("x")], count: rows))
            return HTMLRenderer(language: .en).render(ReportDocument(title: "t", blocks: [.table(table)]))
        }
        #expect(html(rows: 20).contains("<div class=\"table-block\">"))
        #expect(html(rows: 21).contains("<div class=\"table-block long\">"))
        #expect(html(rows: 21).contains(".table-block.long { break-inside: auto; }"))
    }

    @Test("print: a figure that the 95 mm cap would shrink below 80% (a long forest plot) prints at its own size")
    func tallFigures() {
        func html(height: Double) -> String {
            let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 \(height)\" width=\"640\" height=\"\(height)\"></svg>"
            return HTMLRenderer(language: .en, figures: ["x.svg": svg]).render(
                ReportDocument(title: "t", blocks: [.figure(file: "figures/x.svg", caption: "c")]))
        }
        #expect(html(height: 426.3).contains("<figure class=\"chart\" "))
        #expect(html(height: 556.7).contains("<figure class=\"chart tall\" "))
        #expect(html(height: 556.7).contains("figure.chart.tall svg { max-height: 245mm; }"))
        #expect(HTMLRenderer.svgHeight("<svg width=\"640\" height=\"844.4\"><rect height=\"3\"/></svg>") == 844.4)
        #expect(HTMLRenderer.svgHeight("<svg viewBox=\"0 0 1 1\"></svg>") == nil)
    }

    @Test("inline Markdown: bold and code, unmatched markers kept as text")
    func inlineMarkdown() {
        let html = HTMLRenderer(language: .en).render(
            ReportDocument(
                title: "t",
                blocks: [
                    .paragraph("**60** of 137; see `tables/a.csv` and `**not bold**`; 2 * 3 ** 4 and a lone `tick"),
                    .bullets(["**b**"]),
                ]))
        #expect(
            html.contains(
                "<p><strong>60</strong> of 137; see <code>tables/a.csv</code> and <code>**not bold**</code>; 2 * 3 ** 4 and a lone `tick</p>"
            ))
        #expect(html.contains("<li><strong>b</strong></li>"))
        #expect(InlineMarkdown.parse("**a `b` c**") == [.strong([.text("a "), .code("b"), .text(" c")])])
        #expect(InlineMarkdown.plainText("**NOT FOR DISTRIBUTION (`--no-suppress`).**") == "NOT FOR DISTRIBUTION (--no-suppress).")
        #expect(InlineMarkdown.parse("****") == [.text("****")])
    }

    @Test("a figure whose SVG is missing is named, not dropped")
    func missingFigure() {
        let html = HTMLRenderer(language: .it).render(
            ReportDocument(title: "t", blocks: [.figure(file: "figures/x.svg", caption: "Figura 1")]))
        #expect(html.contains("Figura non disponibile: figures/x.svg"))
        #expect(html.contains("aria-label=\"Figura 1\""))
        #expect(!html.contains("<figcaption>"))
    }

    @Test("figures are found by path or by bare file name")
    func figureLookup() {
        let svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><title>x</title></svg>\n"
        let html = HTMLRenderer(language: .en, figures: ["x.svg": svg]).render(
            ReportDocument(title: "t", blocks: [.figure(file: "figures/x.svg", caption: "c")]))
        #expect(
            html.contains(
                "<figure class=\"chart\" aria-label=\"c\"><svg xmlns=\"http://www.w3.org/2000/svg\"><title>x</title></svg></figure>"
            ))
        #expect(!html.contains("<?xml"))
    }

    @Test("the writer emits report.html and figures beside the Markdown, the old call is unchanged")
    func writerFiles() throws {
        let document = ReportSamples.document(.en)
        let figures = ReportSamples.figures(.en)
        let writer = ReportWriter()
        let old = try writer.files(document: document, summary: .object([]))
        #expect(!old.map(\.0).contains("report.html"))
        let files = try writer.files(document: document, summary: .object([]), language: .en, figures: figures)
        let paths = files.map(\.0)
        #expect(paths.first == "report.md" && paths[1] == "report.html" && paths.last == "summary.json")
        #expect(paths.filter { $0.hasPrefix("figures/") } == figures.map(\.path))
        #expect(Set(old.map(\.0)).isSubset(of: Set(paths)))
        let html = try #require(files.first { $0.0 == "report.html" }.map { String(decoding: $0.1, as: UTF8.self) })
        #expect(html.contains("<svg"))
        let markdown = try #require(files.first { $0.0 == "report.md" }.map { String(decoding: $0.1, as: UTF8.self) })
        #expect(markdown.contains("](figures/time_to_job.svg)"))
    }

    /// Writes the sample report (English and Italian, stamped) for a look in
    /// a browser: `EVALRUN_RENDER_SAMPLE=/tmp/sample swift test --filter sampleReport`,
    /// then `scripts/render-check.sh /tmp/sample/en`.
    @Test("sample report for a visual check")
    func sampleReport() throws {
        guard let directory = ProcessInfo.processInfo.environment["EVALRUN_RENDER_SAMPLE"], !directory.isEmpty else { return }
        for language in ReportLanguage.allCases {
            let files = try ReportWriter().files(
                document: ReportSamples.document(language), summary: .object([]), language: language,
                figures: ReportSamples.figures(language))
            try OutputFolder(directory + "/" + language.rawValue, command: "sample").write(files)
            let edge = try ReportWriter().files(
                document: ReportSamples.edgeDocument(language), summary: .object([]), language: language,
                figures: ReportSamples.edgeFigures(language))
            try OutputFolder(directory + "/edge-" + language.rawValue, command: "sample").write(edge)
        }
    }
}
