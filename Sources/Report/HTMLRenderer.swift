import Foundation
import Plot

/// Renders a `ReportDocument` (the model the Markdown renderer reads) as one
/// self-contained HTML page that a funder opens in any browser and prints to
/// PDF: UTF-8, `lang` from the report language, figures inlined as SVG, an
/// embedded style sheet with an A4 print style (sections flow on, nothing split inside a row or figure,
/// tables kept whole where they fit, header rows repeated, page numbers), no
/// scripts and no external files.
///
/// The `--no-suppress` stamp (a paragraph opening with **NOT FOR
/// DISTRIBUTION** or **NON DIFFONDERE**) is shown as a red box at the top and
/// printed in the top margin of every page.
///
/// All document text is escaped here rather than with Plot's `.text`, which
/// leaves anything that looks like an entity (`&lt;`) alone: the page must
/// show a cell's text exactly as the CSV holds it.
public struct HTMLRenderer: Sendable {
    public var language: ReportLanguage
    /// SVG text by figure file, as the figure blocks name them
    /// (`figures/retention.svg`; a bare file name matches too).
    public var figures: [String: String]

    public init(language: ReportLanguage, figures: [String: String] = [:]) {
        self.language = language
        self.figures = figures
    }

    typealias Body = Node<HTML.BodyContext>

    public func render(_ document: ReportDocument) -> String {
        let stamp = document.blocks.lazy.compactMap { block -> String? in
            guard case .paragraph(let text) = block, Self.isStamp(text) else { return nil }
            return InlineMarkdown.plainText(text)
        }.first
        let html = HTML(
            .lang(language == .it ? .italian : .english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", nodes: [.raw(Self.escape(document.title))]),
                .style(Self.stylesheet(title: document.title, stamp: stamp, language: language))
            ),
            .body(
                .raw("\n"),
                .element(
                    named: "main", nodes: [.raw("\n"), .h1(.raw(Self.escape(document.title))), .raw("\n")] + sections(document.blocks))
            )
        )
        return html.render() + "\n"
    }

    // MARK: Structure

    /// Blocks before the first level-2 heading, then one `<section>` per
    /// level-2 heading (the print style starts each on a new page).
    func sections(_ blocks: [ReportDocument.Block]) -> [Body] {
        var out: [Body] = []
        var current: [Body]?
        func close() {
            if let nodes = current { out.append(.section(.group([.raw("\n")] + nodes))) }
            current = nil
            out.append(.raw("\n"))
        }
        for block in blocks {
            if case .heading(let level, _) = block, level <= 2 {
                close()
                current = []
            }
            let nodes = render(block) + [.raw("\n")]
            if current != nil { current?.append(contentsOf: nodes) } else { out.append(contentsOf: nodes) }
        }
        close()
        return out
    }

    func render(_ block: ReportDocument.Block) -> [Body] {
        switch block {
        case .heading(let level, let text):
            let content = Body.raw(Self.escape(text))
            switch min(max(level, 2), 6) {
            case 2: return [.h2(content)]
            case 3: return [.h3(content)]
            case 4: return [.h4(content)]
            case 5: return [.h5(content)]
            default: return [.h6(content)]
            }
        case .paragraph(let text):
            if Self.isStamp(text) { return [.p(.class("stamp"), .attribute(named: "role", value: "note"), inline(text))] }
            return [.p(inline(text))]
        case .bullets(let items):
            return [.ul(.group(items.map { .li(inline($0)) }))]
        case .keyFigures(let items):
            return [.ul(.class("key-figures"), .group(items.map { .li(inline($0)) }))]
        case .table(let table):
            return [render(table)]
        case .figure(let file, let caption):
            return [figure(file: file, caption: caption)]
        }
    }

    /// `**bold**` and `` `code` `` as elements, everything else escaped.
    func inline(_ text: String) -> Body {
        func nodes(_ runs: [InlineMarkdown.Run]) -> [Body] {
            runs.map { run in
                switch run {
                case .text(let s): return .raw(Self.escape(s))
                case .code(let s): return .code(.raw(Self.escape(s)))
                case .strong(let inner): return .strong(.group(nodes(inner)))
                }
            }
        }
        return .group(nodes(InlineMarkdown.parse(text)))
    }

