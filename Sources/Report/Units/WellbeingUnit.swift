import EvaluationDomain
import Indicators
import Ingest
import Statistics

/// Wellbeing change (METHODS §6): per instrument and later questionnaire, the people
/// with both, the two means, the paired change with its interval and how many moved by
/// the minimal important difference; in the appendix the tests, effect sizes, reliable
/// change, the attrition check and each instrument's Cronbach's α. `summary.json`
/// `wellbeing` and `instruments`; a `--by` level gives the changes.
struct WellbeingUnit: ReportUnit {
    struct Figures: ReleasedUnit {
        typealias Cell = ReportTable.Cell
        typealias Column = ReportTable.Column

        var changes: [ReleasedWellbeingChange]
        /// Each instrument's α; `nil` for a `--by` level.
        var quality: [ReleasedInstrumentQuality]?

        var key: String { "wellbeing" }
        var placement: ReportUnitPlacement { .wellbeing }
        var json: JSONValue { .array(changes.map(Self.json)) }
        var entries: [(String, JSONValue)] {
            guard let quality else { return [(key, json)] }
            let instruments = quality.map { q in
                JSONValue.object([
                    ("instrument", .string(q.instrument)), ("wave", .string(q.wave.rawValue)), ("n", .of(q.n)),
                    ("alpha", .of(q.alpha)), ("alpha_ci_low", .of(q.low)), ("alpha_ci_high", .of(q.high)),
                ])
            }
            return [(key, json), ("instruments", .array(instruments))]
        }

        func figures(_ composer: ReportComposer) -> [ReportFigure] {
            [wellbeingFigure(composer)].compactMap { $0 }
        }

        /// Each instrument's mean change with its 95% interval on a common axis
        /// of points, zero dashed and the minimal important difference dotted in
        /// its row: the change is what the test is about, not the two means.
        func wellbeingFigure(_ composer: ReportComposer) -> ReportFigure? {
            let l = composer.language
            guard !changes.isEmpty else { return nil }
            let rows = changes.map { w -> ForestPlot.Row in
                let estimate = w.meanChange.shown.map { ChartEstimate($0, lower: w.changeLow.shown, upper: w.changeHigh.shown) }
                let mid = w.instrument.mid.map { w.instrument.better == .higher ? $0 : -$0 }
                let pairs = w.pairs.shown.map { "n = \(l.count($0))" } ?? composer.marker(w.pairs)?.display
                var note = l.text("report.figures.start", composer.words.wave(w.wave))
                if let pairs { note += ", " + pairs }
                if let m = w.instrument.mid { note += l.text("report.figures.mid", l.number(m, digits: 1)) }
                return ForestPlot.Row(
                    label: w.instrument.id, estimate: estimate, note: note,
                    missingText: composer.marker(w.meanChange)?.display ?? "–", threshold: mid)
            }
            let chart = ForestPlot(
                id: "wellbeing",
                labels: ChartLabels(
                    title: l.text("report.figures.wellbeing_change_from_start"),
                    subtitle: l.text("report.figures.mean_change_in_points_with_95"),
                    xAxis: l.text("report.figures.mean_change_points"),
                    description: l.text("report.figures.for_each_instrument_the_mean_change")),
                rows: rows, valueFormat: .number(digits: 1))
            return ReportFigure(chart: chart, caption: chart.labels.title, language: l)
        }

        func blocks(_ composer: ReportComposer, at placement: ReportUnitPlacement) -> [ReportDocument.Block] {
            switch placement {
            case .wellbeing: section(composer) + composer.figure("wellbeing")
            case .appendix: appendix(composer)
            default: []
            }
        }

        func blocks(_ composer: ReportComposer) -> [ReportDocument.Block] { blocks(composer, at: placement) }

