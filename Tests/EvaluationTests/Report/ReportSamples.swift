import Evaluation
import Foundation

@testable import Report

/// Charts and a report document shaped like the funder report, for the
/// rendering tests and for looking at the output in a browser.
enum ReportSamples {
    typealias Point = StepCurveChart.Point

    static func retention(_ l: ReportLanguage) -> StepCurveChart {
        let shares = [1.0, 0.97, 0.94, 0.92, 0.88, 0.86, 0.83, 0.81, 0.80, 0.77, 0.75, 0.74]
        return StepCurveChart(
            id: "retention_curve",
            labels: ChartLabels(
                title: l.t("Retention over the meetings", "Permanenza nel corso degli incontri"),
                subtitle: l.t(
                    "Participants still attending, by meeting number (n = 137)",
                    "Partecipanti ancora presenti, per numero di incontro (n = 137)"),
                xAxis: l.t("Meeting number", "Numero dell'incontro"),
                yAxis: l.t("Share still attending", "Quota ancora presente")),
            series: [
                StepCurveChart.Series(
                    name: l.t("All groups", "Tutti i gruppi"),
                    steps: shares.enumerated().map { Point(x: Double($0.offset + 1), y: $0.element) }, end: 12)
            ],
            xFormat: .integer)
    }

    static func timeToJob(_ l: ReportLanguage) -> StepCurveChart {
        let times = [0.0, 0.7, 1.2, 1.9, 2.5, 3.1, 3.8, 4.6, 5.2, 6.0, 7.1, 8.4, 9.9]
        let employed = [0.0, 0.03, 0.07, 0.11, 0.16, 0.21, 0.25, 0.29, 0.33, 0.36, 0.39, 0.42, 0.44]
        let steps = zip(times, employed).map { Point(x: $0, y: $1) }
        let lower = steps.map { Point(x: $0.x, y: max(0, $0.y - 0.04 - $0.y * 0.18)) }
        let upper = steps.map { Point(x: $0.x, y: min(1, $0.y + 0.04 + $0.y * 0.18)) }
        let retainedSteps = zip(times, employed).map { Point(x: $0, y: min(1, $1 * 1.25)) }
        return StepCurveChart(
            id: "time_to_job",
            labels: ChartLabels(
                title: l.t("Time to first job", "Tempo al primo lavoro"),
                subtitle: l.t(
                    "Kaplan–Meier estimate of the share with a first work experience",
                    "Stima di Kaplan–Meier della quota con una prima esperienza di lavoro"),
                xAxis: l.t("Months since enrolment", "Mesi dall'iscrizione"),
                yAxis: l.t("Share employed", "Quota occupata"),
                description: l.t("Cumulative share employed, 1 − S(t).", "Quota cumulata occupata, 1 − S(t).")),
            series: [
                StepCurveChart.Series(
                    name: l.t("All enrolled", "Tutti gli iscritti"), steps: steps, end: 12,
                    band: StepCurveChart.Band(lower: lower, upper: upper), censored: [2.2, 5.5, 9.0, 11.4]),
                StepCurveChart.Series(name: l.t("Retained", "Trattenuti"), steps: retainedSteps, end: 11),
            ],
            xFormat: .number(digits: 0), yDomain: 0...0.8)
    }

