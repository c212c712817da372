import EvaluationDomain
import Indicators
import Ingest

/// The funder's targets against the figures released (METHODS §9 *Targets*): for each
/// target of `[targets]` that applies to the period, the target, the actual figure with
/// its 95% interval where it has one, and the status. A withheld figure has no actual
/// and is `not_observable`, so that the status cannot give it away. `summary.json`
/// `targets`.
struct TargetsUnit: ReportUnit {
    struct Row: Sendable {
        var target: Target
        var actual: Released<Double>
        var low: Released<Double>
        var high: Released<Double>
        var status: Target.Status
        /// How the actual is shown: a count, a share, points, money.
        var kind: Kind
    }

    enum Kind: Sendable { case count, rate, points, money }

    struct Figures: ReleasedUnit {
        typealias Cell = ReportTable.Cell
        typealias Column = ReportTable.Column

        var rows: [Row]
        var currency: String

        var key: String { "targets" }
        var placement: ReportUnitPlacement { .afterKeyFigures }
        var json: JSONValue {
            .array(
                rows.map { r in
                    .object([
                        ("indicator", .string(r.target.indicator)), ("target", .number(r.target.value)),
                        ("period", r.target.period.map(JSONValue.string) ?? .null), ("actual", .of(r.actual)),
                        ("ci_low", .of(r.low)), ("ci_high", .of(r.high)), ("status", .string(r.status.rawValue)),
                    ])
                })
        }

        func blocks(_ composer: ReportComposer) -> [ReportDocument.Block] {
            guard !rows.isEmpty else { return [] }
            let l = composer.language
            func shown(_ x: Double, _ kind: Kind) -> Cell {
                switch kind {
                case .count: return Cell(l.number(x, digits: x.rounded() == x ? 0 : 1), csv: .number(x, digits: 2))
                case .rate:
                    var cell = Cell(l.percent(x), csv: .number(x, digits: 6))
                    cell.style = .rate
                    return cell
                case .points: return Cell(l.number(x, digits: 1), csv: .number(x, digits: 6))
                case .money: return composer.money(.value(x), currency: currency)
                }
            }
            func cell(_ r: Released<Double>, _ kind: Kind) -> Cell {
                composer.marker(r) ?? r.shown.map { shown($0, kind) } ?? Cell("–", csv: .empty)
            }
            let table = rows.map { r -> [Cell] in
                [
                    .text(TargetsUnit.label(r.target.indicator, composer)), shown(r.target.value, r.kind), cell(r.actual, r.kind),
                    composer.interval(r.low, r.high, percent: r.kind == .rate),
                    Cell(l.text("targets.status.\(r.status.rawValue)"), csv: .text(r.status.rawValue)),
                ]
            }
            return [
                composer.table(
                    id: "targets", caption: l.text("targets.caption"),
                    columns: [
                        Column(l.text("targets.figure"), key: "indicator"), Column(l.text("targets.target"), key: "target", .number),
                        Column(l.text("targets.actual"), key: "actual", .number), .interval(l.text("targets.interval")),
                        Column(l.text("targets.status"), key: "status"),
                    ],
                    rows: table),
                .paragraph(l.text("targets.reading")),
            ]
        }
    }

    func release(_ e: ProgrammeEvaluation, after released: ReleasedEvaluation, _ ledger: inout DisclosureLedger) -> any ReleasedUnit {
        let columns = released.units.compactMap { $0 as? KeyFigureColumnsUnit.Figures }.first
        let rows = e.configuration.targets(for: e.period).map { target in
            Self.row(target, released: released, columns: columns)
        }
        return Figures(rows: rows, currency: e.configuration.currency)
    }

    /// The actual figure a target names, as released.
    static func row(_ target: Target, released: ReleasedEvaluation, columns: KeyFigureColumnsUnit.Figures?) -> Row {
        let name = target.figure
        var kind = Kind.count
        var actual: Released<Double> = .notComputable
        var low: Released<Double> = .notComputable
        var high: Released<Double> = .notComputable
        var lowerIsBetter = target.lowerIsBetter
        let asDouble = { (r: Released<Int>) -> Released<Double> in r.map(Double.init) }
        func rate(_ r: ReleasedRate) {
            kind = .rate
            (actual, low, high) = (r.value, r.low, r.high)
        }
        let column = name.hasPrefix("period_activity.") ? columns?.inPeriod : columns?.sinceStart
        switch name.split(separator: ".").last.map(String.init) ?? name {
        case _ where name.hasPrefix("wellbeing_change."):
            let id = String(name.dropFirst("wellbeing_change.".count)).uppercased()
            let change =
                released.wellbeing.first { $0.instrument.id.uppercased() == id && $0.wave == .end }
                ?? released.wellbeing.first { $0.instrument.id.uppercased() == id }
            kind = .points
            if let change {
                (actual, low, high) = (change.meanChange, change.changeLow, change.changeHigh)
                lowerIsBetter = change.instrument.better == .lower
            }
        case "retention_rate": if let r = released.retention { rate(r.rate) }
        case "reemployment_rate": if let r = released.reemployment { rate(r.rate) }
        case "retained": actual = released.retention.map { asDouble($0.rate.numerator) } ?? .notComputable
        case "reemployed": actual = released.reemployment.map { asDouble($0.rate.numerator) } ?? .notComputable
        case "enrolled": actual = column.map { asDouble($0.enrolled) } ?? .notComputable
        case "attended_once": actual = column.map { asDouble($0.attendedOnce) } ?? .notComputable
        case "meetings_held": actual = column.map { .value(Double($0.meetingsHeld)) } ?? .notComputable
        case "first_jobs": actual = column.map { asDouble($0.firstJobs) } ?? .notComputable
        case "spend":
            kind = .money
            actual = column?.spend ?? .notComputable
        case "spend_per_reemployed", "spend_per_enrolled", "spend_per_retained":
            kind = .money
            if let c = released.cost {
                actual = name == "spend_per_reemployed" ? c.perReemployed : name == "spend_per_enrolled" ? c.perEnrolled : c.perRetained
            }
        default: break
        }
        let status =
            actual.isWithheld
            ? .notObservable
            : Target.status(actual: actual.shown, low: low.shown, high: high.shown, target: target.value, lowerIsBetter: lowerIsBetter)
        return Row(target: target, actual: actual, low: low, high: high, status: status, kind: kind)
    }

    /// A target's figure in words.
    static func label(_ indicator: String, _ composer: ReportComposer) -> String {
        let l = composer.language
        let name = Target.figure(indicator)
        if name.hasPrefix("wellbeing_change.") {
            return l.text(
                "targets.indicator.wellbeing_change", composer.words.instrument(String(name.dropFirst("wellbeing_change.".count))))
        }
        return l.text("targets.indicator.\(name)")
    }
}