        func subgroupBlocks(_ composer: ReportComposer, _ subgroups: ReleasedSubgroups) -> [ReportDocument.Block] {
            let l = composer.language
            let words = composer.words
            let rows: [[Cell]] = subgroups.levels.flatMap { item in
                item.evaluation.wellbeing.map { w in
                    [.text(words.level(item.level, of: subgroups.attribute)), .text(w.instrument.id), .text(words.wave(w.wave))]
                        + Self.changeCells(w, composer)
                }
            }
            guard !rows.isEmpty else { return [] }
            return [
                composer.table(
                    id: "by_\(ReportComposer.fileSafe(subgroups.attribute))_wellbeing",
                    caption: l.text("report.subgroups.wellbeing_change_by_people_with_both", words.attribute(subgroups.attribute)),
                    columns: [
                        Column(l.text("report.subgroups.level"), key: "level"),
                        Column(l.text("report.subgroups.instrument"), key: "instrument"),
                        Column(l.text("report.subgroups.questionnaire"), key: "wave"),
                    ] + Self.changeColumns(l),
                    rows: rows)
            ]
        }

        /// The lay wellbeing table: the instrument by name, the people with both
        /// questionnaires, the two means, the change with its interval and how
        /// many improved by at least the minimal important difference.
        func section(_ composer: ReportComposer) -> [ReportDocument.Block] {
            guard !changes.isEmpty else { return [] }
            let l = composer.language
            let words = composer.words
            let none = Cell("–", csv: .text(Disclosure.notComputableCSVMarker))
            let rows: [[Cell]] = changes.map { w in
                let mid = w.midChange.map { [composer.count($0.improved), composer.count($0.unchanged), composer.count($0.deteriorated)] }
                return [.text(words.instrument(w.instrument.id)), .text(words.wave(w.wave))] + Self.changeCells(w, composer)
                    + [w.instrument.mid.map { Cell(l.number($0, digits: 1), csv: .number($0, digits: 6)) } ?? none]
                    + (mid ?? [none, none, none])
            }
            return [
                .heading(level: 2, text: l.text("report.sections.wellbeing_change")),
                composer.table(
                    id: "wellbeing",
                    caption: l.text("report.sections.change_from_the_start_later_questionnaire"),
                    columns: [
                        Column(l.text("report.sections.instrument"), key: "instrument"),
                        Column(l.text("report.sections.questionnaire"), key: "wave"),
                    ] + Self.changeColumns(l) + [
                        Column(l.text("report.sections.mid"), key: "mid", .number),
                        Column(l.text("report.sections.improved_by_the_mid"), key: "mid_improved", .number),
                        Column(l.text("report.sections.within_the_mid"), key: "mid_unchanged", .number),
                        Column(l.text("report.sections.worse_by_the_mid"), key: "mid_deteriorated", .number),
                    ],
                    rows: rows),
            ] + leftOutNote(composer)
        }

        /// "Questionnaires left out of scoring (too many blank items): WEMWBS at the start 3, at the end 1."
        /// (METHODS §9 *Missing questionnaire items*), only when there are any.
        func leftOutNote(_ composer: ReportComposer) -> [ReportDocument.Block] {
            let l = composer.language
            var counts: [(instrument: String, counts: [String])] = []
            for w in changes {
                if counts.last?.instrument != w.instrument.id {
                    counts.append((w.instrument.id, []))
                    if w.leftOutBlankItemsBaseline != .value(0) {
                        counts[counts.count - 1].counts.append(
                            l.text("report.sections.at_the_start") + composer.inline(w.leftOutBlankItemsBaseline))
                    }
                }
                if w.leftOutBlankItems != .value(0) {
                    let when = w.wave == .end ? l.text("report.sections.at_the_end") : l.text("report.sections.at_follow_up")
                    counts[counts.count - 1].counts.append(when + composer.inline(w.leftOutBlankItems))
                }
            }
            let parts = counts.filter { !$0.counts.isEmpty }.map { "\($0.instrument) " + $0.counts.joined(separator: ", ") }
            guard !parts.isEmpty else { return [] }
            return [.paragraph(l.text("report.sections.questionnaires_left_out_of_scoring_because") + parts.joined(separator: "; ") + ".")]
        }

        /// A wellbeing change's columns in every table that shows one: the people
        /// with both questionnaires, the two means, the change and its interval.
        static func changeColumns(_ l: ReportLanguage) -> [Column] {
            [
                Column(l.text("report.sections.people"), key: "n_pairs", .number),
                Column(l.text("report.sections.mean_at_start"), key: "mean_baseline", .number),
                Column(l.text("report.sections.mean_later"), key: "mean_followup", .number),
                Column(l.text("report.sections.mean_change"), key: "mean_change", .number), .interval(l.text("report.sections.95_ci")),
            ]
        }