    func render(_ table: ReportTable) -> Body {
        let size = table.columns.count >= 8 ? ["wide"] : table.columns.count <= 3 ? ["narrow"] : []
        let classes = ["report-table"] + size
        func cellClass(_ column: Int, _ text: String) -> String? {
            if table.numeric.contains(column) { return "num" }
            // Intervals and counts written as text ("3.12 – 6.44", "31 / 47 / 6") and short
            // single tokens (a timestamp, a file name) stay on one line.
            if text.count <= 40 && !text.contains(where: \.isLetter) { return "nowrap" }
            if text.count <= 24 && !text.contains(" ") { return "nowrap" }
            // A long unbroken token (a SHA-256) may break anywhere rather than overflow the page.
            return text.split(separator: " ").contains(where: { $0.count > 24 }) ? "token" : nil
        }
        let header = Node<HTML.TableContext>.thead(
            .tr(
                .group(
                    table.columns.enumerated().map { j, column in
                        .th(
                            .attribute(named: "scope", value: "col"),
                            .if(table.numeric.contains(j), .class("num")),
                            .raw(Self.escape(column.label)))
                    })))
        let rows = table.rows.map { row -> Node<HTML.TableContext> in
            .tr(
                .group(
                    row.enumerated().map { j, cell in
                        .td(.unwrap(cellClass(j, cell.display)) { .class($0) }, .raw(Self.escape(cell.display)))
                    }))
        }
        // In print a short table is kept whole; a long one flows on, its header
        // repeated, rather than leaving most of a page empty before it.
        return .div(
            .class(table.rows.count > Self.longTableRows ? "table-block long" : "table-block"),
            .table(
                .class(classes.joined(separator: " ")),
                .caption(.raw(Self.escape(table.caption))),
                header,
                .tbody(.group(rows))
            ),
            .unwrap(table.footnote) { note in .p(.class("table-note"), inline(note)) }
        )
    }

    func figure(file: String, caption: String) -> Body {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let svg = figures[file] ?? figures[name] ?? figures["figures/" + name]
        let picture: Body
        if let svg {
            picture = .raw(Self.inlineSVG(svg))
        } else {
            picture = .p(
                .class("missing"),
                .raw(Self.escape(language.text("html.figure_not_available") + file)))
        }
        // The drawing carries its own title and description: a caption would repeat it.
        let tall = svg.flatMap(Self.svgHeight).map { $0 > Self.tallFigureHeight } ?? false
        return .element(
            named: "figure", nodes: [.class(tall ? "chart tall" : "chart"), .attribute(named: "aria-label", value: caption), picture])
    }

    /// Rows above which a table may break across printed pages.
    static let longTableRows = 20

    /// The height (CSS px) above which the print style's 95 mm cap on figures
    /// (359 px) would shrink a drawing's text below 80%: such a figure (a
    /// forest plot of many outcomes and levels) prints at its own size, up to
    /// a page, instead.
    static let tallFigureHeight = 449.0

    /// The `height` attribute of the root `<svg>` element, in px.
    static func svgHeight(_ svg: String) -> Double? {
        guard let start = svg.range(of: "<svg"), let end = svg[start.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = svg[start.upperBound..<end]
        guard let attribute = tag.range(of: " height=\"") else { return nil }
        let value = tag[attribute.upperBound...].prefix { $0 != "\"" }
        return Double(value)
    }

    // MARK: Text

    /// Whether a paragraph is the `--no-suppress` stamp.
    static func isStamp(_ text: String) -> Bool {
        UnsuppressedStamp.matches(text)
    }

    /// HTML text and attribute escaping (`&`, `<`, `>`, quotes); characters
    /// HTML forbids (C0 controls other than whitespace) are dropped.
    static func escape(_ text: String) -> String { SVGWriter.escape(text) }

    /// An SVG document as an element to inline: any XML declaration or
    /// doctype before `<svg` is dropped.
    static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        var body = String(svg[start.lowerBound...])
        while body.hasSuffix("\n") { body.removeLast() }
        return body
    }
}
