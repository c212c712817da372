/// Builds `summary.json` (DESIGN §6) from an evaluation: the contract's keys in
/// the contract's order, rates as fractions, `null` where suppressed or not
/// computable.
public struct SummaryJSON: Sendable {
    public let evaluation: ProgrammeEvaluation
    public let disclosure: Disclosure
    public let subgroups: Subgroups?

    public init(_ evaluation: ProgrammeEvaluation, disclosure: Disclosure, subgroups: Subgroups? = nil) {
        self.evaluation = evaluation
        self.disclosure = disclosure
        self.subgroups = subgroups
    }

    /// The `by` block: each level with the shapes of the top level.
    var by: JSONValue {
        guard let subgroups else { return .null }
        var levels: [JSONValue] = subgroups.levels.map { item in
            let level = SummaryJSON(item.evaluation, disclosure: disclosure)
            var reach = level.reach
            if !subgroups.isGroupAttribute, case .object(let pairs) = reach {
                reach = .object(pairs.filter { $0.0 != "groups" && $0.0 != "meetings_held" && $0.0 != "by_attribute" })
            } else if case .object(let pairs) = reach {
                reach = .object(pairs.filter { $0.0 != "by_attribute" })
            }
            return .object([
                ("level", .string(item.level)),
                ("reach", reach),
                ("retention", level.retention),
                ("wellbeing", .array(item.evaluation.wellbeing.changes.map(level.wellbeing))),
                ("reemployment", level.reemployment(item.evaluation.reemployment, retained: item.evaluation.reemploymentRetained)),
            ])
        }
        // The levels partition the participants: each count is protected across levels.
        let partitioned: [([String], (ProgrammeEvaluation) -> Int)] = [
            (["reach", "enrolled"], { $0.reach.enrolled }),
            (["reach", "attended_once"], { $0.reach.attendedOnce }),
            (["retention", "n"], { $0.retention.rate.denominator }),
            (["retention", "retained"], { $0.retention.rate.numerator }),
            (["retention", "not_started"], { $0.retention.notStarted }),
            (["reemployment", "n"], { $0.reemployment.rate.denominator }),
            (["reemployment", "employed"], { $0.reemployment.rate.numerator }),
        ]
        for (path, value) in partitioned {
            let shown = disclosure.partition(subgroups.levels.map { value($0.evaluation) })
            for k in levels.indices { levels[k] = levels[k].setting(path, to: .of(shown[k])) }
        }
        return .object([("attribute", .string(subgroups.attribute)), ("levels", .array(levels))])
    }

    public var document: JSONValue {
        let e = evaluation
        return .object(
            [
                ("engine", .object([("name", .string(Engine.name)), ("version", .string(Engine.version))])),
                (
                    "period",
                    .object([
                        ("label", .string(e.period.label)), ("from", .string(e.period.from.iso8601)), ("to", .string(e.period.to.iso8601)),
                    ])
                ),
                ("suppression", .object([("threshold", .int(disclosure.threshold)), ("applied", .bool(disclosure.isApplied))])),
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
                ("reach", reach),
                ("retention", retention),
                ("wellbeing", .array(e.wellbeing.changes.map(wellbeing))),
                (
                    "instruments",
                    .array(
                        e.wellbeing.quality.map { q in
                            .object([
                                ("instrument", .string(q.instrument)), ("wave", .string(q.wave.rawValue)),
                                ("n", .of(disclosure.count(q.alpha.n))),
                                ("alpha", .of(disclosure.statistic(q.alpha.alpha, people: q.alpha.n))),
                                ("alpha_ci_low", .of(disclosure.statistic(q.alpha.confidenceInterval?.lower, people: q.alpha.n))),
                                ("alpha_ci_high", .of(disclosure.statistic(q.alpha.confidenceInterval?.upper, people: q.alpha.n))),
                            ])
                        })
                ),
                ("reemployment", reemployment(e.reemployment, retained: e.reemploymentRetained)),
                ("cost", cost),
            ] + (subgroups == nil ? [] : [("by", by)]))
    }