        /// The cells of `changeColumns`.
        static func changeCells(_ w: ReleasedWellbeingChange, _ composer: ReportComposer) -> [Cell] {
            [
                composer.count(w.pairs), composer.number(w.meanBaseline), composer.number(w.meanWave), composer.number(w.meanChange),
                composer.interval(w.changeLow, w.changeHigh),
            ]
        }

        /// The appendix's tables: tests and effect sizes, the attrition check, the instruments' α.
        func appendix(_ composer: ReportComposer) -> [ReportDocument.Block] {
            guard !changes.isEmpty else { return [] }
            return [statisticsTable(composer), attritionTable(composer), qualityTable(composer)] + lowAlphaNote(composer)
        }

        func statisticsTable(_ composer: ReportComposer) -> ReportDocument.Block {
            let l = composer.language
            let c = composer
            let none = Cell("–", csv: .text(Disclosure.notComputableCSVMarker))
            let rows: [[Cell]] = changes.map { w in
                let rci = w.reliableChange.map { [c.count($0.improved), c.count($0.unchanged), c.count($0.deteriorated)] }
                return [
                    .text(w.instrument.id), .text(c.words.wave(w.wave)), c.count(w.pairs), c.pValue(w.pPairedT), c.pValue(w.pWilcoxon),
                    c.number(w.cohenDz), c.interval(w.cohenDzLow, w.cohenDzHigh), c.number(w.hedgesGav),
                    c.interval(w.hedgesGavLow, w.hedgesGavHigh), c.number(w.alphaBaseline),
                ] + (rci ?? [none, none, none])
            }
            return composer.table(
                id: "wellbeing_statistics",
                caption: l.text("report.sections.wellbeing_change_tests_effect_sizes_cohens"),
                columns: [
                    Column(l.text("report.sections.instrument"), key: "instrument"),
                    Column(l.text("report.sections.wave"), key: "wave"),
                    Column(l.text("report.sections.pairs"), key: "n_pairs", .number),
                    Column(l.text("report.sections.p_paired_t"), key: "p_paired_t", .number),
                    Column("p (Wilcoxon)", key: "p_wilcoxon", .number), Column("d_z", key: "cohen_dz", .number),
                    .interval(l.text("report.sections.d_z_95_ci"), prefix: "cohen_dz_"), Column("g_av", key: "hedges_gav", .number),
                    .interval(l.text("report.sections.g_av_95_ci"), prefix: "hedges_gav_"),
                    Column(l.text("report.sections.at_baseline"), key: "alpha_baseline", .number),
                    Column(l.text("report.sections.reliably_improved"), key: "reliably_improved", .number),
                    Column(l.text("report.sections.no_reliable_change"), key: "no_reliable_change", .number),
                    Column(l.text("report.sections.reliably_deteriorated"), key: "reliably_deteriorated", .number),
                ],
                rows: rows)
        }

        func attritionTable(_ composer: ReportComposer) -> ReportDocument.Block {
            let l = composer.language
            let c = composer
            let none = Cell("–", csv: .text(Disclosure.notComputableCSVMarker))
            let rows: [[Cell]] = changes.map { w in
                let a = w.attrition
                let norm =
                    w.instrument.normMean.map { m in
                        Cell.text(
                            l.number(m) + (w.instrument.normSD.map { " (SD \(l.number($0)))" } ?? "")
                                + (w.instrument.normSource.map { ", \($0)" } ?? ""))
                    } ?? none
                return [
                    .text(w.instrument.id), .text(c.words.wave(w.wave)), c.count(a.completers), c.number(a.meanCompleters),
                    c.count(a.dropouts), c.number(a.meanDropouts), c.pValue(a.pWelch), c.count(a.dropoutsInRunningGroups), norm,
                ]
            }
            return composer.table(
                id: "wellbeing_attrition",
                caption: l.text("report.sections.attrition_check_baseline_means_of_those"),
                columns: [
                    Column(l.text("report.sections.instrument"), key: "instrument"),
                    Column(l.text("report.sections.wave"), key: "wave"),
                    Column(l.text("report.sections.with_the_wave"), key: "n_completers", .number),
                    Column(l.text("report.sections.their_baseline_mean"), key: "mean_baseline_completers", .number),
                    Column(l.text("report.sections.without"), key: "n_dropouts", .number),
                    Column(l.text("report.sections.their_baseline_mean"), key: "mean_baseline_dropouts", .number),
                    Column("p (Welch)", key: "p_welch", .number),
                    Column(l.text("report.sections.without_in_running_groups"), key: "n_dropouts_running_groups", .number),
                    Column(l.text("report.sections.population_reference"), key: "population_reference"),
                ],
                rows: rows)
        }

