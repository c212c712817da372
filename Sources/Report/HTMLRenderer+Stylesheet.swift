extension HTMLRenderer {
    /// The embedded style sheet: a readable page on screen and, in print, A4
    /// with page numbers, the report title in the footer, the stamp (when
    /// given) in the header of every page, sections flowing on (no forced
    /// break, so no page is left mostly empty), tables of up to 20 rows and
    /// figures kept whole where they fit, longer tables flowing on with their
    /// headers repeated on continuation pages, figures at most 95 mm tall
    /// unless that would shrink their text below 80% (then up to a page),
    /// headings kept with what follows.
    static func stylesheet(title: String, stamp: String?, language: ReportLanguage) -> String {
        let pageWord = language.text("html.page")
        let ofWord = language.text("html.of")
        var css = baseStyle
        css += """

            @page {
              size: A4;
              margin: 20mm 16mm 18mm 16mm;
              @bottom-left { content: \(cssString(title)); font: 7.5pt \(fontStack); color: #666; }
              @bottom-right { content: \(cssString(pageWord + " ")) counter(page) \(cssString(" " + ofWord + " ")) counter(pages); font: 7.5pt \(fontStack); color: #666; }
            """
        if let stamp {
            css += """

                  @top-center { content: \(cssString(stamp)); font: bold 9pt \(fontStack); color: #b00020; }
                """
        }
        css += "\n}\n" + printStyle
        return "\n" + css
    }

    static let fontStack = "\"Helvetica Neue\", Helvetica, Arial, \"Liberation Sans\", \"DejaVu Sans\", sans-serif"

    static var baseStyle: String {
        """
        :root { color-scheme: light; }
        html { -webkit-text-size-adjust: 100%; }
        body {
          margin: 0 auto; padding: 24px 28px 48px; max-width: 900px;
          font: 15px/1.5 \(fontStack); color: #1a1a1a; background: #fff;
        }
        h1 { font-size: 1.75em; line-height: 1.2; margin: 0 0 0.8em; padding-bottom: 0.3em; border-bottom: 2px solid #1f3b63; color: #1f3b63; }
        h2 { font-size: 1.3em; margin: 1.8em 0 0.6em; color: #1f3b63; }
        h3 { font-size: 1.1em; margin: 1.4em 0 0.5em; }
        h4, h5, h6 { font-size: 1em; margin: 1.2em 0 0.4em; }
        p, ul { margin: 0 0 0.8em; }
        li { margin: 0.25em 0; }
        code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.88em; background: #f1f1f1; padding: 0 0.2em; border-radius: 2px; }
        .stamp { border: 2px solid #b00020; background: #fff0f2; color: #b00020; padding: 0.6em 0.8em; font-size: 1.05em; }
        .stamp code { background: transparent; color: inherit; }
        .table-block { margin: 1em 0 1.4em; overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: 0.9em; line-height: 1.35; }
        table.wide { font-size: 0.72em; }
        caption { caption-side: top; text-align: left; font-weight: 600; padding: 0 0 0.4em; }
        th, td { padding: 0.3em 0.5em; vertical-align: top; text-align: left; }
        thead th { vertical-align: bottom; border-bottom: 1.5px solid #1a1a1a; font-weight: 600; }
        tbody td { border-bottom: 0.5px solid #c8c8c8; }
        tbody tr:nth-child(even) { background: #f6f6f6; }
        table.narrow { width: auto; min-width: 60%; }
        .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        thead th.num { white-space: normal; }
        td.nowrap { white-space: nowrap; }
        td.token { word-break: break-all; font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
        figure.chart { margin: 1.2em 0 1.6em; }
        figure.chart svg { display: block; max-width: 100%; height: auto; }
        .table-note { font-size: 0.85em; color: #444; margin: 0.3em 0 0; }
        figcaption { font-size: 0.88em; color: #444; margin-top: 0.4em; }
        .missing { color: #b00020; font-style: italic; }
        ul.key-figures { list-style: none; padding: 0.8em 1em; margin: 0 0 1.2em; border-left: 4px solid #1f3b63; background: #f2f5fa; }
        ul.key-figures li { margin: 0.45em 0; font-size: 1.05em; }
        """
    }

    static var printStyle: String {
        """
        @media print {
          html, body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; line-height: 1.4; }
          h1 { font-size: 18pt; }
          h2 { font-size: 13pt; margin-top: 0; }
          h2, h3, h4, caption { break-after: avoid; }
          h2 { break-before: auto; padding-top: 0.6em; }
          ul.key-figures { break-inside: avoid; }
          p, li { orphans: 3; widows: 3; }
          .table-block { overflow: visible; break-inside: avoid; }
          .table-block.long { break-inside: auto; }
          table { font-size: 8.5pt; }
          table.wide { font-size: 7pt; }
          th, td { padding: 0.25em 0.4em; }
          thead { display: table-header-group; }
          tr, figure.chart { break-inside: avoid; }
          figure.chart svg { max-height: 95mm; margin: 0 auto; }
          figure.chart.tall svg { max-height: 245mm; }
          figure.chart { break-inside: avoid; margin: 0.6em 0 1em; }
        }
        """
    }

    /// A quoted CSS string: quotes and backslashes escaped, `<` written as
    /// an escape so that no text can close the `<style>` element.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "<": out += "\\3C "
            case "\n", "\r": out += "\\A "
            default:
                if scalar.value < 0x20 { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