    static func wellbeing(_ l: ReportLanguage) -> BeforeAfterChart {
        BeforeAfterChart(
            id: "wellbeing",
            labels: ChartLabels(
                title: l.t("Wellbeing before and after", "Benessere prima e dopo"),
                subtitle: l.t("Mean scores of people with both questionnaires", "Punteggi medi di chi ha entrambi i questionari"),
                yAxis: l.t("Mean score (points)", "Punteggio medio (punti)")),
            items: [
                .init(
                    instrument: "WEMWBS", comparison: l.t("baseline → end", "ingresso → fine"), beforeLabel: l.t("baseline", "ingresso"),
                    afterLabel: l.t("end", "fine"), n: 84, before: ChartEstimate(41.27, lower: 39.8, upper: 42.7),
                    after: ChartEstimate(46.05, lower: 44.6, upper: 47.5)),
                .init(
                    instrument: "WEMWBS", comparison: l.t("baseline → follow-up", "ingresso → follow-up"),
                    beforeLabel: l.t("baseline", "ingresso"),
                    afterLabel: "follow-up", n: 52, before: ChartEstimate(41.9, lower: 40.1, upper: 43.7),
                    after: ChartEstimate(44.2, lower: 42.2, upper: 46.2)),
                .init(
                    instrument: "GAD-7", comparison: l.t("baseline → end", "ingresso → fine"), beforeLabel: l.t("baseline", "ingresso"),
                    afterLabel: l.t("end", "fine"), n: nil, before: nil, after: nil),
            ])
    }

    static func byType(_ l: ReportLanguage) -> BarChart {
        BarChart(
            id: "reemployment_by_type",
            labels: ChartLabels(
                title: l.t("Re-employment by type of work", "Inserimento lavorativo per tipo"),
                subtitle: l.t(
                    "Share of all 137 enrolled, each person counted once by their best event",
                    "Quota di tutti i 137 iscritti, ognuno contato una volta per il suo esito migliore"),
                xAxis: l.t("Share of enrolled", "Quota degli iscritti")),
            bars: [
                .init(label: l.t("Traineeship", "Tirocinio"), value: 18.0 / 137),
                .init(label: l.t("Fixed-term contract", "Contratto a tempo determinato"), value: 30.0 / 137),
                .init(label: l.t("Permanent contract", "Contratto a tempo indeterminato"), value: 12.0 / 137),
                .init(label: l.t("Self-employment", "Lavoro autonomo"), value: nil),
            ])
    }

    static func comparison(_ l: ReportLanguage) -> ForestPlot {
        ForestPlot(
            id: "compare_composition",
            labels: ChartLabels(
                title: l.t("Homogeneous vs heterogeneous groups", "Gruppi omogenei e eterogenei"),
                subtitle: l.t(
                    "Differences with cluster-robust (CR2) 95% intervals", "Differenze con intervalli al 95% robusti per gruppo (CR2)"),
                xAxis: l.t("Difference in proportion (homogeneous − heterogeneous)", "Differenza di proporzione (omogenei − eterogenei)")),
            rows: [
                .init(label: l.t("Re-employed", "Inseriti"), estimate: ChartEstimate(0.074, lower: -0.061, upper: 0.209), note: "n = 137"),
                .init(label: l.t("Retained", "Trattenuti"), estimate: ChartEstimate(0.121, lower: 0.012, upper: 0.23), note: "n = 137"),
                .init(
                    label: l.t("Attendance rate", "Tasso di frequenza"), estimate: ChartEstimate(0.043, lower: -0.02, upper: 0.106),
                    note: "n = 137"),
                .init(
                    label: l.t("Wellbeing change: WEMWBS", "Cambiamento nel benessere: WEMWBS"), estimate: nil, note: "n <5",
                    missingText: "<5"),
            ],
            reference: 0, valueFormat: .number(digits: 3),
            lowerDirection: l.t("heterogeneous better", "meglio eterogenei"),
            upperDirection: l.t("homogeneous better", "meglio omogenei"))
    }

    static func figures(_ l: ReportLanguage) -> [ReportFigure] {
        let charts: [(any ReportChart, String)] = [
            (
                retention(l),
                l.t(
                    "Figure 1. Share of participants still attending at each meeting.",
                    "Figura 1. Quota di partecipanti ancora presenti a ogni incontro.")
            ),
            (
                timeToJob(l),
                l.t(
                    "Figure 2. Time to first job (Kaplan–Meier, 95% band).", "Figura 2. Tempo al primo lavoro (Kaplan–Meier, banda al 95%)."
                )
            ),
            (wellbeing(l), l.t("Figure 3. Wellbeing at baseline and later.", "Figura 3. Benessere all'ingresso e dopo.")),
            (byType(l), l.t("Figure 4. Re-employment by type.", "Figura 4. Inserimento per tipo.")),
            (comparison(l), l.t("Figure 5. Comparison of group compositions.", "Figura 5. Confronto tra composizioni dei gruppi.")),
        ]
        return charts.map { ReportFigure(chart: $0.0, caption: $0.1, language: l) }
    }