        func qualityTable(_ composer: ReportComposer) -> ReportDocument.Block {
            let l = composer.language
            let c = composer
            let rows: [[Cell]] = (quality ?? []).map { q in
                [.text(q.instrument), .text(c.words.wave(q.wave)), c.count(q.n), c.number(q.alpha), c.interval(q.low, q.high)]
            }
            return composer.table(
                id: "instrument_quality",
                caption: l.text("report.sections.instrument_quality_cronbachs_complete_questionnaires_with"),
                columns: [
                    Column(l.text("report.sections.instrument"), key: "instrument"),
                    Column(l.text("report.sections.wave"), key: "wave"),
                    Column("n", key: "n", .number), Column("α", key: "alpha", .number), .interval(l.text("report.sections.95_ci")),
                ],
                rows: rows)
        }

        /// An α below 0.5, or negative, beside what it usually means (a data problem
        /// more often than a poor scale), so that no one reads the scores without it.
        func lowAlphaNote(_ composer: ReportComposer) -> [ReportDocument.Block] {
            let l = composer.language
            let words = composer.words
            let flagged = (quality ?? []).compactMap { q -> String? in
                guard let alpha = q.alpha.shown, alpha < 0.5 else { return nil }
                let meaning = l.text(alpha < 0 ? "report.sections.alpha_negative_means" : "report.sections.alpha_low_means")
                return l.text(
                    "report.sections.alpha_flag", words.instrument(q.instrument), words.wave(q.wave), l.number(alpha, digits: 2), meaning)
            }
            return flagged.isEmpty ? [] : [.bullets(flagged)]
        }

        static func changeCounts(_ c: ReleasedChangeCounts?) -> [JSONValue] {
            guard let c else { return [.null, .null, .null] }
            return [.of(c.improved), .of(c.unchanged), .of(c.deteriorated)]
        }

        static func json(_ w: ReleasedWellbeingChange) -> JSONValue {
            let rci = changeCounts(w.reliableChange)
            let mid = changeCounts(w.midChange)
            let a = w.attrition
            return .object([
                ("instrument", .string(w.instrument.id)), ("wave", .string(w.wave.rawValue)),
                ("n_pairs", .of(w.pairs)), ("mean_baseline", .of(w.meanBaseline)), ("mean_followup", .of(w.meanWave)),
                ("mean_change", .of(w.meanChange)), ("ci_low", .of(w.changeLow)), ("ci_high", .of(w.changeHigh)),
                ("p_paired_t", .of(w.pPairedT)), ("p_wilcoxon", .of(w.pWilcoxon)),
                ("cohen_dz", .of(w.cohenDz)), ("cohen_dz_ci_low", .of(w.cohenDzLow)), ("cohen_dz_ci_high", .of(w.cohenDzHigh)),
                ("hedges_gav", .of(w.hedgesGav)), ("hedges_gav_ci_low", .of(w.hedgesGavLow)),
                ("hedges_gav_ci_high", .of(w.hedgesGavHigh)), ("alpha_baseline", .of(w.alphaBaseline)),
                ("reliably_improved", rci[0]), ("no_reliable_change", rci[1]), ("reliably_deteriorated", rci[2]),
                ("mid", .of(w.instrument.mid)), ("mid_improved", mid[0]), ("mid_unchanged", mid[1]), ("mid_deteriorated", mid[2]),
                ("norm_mean", .of(w.instrument.normMean)),
                (
                    "attrition",
                    .object([
                        ("n_completers", .of(a.completers)), ("n_dropouts", .of(a.dropouts)),
                        ("mean_baseline_completers", .of(a.meanCompleters)), ("mean_baseline_dropouts", .of(a.meanDropouts)),
                        ("p_welch", .of(a.pWelch)),
                    ])
                ),
                ("left_out_blank_items", .of(w.leftOutBlankItems)),
                ("left_out_blank_items_baseline", .of(w.leftOutBlankItemsBaseline)),
            ])
        }
    }