    var reach: JSONValue {
        let r = evaluation.reach
        return .object([
            // Groups and meetings are not people: disclosure control does not apply to them.
            ("groups", .int(r.groups)), ("meetings_held", .int(r.meetingsHeld)),
            ("enrolled", .of(disclosure.count(r.enrolled))), ("attended_once", .of(disclosure.count(r.attendedOnce))),
            ("services", services(evaluation.services)),
            ("by_attribute", byAttribute(evaluation.makeUp)),
        ])
    }

    func services(_ rows: [ServiceUptake]) -> JSONValue {
        .array(
            rows.map { s in
                .object([
                    ("service", .string(s.service)), ("participants", .of(disclosure.count(s.participants))),
                    ("sessions", .of(disclosure.count(s.sessions))),
                    ("hours", .of(disclosure.statistic(s.hours, people: s.participants))),
                ])
            })
    }

    /// Each attribute's levels form a partition of the base: protected together.
    func byAttribute(_ rows: [AttributeMakeUp]) -> JSONValue {
        var out: [JSONValue] = []
        var start = 0
        while start < rows.count {
            var end = start
            while end < rows.count && rows[end].attribute == rows[start].attribute { end += 1 }
            let block = Array(rows[start..<end])
            let shown = disclosure.partition(block.map(\.n))
            for (row, n) in zip(block, shown) {
                out.append(
                    .object([
                        ("attribute", .string(row.attribute)), ("level", .string(row.level)), ("n", .of(n)),
                        ("share", n == nil ? .null : .of(disclosure.statistic(row.share, people: row.denominator))),
                    ]))
            }
            start = end
        }
        return .array(out)
    }

    var cost: JSONValue {
        guard let c = evaluation.cost else { return .null }
        let threshold = disclosure
        return .object([
            ("currency", .string(c.currency)), ("total", .number(c.total)),
            ("per_enrolled", .of(threshold.statistic(c.perEnrolled, people: c.enrolled))),
            ("per_retained", .of(threshold.statistic(c.perRetained, people: c.retained))),
            ("per_reemployed", .of(threshold.statistic(c.perReemployed, people: c.reemployed))),
        ])
    }

    var retention: JSONValue {
        let r = evaluation.retention
        return .object([
            ("threshold", .number(r.threshold)),
            ("inclusive", .bool(r.inclusive)),
            ("n", .of(disclosure.count(r.rate.denominator))),
            ("retained", .of(disclosure.count(r.rate.numerator))),
            ("rate", .of(disclosure.statistic(r.rate.value, people: r.rate.denominator))),
            ("ci_low", .of(disclosure.statistic(r.rate.interval?.lower, people: r.rate.denominator))),
            ("ci_high", .of(disclosure.statistic(r.rate.interval?.upper, people: r.rate.denominator))),
            ("not_started", .of(disclosure.count(r.notStarted))),
        ])
    }

    func rate(_ rate: Rate, numeratorKey: String) -> [(String, JSONValue)] {
        [
            ("n", .of(disclosure.count(rate.denominator))),
            (numeratorKey, .of(disclosure.count(rate.numerator))),
            ("rate", .of(disclosure.statistic(rate.value, people: rate.denominator))),
            ("ci_low", .of(disclosure.statistic(rate.interval?.lower, people: rate.denominator))),
            ("ci_high", .of(disclosure.statistic(rate.interval?.upper, people: rate.denominator))),
        ]
    }