    /// A document with every kind of block, the stamp, a wide table, a long
    /// hash and a cell that tries to inject markup.
    static func document(_ l: ReportLanguage, stamped: Bool = true) -> ReportDocument {
        let figures = figures(l)
        typealias Cell = ReportTable.Cell
        var blocks: [ReportDocument.Block] = []
        if stamped {
            blocks.append(
                .paragraph(
                    l.t(
                        "**NOT FOR DISTRIBUTION — small counts are not suppressed (`--no-suppress`).**",
                        "**NON DIFFONDERE — i conteggi piccoli non sono oscurati (`--no-suppress`).**")))
        }
        blocks.append(
            .paragraph(
                l.t(
                    "Period: 2016-04-01 to 2016-06-30. Activity figures count what happened inside the period; outcome figures cover everyone enrolled by 2016-06-30.",
                    "Periodo: dal 2016-04-01 al 2016-06-30. Le cifre di attività contano ciò che è accaduto nel periodo; gli esiti riguardano tutti gli iscritti entro il 2016-06-30."
                )))
        blocks.append(.heading(level: 2, text: l.t("Reach", "Partecipazione")))
        blocks.append(
            .table(
                ReportTable(
                    id: "reach", caption: l.t("Activity in the period", "Attività nel periodo"),
                    columns: Self.columns([l.t("Indicator", "Indicatore"), l.t("Count", "Numero")], numeric: [1]),
                    rows: [
                        [.text(l.t("Groups active", "Gruppi attivi")), Cell("8", csv: .integer(8))],
                        [
                            .text(l.t("Meetings held in the period", "Incontri svolti nel periodo")),
                            Cell(l.count(1234), csv: .integer(1234)),
                        ],
                        [.text("<script>alert(1)</script> & <b>bold</b>"), Cell("<5", csv: .text("<5"))],
                    ])))
        blocks.append(.heading(level: 2, text: l.t("Attendance and retention", "Frequenza e permanenza")))
        blocks.append(
            .table(
                ReportTable(
                    id: "retention", caption: l.t("Retention: attendance rate > 75.0%", "Permanenza: tasso di frequenza > 75,0%"),
                    columns: Self.columns(
                        [
                            l.t("Indicator", "Indicatore"), l.t("Numerator", "Numeratore"), l.t("Denominator", "Denominatore"),
                            l.t("Rate", "Tasso"), l.t("95% CI (Wilson)", "IC 95% (Wilson)"), l.t("Definition", "Definizione"),
                        ], numeric: [1, 2, 3]),
                    rows: [
                        [
                            .text(l.t("Retained", "Trattenuti")), Cell("99", csv: .integer(99)), Cell("137", csv: .integer(137)),
                            Cell(l.percent(99.0 / 137), csv: .number(99.0 / 137, digits: 6)),
                            .text("\(l.percent(0.644)) – \(l.percent(0.792))"),
                            .text(
                                l.t(
                                    "attendance rate above 75% of meetings held since enrolment",
                                    "tasso di frequenza sopra il 75% degli incontri svolti dall'iscrizione")),
                        ]
                    ])))
        blocks.append(figures[0].block)
        blocks.append(.heading(level: 2, text: l.t("Re-employment", "Inserimento lavorativo")))
        blocks.append(
            .paragraph(
                l.t(
                    "**60** of 137 enrolled (43.8%) had a work experience; see `tables/reemployment.csv`.",
                    "**60** su 137 iscritti (43,8%) hanno avuto un'esperienza di lavoro; vedi `tables/reemployment.csv`.")))
        blocks.append(figures[1].block)
        blocks.append(figures[3].block)
        blocks.append(.heading(level: 2, text: l.t("Wellbeing change", "Cambiamento nel benessere")))
        let wideColumns = [
            l.t("Instrument", "Strumento"), l.t("Wave", "Rilevazione"), l.t("Pairs", "Coppie"),
            l.t("Mean at baseline", "Media all'ingresso"), l.t("Mean at wave", "Media alla rilevazione"),
            l.t("Mean change", "Cambiamento medio"), l.t("95% CI (t)", "IC 95% (t)"),
            l.t("p (paired t)", "p (t appaiato)"), l.t("p (Wilcoxon)", "p (Wilcoxon)"),
            "d_z", l.t("d_z 95% CI", "IC 95% d_z"), "g_av", l.t("α at baseline", "α all'ingresso"),
            l.t("Reliably improved / no change / deteriorated", "Miglioramento affidabile / nessun cambiamento / peggioramento"),
        ]
        let wideRow: [Cell] = [
            .text("WEMWBS"), .text(l.t("end", "fine")), Cell("84", csv: .integer(84)),
            Cell(l.number(41.27), csv: .number(41.27, digits: 6)),
            Cell(l.number(46.05), csv: .number(46.05, digits: 6)), Cell(l.number(4.78), csv: .number(4.78, digits: 6)),
            .text("\(l.number(3.12)) – \(l.number(6.44))"), Cell("<" + l.number(0.001, digits: 3), csv: .number(0.00001, digits: 8)),
            Cell("<" + l.number(0.001, digits: 3), csv: .number(0.00002, digits: 8)), Cell(l.number(0.62), csv: .number(0.62, digits: 6)),
            .text("\(l.number(0.38)) – \(l.number(0.85))"), Cell(l.number(0.55), csv: .number(0.55, digits: 6)),
            Cell(l.number(0.89), csv: .number(0.89, digits: 6)), .text("31 / 47 / 6"),
        ]
        blocks.append(
            .table(
                ReportTable(
                    id: "wellbeing",
                    caption: l.t(
                        "Change from baseline among people with both questionnaires",
                        "Cambiamento dall'ingresso tra chi ha entrambi i questionari"),
                    columns: Self.columns(wideColumns, numeric: [2, 3, 4, 5, 7, 8, 9, 11, 12]), rows: [wideRow, wideRow])))
        blocks.append(figures[2].block)
        blocks.append(.heading(level: 2, text: l.t("Comparison", "Confronto")))
        blocks.append(figures[4].block)
        blocks.append(.heading(level: 2, text: l.t("Definitions and method", "Definizioni e metodo")))
        blocks.append(
            .bullets([
                l.t("Attendance rate: meetings attended ÷ meetings held.", "Tasso di frequenza: incontri frequentati ÷ incontri svolti."),
                l.t(
                    "Intervals for rates are Wilson score 95% intervals; see **Wilson (1927)**.",
                    "Gli intervalli dei tassi sono intervalli di Wilson al 95%; vedi **Wilson (1927)**."),
            ]))
        blocks.append(.heading(level: 2, text: l.t("Data provenance", "Provenienza dei dati")))
        let provenanceRows: [[Cell]] = ["attendance", "participants", "outcomes", "questionnaires"].map { kind in
            [
                .text(kind), .text("\(kind).csv"), .text("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                Cell("1,204", csv: .integer(1204)), .text("2016-07-02T09:14:00Z"),
            ]
        }
        blocks.append(
            .table(
                ReportTable(
                    id: "provenance", caption: l.t("Imported files", "File importati"),
                    columns: Self.columns(
                        [l.t("Kind", "Tipo"), "File", "SHA-256", l.t("Rows", "Righe"), l.t("Imported at (UTC)", "Importato il (UTC)")],
                        numeric: [3]),
                    rows: provenanceRows)))
        blocks.append(.paragraph(l.t("Engine: evalrun 0.1.0.", "Motore: evalrun 0.1.0.")))
        return ReportDocument(
            title: l.t("Programme evaluation report — 2016Q2", "Rapporto di valutazione del programma — 2016Q2"), blocks: blocks)
    }
}

extension ReportSamples {
    /// Awkward cases for the eye: no data, long labels, one panel, a
    /// logarithmic forest plot with intervals off the axis, many bars.
    static func edgeFigures(_ l: ReportLanguage) -> [ReportFigure] {
        let charts: [any ReportChart] = [
            StepCurveChart(
                id: "edge_empty_curve",
                labels: ChartLabels(title: l.t("Time to first job", "Tempo al primo lavoro"), xAxis: "x", yAxis: "y"), series: []),
            BarChart(
                id: "edge_long_labels",
                labels: ChartLabels(
                    title: l.t(
                        "Re-employment by type of work among participants enrolled in the second quarter, with a title long enough to wrap over two lines",
                        "Inserimento lavorativo per tipo tra i partecipanti iscritti nel secondo trimestre, con un titolo abbastanza lungo da andare a capo"
                    ),
                    xAxis: l.t("Share of enrolled", "Quota degli iscritti")),
                bars: [
                    .init(
                        label: l.t(
                            "Fixed-term contract of at least six months with the same employer",
                            "Contratto a tempo determinato di almeno sei mesi con lo stesso datore di lavoro"), value: 0.62,
                        valueText: "62.0% (85)"),
                    .init(label: l.t("Traineeship", "Tirocinio"), value: 0.999),
                    .init(label: "A", value: 0),
                    .init(label: "B", value: nil),
                    .init(label: "C", value: nil),
                    .init(label: "D", value: 0.01),
                    .init(label: "E", value: 0.05),
                    .init(label: "F", value: 0.31),
                ]),
            BeforeAfterChart(
                id: "edge_one_panel",
                labels: ChartLabels(title: "SWEMWBS", yAxis: l.t("Metric score", "Punteggio metrico")),
                items: [
                    .init(
                        instrument: "SWEMWBS", comparison: l.t("baseline → end", "ingresso → fine"),
                        beforeLabel: l.t("baseline", "ingresso"),
                        afterLabel: l.t("end", "fine"), n: 12, before: ChartEstimate(21.3, lower: 19.0, upper: 23.6),
                        after: ChartEstimate(20.9, lower: 18.1, upper: 23.7), scale: 7...35)
                ]),
            ForestPlot(
                id: "edge_log_forest",
                labels: ChartLabels(
                    title: l.t("Odds ratios", "Odds ratio"), xAxis: l.t("Odds ratio (log scale)", "Odds ratio (scala logaritmica)")),
                rows: [
                    .init(label: "a", estimate: ChartEstimate(1.8, lower: 0.9, upper: 3.6)),
                    .init(label: "b", estimate: ChartEstimate(0.45, lower: 0.2, upper: 1.01)),
                    .init(label: "c", estimate: ChartEstimate(2.5, lower: 1.1, upper: 5.7)),
                ],
                reference: 1, logarithmic: true),
            ForestPlot(
                id: "edge_clipped_forest",
                labels: ChartLabels(title: l.t("Fixed axis", "Asse fisso"), xAxis: "d"),
                rows: [
                    .init(label: "a", estimate: ChartEstimate(0.2, lower: -3, upper: 0.5)),
                    .init(label: "b", estimate: ChartEstimate(1.4, lower: 0.6, upper: 2.2)),
                ],
                reference: 0, domain: -1...1),
        ]
        return charts.map { ReportFigure(chart: $0, caption: $0.id, language: l) }
    }

    static func edgeDocument(_ l: ReportLanguage) -> ReportDocument {
        ReportDocument(
            title: "Edge cases",
            blocks: [.heading(level: 2, text: "Charts")] + edgeFigures(l).map(\.block))
    }

    /// Columns for a sample table: keys `column_1`…, numeric where asked.
    static func columns(_ labels: [String], numeric: Set<Int>) -> [ReportTable.Column] {
        labels.enumerated().map { j, label in ReportTable.Column(label, key: "column_\(j + 1)", numeric.contains(j) ? .number : .text) }
    }
}