    func release(_ e: ProgrammeEvaluation, after released: ReleasedEvaluation, _ ledger: inout DisclosureLedger) -> any ReleasedUnit {
        let changes = e.wellbeing.changes.map { Self.change($0, &ledger) }
        let quality = e.wellbeing.quality.map { q in
            let n = q.alpha.n
            let key = Self.qualityKey(q.instrument, q.wave)
            return ReleasedInstrumentQuality(
                instrument: q.instrument, wave: q.wave, n: ledger.count(key, n),
                alpha: ledger.linked(q.alpha.alpha, population: n, uses: [key]),
                low: ledger.linked(q.alpha.confidenceInterval?.lower, population: n, uses: [key]),
                high: ledger.linked(q.alpha.confidenceInterval?.upper, population: n, uses: [key]))
        }
        // Dropouts = everyone with a baseline − completers: a small number of
        // dropouts withholds the baseline count rather than the pairs.
        for w in e.wellbeing.changes {
            let key = Self.changeKey(w)
            ledger.partition(
                [key + "completers", key + "dropouts"], total: Self.qualityKey(w.instrument.id, .baseline), protectedByTotal: true)
        }
        return Figures(changes: changes, quality: quality)
    }

    func releaseLevel(_ e: ProgrammeEvaluation, groupAttribute: Bool, after released: ReleasedEvaluation, _ ledger: inout DisclosureLedger)
        -> (any ReleasedUnit)?
    {
        Figures(changes: e.wellbeing.changes.map { Self.change($0, &ledger) }, quality: nil)
    }

    static func qualityKey(_ instrument: String, _ wave: Wave) -> String { "quality/\(instrument)/\(wave.rawValue)/n" }
    static func changeKey(_ w: WellbeingChange) -> String { "wellbeing/\(w.instrument.id)/\(w.wave.rawValue)/" }

    static func changeCounts(_ c: ChangeCounts?, key: String, total: String, population: Int, _ ledger: inout DisclosureLedger)
        -> ReleasedChangeCounts?
    {
        guard let c else { return nil }
        let names = ["improved", "unchanged", "deteriorated"].map { key + $0 }
        ledger.partition(names, total: total)
        return ReleasedChangeCounts(
            improved: ledger.count(names[0], c.improved, population: population),
            unchanged: ledger.count(names[1], c.unchanged, population: population),
            deteriorated: ledger.count(names[2], c.deteriorated, population: population))
    }

