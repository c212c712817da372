import EvaluationDomain
import Indicators
import Ingest
import Statistics
import Store

/// Builds `summary.json` (METHODS §6) from a released evaluation: the
/// contract's keys in the contract's order, rates as fractions, `null` where
/// withheld or not computable.
public struct SummaryJSON: Sendable {
    public let release: ReleasedEvaluation

    public init(_ release: ReleasedEvaluation) {
        self.release = release
    }

    /// The units' entries before `by`, or after it.
    func unitEntries(following: Bool) -> [(String, JSONValue)] {
        release.units.filter { $0.followsSubgroups == following }.flatMap(\.entries)
    }

    /// `by`, with `report --by`.
    var by: [(String, JSONValue)] { release.subgroups.map { [("by", Self.by($0))] } ?? [] }

    public var document: JSONValue {
        let e = release
        return .object(
            [
                ("engine", .object([("name", .string(Engine.name)), ("version", .string(Engine.version))])),
                (
                    "period",
                    .object([
                        ("label", .string(e.period.label)), ("from", .string(e.period.from.iso8601)), ("to", .string(e.period.to.iso8601)),
                    ])
                ),
                (
                    "suppression",
                    .object([
                        ("threshold", .int(e.policy.threshold)), ("applied", .bool(e.policy.isApplied)),
                        ("round", .int(e.policy.roundingBase)),
                    ])
                ),
                (
                    "inputs",
                    .array(
                        e.imports.map { i in
                            .object([
                                ("kind", .string(i.kind.rawValue)), ("file", .string(i.file)), ("sha256", .string(i.sha256)),
                                ("rows", .int(i.rows)),
                            ])
                        })
                ),
                ("reach", Self.reach(e, groups: true, makeUp: true)),
                ("retention", Self.retention(e.retention)),
                ("wellbeing", .array(e.wellbeing.map(Self.wellbeing))),
                (
                    "instruments",
                    .array(
                        e.instrumentQuality.map { q in
                            .object([
                                ("instrument", .string(q.instrument)), ("wave", .string(q.wave.rawValue)), ("n", .of(q.n)),
                                ("alpha", .of(q.alpha)), ("alpha_ci_low", .of(q.low)), ("alpha_ci_high", .of(q.high)),
                            ])
                        })
                ),
                ("reemployment", Self.reemployment(e)),
            ] + unitEntries(following: false) + by + unitEntries(following: true))
    }

    /// The `by` block: each level with the shapes of the top level.
    static func by(_ subgroups: ReleasedSubgroups) -> JSONValue {
        let levels: [JSONValue] = subgroups.levels.map { item in
            let e = item.evaluation
            return .object([
                ("level", .string(item.level)),
                ("reach", reach(e, groups: subgroups.isGroupAttribute, makeUp: false)),
                ("retention", retention(e.retention)),
                ("wellbeing", .array(e.wellbeing.map(wellbeing))),
                ("reemployment", reemployment(e)),
                (
                    "jobs",
                    .object([("in_work_6m_after_leaving", e.inWorkAfterLeaving.map { .object(rate($0, numeratorKey: "in_work")) } ?? .null)]
                    )
                ),
            ])
        }
        return .object([("attribute", .string(subgroups.attribute)), ("levels", .array(levels))])
    }

    static func reach(_ e: ReleasedEvaluation, groups: Bool, makeUp: Bool) -> JSONValue {
        let r = e.reach
        var fields: [(String, JSONValue)] = []
        if groups {
            // Groups and meetings are not people: disclosure control does not apply to them.
            fields += [("groups", .int(r.groups)), ("meetings_held", .int(r.meetingsHeld))]
        }
        fields += [
            ("enrolled", .of(r.enrolled)), ("attended_once", .of(r.attendedOnce)),
            (
                "services",
                .array(
                    e.services.map { s in
                        .object([
                            ("service", .string(s.service)), ("participants", .of(s.participants)), ("sessions", .of(s.sessions)),
                            ("hours", .of(s.hours)),
                        ])
                    })
            ),
        ]
        if makeUp {
            fields.append(
                (
                    "by_attribute",
                    .array(
                        e.makeUp.map { row in
                            .object([
                                ("attribute", .string(row.attribute)), ("level", .string(row.level)), ("n", .of(row.n)),
                                ("share", .of(row.share)),
                            ])
                        })
                ))
        }
        return .object(fields)
    }

    static func retention(_ r: ReleasedRetention) -> JSONValue {
        .object(
            [("threshold", .number(r.threshold)), ("inclusive", .bool(r.inclusive))] + rate(r.rate, numeratorKey: "retained")
                + [("not_started", .of(r.notStarted))])
    }