    func reemployment(_ r: Reemployment, retained: Reemployment) -> JSONValue {
        let shown = disclosure.partition(r.byType.map(\.count))
        var fields = rate(r.rate, numeratorKey: "employed")
        fields.append(("by_type", .object(zip(r.byType, shown).map { ($0.type.rawValue, .of($1)) })))
        let people = r.people.count
        let median = evaluation.timeToJob.median
        fields.append(("median_days_to_job", .of(disclosure.statistic(median?.estimate, people: people))))
        fields.append(("median_ci_low", .of(disclosure.statistic(median?.lower, people: people))))
        fields.append(("median_ci_high", .of(disclosure.statistic(median?.upper, people: people))))
        fields.append(
            (
                "employed_by_months",
                .object(
                    evaluation.timeToJob.employedBy.map { item in
                        (String(item.months), .of(disclosure.statistic(item.share, people: people)))
                    })
            ))
        let months = evaluation.monthsGroupEndToJob
        fields.append(
            (
                "months_group_end_to_job",
                .object([
                    ("n", .of(disclosure.count(months.n))),
                    ("min", .of(disclosure.statistic(months.min, people: months.n))),
                    ("median", .of(disclosure.statistic(months.median, people: months.n))),
                    ("max", .of(disclosure.statistic(months.max, people: months.n))),
                ])
            ))
        fields.append(("lost_to_follow_up", .of(disclosure.count(r.lostToFollowUp))))
        fields.append(("rate_upper_bound", .of(disclosure.statistic(r.rateUpperBound, people: r.people.count))))
        fields.append(("retained", .object(rate(retained.rate, numeratorKey: "employed"))))
        return .object(fields)
    }

    func wellbeing(_ w: WellbeingChange) -> JSONValue {
        let n = w.pairedT.n
        func stat(_ x: Double?) -> JSONValue { .of(disclosure.statistic(x, people: n)) }
        let rci = w.reliableChange.map { disclosure.partition([$0.improved, $0.unchanged, $0.deteriorated]) }
        let mid = w.midChange.map { disclosure.partition([$0.improved, $0.unchanged, $0.deteriorated]) }
        let a = w.attrition
        return .object([
            ("instrument", .string(w.instrument.id)), ("wave", .string(w.wave.rawValue)),
            ("n_pairs", .of(disclosure.count(n))),
            ("mean_baseline", stat(w.pairedT.baseline.mean)),
            ("mean_followup", stat(w.pairedT.end.mean)),
            ("mean_change", stat(w.pairedT.meanChange)),
            ("ci_low", stat(w.pairedT.inference?.confidenceInterval.lower)),
            ("ci_high", stat(w.pairedT.inference?.confidenceInterval.upper)),
            ("p_paired_t", stat(w.pairedT.inference?.p)),
            ("p_wilcoxon", stat(w.wilcoxon.p)),
            ("cohen_dz", stat(w.cohenDz.estimate)),
            ("cohen_dz_ci_low", stat(w.cohenDz.confidenceInterval?.lower)),
            ("cohen_dz_ci_high", stat(w.cohenDz.confidenceInterval?.upper)),
            ("hedges_gav", stat(w.hedgesGav.estimate)),
            ("hedges_gav_ci_low", stat(w.hedgesGav.confidenceInterval?.lower)),
            ("hedges_gav_ci_high", stat(w.hedgesGav.confidenceInterval?.upper)),
            ("alpha_baseline", .of(disclosure.statistic(w.alphaBaseline?.alpha, people: w.alphaBaseline?.n ?? 0))),
            ("reliably_improved", .of(rci?[0] ?? nil)),
            ("no_reliable_change", .of(rci?[1] ?? nil)),
            ("reliably_deteriorated", .of(rci?[2] ?? nil)),
            ("mid", .of(w.instrument.mid)),
            ("mid_improved", .of(mid?[0] ?? nil)),
            ("mid_unchanged", .of(mid?[1] ?? nil)),
            ("mid_deteriorated", .of(mid?[2] ?? nil)),
            ("norm_mean", .of(w.instrument.normMean)),
            (
                "attrition",
                .object([
                    ("n_completers", .of(disclosure.count(a.completers.n))),
                    ("n_dropouts", .of(disclosure.count(a.dropouts.n))),
                    ("mean_baseline_completers", .of(disclosure.statistic(a.completers.mean, people: a.completers.n))),
                    ("mean_baseline_dropouts", .of(disclosure.statistic(a.dropouts.mean, people: a.dropouts.n))),
                    ("p_welch", .of(disclosure.statistic(a.welch.p, people: min(a.completers.n, a.dropouts.n)))),
                ])
            ),
        ])
    }
}