    static func change(_ w: WellbeingChange, _ ledger: inout DisclosureLedger) -> ReleasedWellbeingChange {
        let key = Self.changeKey(w)
        let n = w.pairedT.n
        let pairs = ledger.count(key + "pairs", n)
        // Every figure of the pairs is withheld with their number (an interval and d_z give n back).
        let uses = [key + "pairs"]
        func stat(_ x: Double?) -> Released<Double> { ledger.linked(x, population: n, uses: uses) }
        func interval(_ ci: ConfidenceInterval?) -> ReleasedInterval { ReleasedInterval(low: stat(ci?.lower), high: stat(ci?.upper)) }
        let a = w.attrition
        let completers = ledger.count(key + "completers", a.completers.n)
        if a.completers.n == n { ledger.link([key + "completers", key + "pairs"]) }
        let dropouts = ledger.count(key + "dropouts", a.dropouts.n)
        let attrition = ReleasedWellbeingChange.Attrition(
            completers: completers, dropouts: dropouts,
            meanCompleters: ledger.linked(a.completers.mean, population: a.completers.n, uses: [key + "completers"]),
            meanDropouts: ledger.linked(a.dropouts.mean, population: a.dropouts.n, uses: [key + "dropouts"]),
            pWelch: ledger.statistic(a.welch.p, population: min(a.completers.n, a.dropouts.n)),
            dropoutsInRunningGroups: ledger.count(key + "dropouts_running", a.dropoutsInRunningGroups, population: a.dropouts.n))
        return ReleasedWellbeingChange(
            instrument: w.instrument, wave: w.wave, pairs: pairs,
            meanBaseline: stat(w.pairedT.baseline.mean), meanWave: stat(w.pairedT.end.mean),
            baselineInterval: interval(WellbeingChange.meanInterval(w.pairedT.baseline)),
            waveInterval: interval(WellbeingChange.meanInterval(w.pairedT.end)),
            meanChange: stat(w.pairedT.meanChange),
            changeLow: stat(w.pairedT.inference?.confidenceInterval.lower),
            changeHigh: stat(w.pairedT.inference?.confidenceInterval.upper),
            pPairedT: stat(w.pairedT.inference?.p), pWilcoxon: stat(w.wilcoxon.p),
            cohenDz: stat(w.cohenDz.estimate), cohenDzLow: stat(w.cohenDz.confidenceInterval?.lower),
            cohenDzHigh: stat(w.cohenDz.confidenceInterval?.upper),
            hedgesGav: stat(w.hedgesGav.estimate), hedgesGavLow: stat(w.hedgesGav.confidenceInterval?.lower),
            hedgesGavHigh: stat(w.hedgesGav.confidenceInterval?.upper),
            alphaBaseline: ledger.linked(
                w.alphaBaseline?.alpha, population: w.alphaBaseline?.n ?? 0,
                uses: w.alphaBaseline == nil ? [] : [Self.qualityKey(w.instrument.id, .baseline)]),
            reliableChange: Self.changeCounts(w.reliableChange, key: key + "rci/", total: key + "pairs", population: n, &ledger),
            midChange: Self.changeCounts(w.midChange, key: key + "mid/", total: key + "pairs", population: n, &ledger),
            attrition: attrition,
            leftOutBlankItems: ledger.count(key + "left_out_blank_items", w.leftOutBlankItems),
            leftOutBlankItemsBaseline: ledger.count(key + "left_out_blank_items_baseline", w.leftOutBlankItemsBaseline))
    }
}

/// Counts improved / unchanged / deteriorated (reliable change or MID).
public struct ReleasedChangeCounts: Sendable, Equatable {
    public var improved: Released<Int>
    public var unchanged: Released<Int>
    public var deteriorated: Released<Int>
}

public struct ReleasedWellbeingChange: Sendable, Equatable {
    public struct Attrition: Sendable, Equatable {
        public var completers: Released<Int>
        public var dropouts: Released<Int>
        public var meanCompleters: Released<Double>
        public var meanDropouts: Released<Double>
        public var pWelch: Released<Double>
        public var dropoutsInRunningGroups: Released<Int>
    }

    public var instrument: Instrument
    public var wave: Wave
    public var pairs: Released<Int>
    public var meanBaseline: Released<Double>
    public var meanWave: Released<Double>
    /// 95% t intervals of the two wave means (for the figure).
    public var baselineInterval: ReleasedInterval
    public var waveInterval: ReleasedInterval
    public var meanChange: Released<Double>
    public var changeLow: Released<Double>
    public var changeHigh: Released<Double>
    public var pPairedT: Released<Double>
    public var pWilcoxon: Released<Double>
    public var cohenDz: Released<Double>
    public var cohenDzLow: Released<Double>
    public var cohenDzHigh: Released<Double>
    public var hedgesGav: Released<Double>
    public var hedgesGavLow: Released<Double>
    public var hedgesGavHigh: Released<Double>
    public var alphaBaseline: Released<Double>
    public var reliableChange: ReleasedChangeCounts?
    public var midChange: ReleasedChangeCounts?
    public var attrition: Attrition
    /// Questionnaires of this wave, and of the baseline, left out of scoring for blank items.
    public var leftOutBlankItems: Released<Int>
    public var leftOutBlankItemsBaseline: Released<Int>
}

public struct ReleasedInstrumentQuality: Sendable, Equatable {
    public var instrument: String
    public var wave: Wave
    public var n: Released<Int>
    public var alpha: Released<Double>
    public var low: Released<Double>
    public var high: Released<Double>
}