    /// One quarter of `trend` (METHODS §6 "Trend"), with the rates' intervals.
    static func trend(_ q: ReleasedTrendQuarter) -> JSONValue {
        .object([
            ("period", .string(q.period.label)), ("to", .string(q.period.to.iso8601)), ("enrolled", .of(q.cohort)),
            ("retained", .of(q.retention.numerator)), ("retention_n", .of(q.retention.denominator)),
            ("retention_rate", .of(q.retention.value)), ("retention_ci_low", .of(q.retention.low)),
            ("retention_ci_high", .of(q.retention.high)), ("employed", .of(q.reemployment.numerator)),
            ("reemployment_rate", .of(q.reemployment.value)), ("reemployment_ci_low", .of(q.reemployment.low)),
            ("reemployment_ci_high", .of(q.reemployment.high)), ("meetings_held", q.meetingsHeld.map { .int($0) } ?? .null),
            ("attended_once", .of(q.attendedOnce)), ("recorded", .bool(q.recorded)),
        ])
    }

    static func rate(_ rate: ReleasedRate, numeratorKey: String) -> [(String, JSONValue)] {
        [
            ("n", .of(rate.denominator)), (numeratorKey, .of(rate.numerator)), ("rate", .of(rate.value)),
            ("ci_low", .of(rate.low)), ("ci_high", .of(rate.high)),
        ]
    }

    static func reemployment(_ e: ReleasedEvaluation) -> JSONValue {
        let r = e.reemployment
        let t = e.timeToJob
        var fields = rate(r.rate, numeratorKey: "employed")
        fields.append(("by_type", .object(r.byType.map { ($0.type.rawValue, .of($0.people)) })))
        fields.append(("median_days_to_job", .of(t.medianDays)))
        fields.append(("median_ci_low", .of(t.medianLow)))
        fields.append(("median_ci_high", .of(t.medianHigh)))
        fields.append(
            ("employed_by_months", .object(t.employedBy.keys.sorted().map { (String($0), .of(t.employedBy[$0]?.value ?? .notComputable)) }))
        )
        fields.append(
            (
                "employed_by_months_ci_low",
                .object(t.employedBy.keys.sorted().map { (String($0), .of(t.employedBy[$0]?.low ?? .notComputable)) })
            ))
        fields.append(
            (
                "employed_by_months_ci_high",
                .object(t.employedBy.keys.sorted().map { (String($0), .of(t.employedBy[$0]?.high ?? .notComputable)) })
            ))
        let m = t.monthsGroupEndToJob
        fields.append(
            (
                "months_group_end_to_job",
                .object([("n", .of(m.n)), ("min", .of(m.min)), ("median", .of(m.median)), ("max", .of(m.max))])
            ))
        fields.append(("lost_to_follow_up", .of(r.lostToFollowUp)))
        fields.append(("rate_upper_bound", .of(r.rateUpperBound)))
        fields.append(("retained", .object(rate(r.retained, numeratorKey: "employed"))))
        return .object(fields)
    }

    static func changeCounts(_ c: ReleasedChangeCounts?) -> [JSONValue] {
        guard let c else { return [.null, .null, .null] }
        return [.of(c.improved), .of(c.unchanged), .of(c.deteriorated)]
    }

    static func wellbeing(_ w: ReleasedWellbeingChange) -> JSONValue {
        let rci = changeCounts(w.reliableChange)
        let mid = changeCounts(w.midChange)
        let a = w.attrition
        return .object([
            ("instrument", .string(w.instrument.id)), ("wave", .string(w.wave.rawValue)),
            ("n_pairs", .of(w.pairs)),
            ("mean_baseline", .of(w.meanBaseline)),
            ("mean_followup", .of(w.meanWave)),
            ("mean_change", .of(w.meanChange)),
            ("ci_low", .of(w.changeLow)),
            ("ci_high", .of(w.changeHigh)),
            ("p_paired_t", .of(w.pPairedT)),
            ("p_wilcoxon", .of(w.pWilcoxon)),
            ("cohen_dz", .of(w.cohenDz)),
            ("cohen_dz_ci_low", .of(w.cohenDzLow)),
            ("cohen_dz_ci_high", .of(w.cohenDzHigh)),
            ("hedges_gav", .of(w.hedgesGav)),
            ("hedges_gav_ci_low", .of(w.hedgesGavLow)),
            ("hedges_gav_ci_high", .of(w.hedgesGavHigh)),
            ("alpha_baseline", .of(w.alphaBaseline)),
            ("reliably_improved", rci[0]),
            ("no_reliable_change", rci[1]),
            ("reliably_deteriorated", rci[2]),
            ("mid", .of(w.instrument.mid)),
            ("mid_improved", mid[0]),
            ("mid_unchanged", mid[1]),
            ("mid_deteriorated", mid[2]),
            ("norm_mean", .of(w.instrument.normMean)),
            (
                "attrition",
                .object([
                    ("n_completers", .of(a.completers)),
                    ("n_dropouts", .of(a.dropouts)),
                    ("mean_baseline_completers", .of(a.meanCompleters)),
                    ("mean_baseline_dropouts", .of(a.meanDropouts)),
                    ("p_welch", .of(a.pWelch)),
                ])
            ),
            ("left_out_blank_items", .of(w.leftOutBlankItems)),
            ("left_out_blank_items_baseline", .of(w.leftOutBlankItemsBaseline)),
        ])
    }
}
