import EvaluationDomain
import Indicators
import Ingest
import Statistics
import Store

/// `evalrun compare --json` (METHODS §6): the contract's keys in its order;
/// extra keys (`to`, `warnings`, notes) after them.
public struct ComparisonJSON: Sendable {
    public let release: ReleasedComparison
    /// The language of the caveats' messages.
    public let language: ReportLanguage

    public init(_ release: ReleasedComparison, language: ReportLanguage = .en) {
        self.release = release
        self.language = language
    }

    public var document: JSONValue {
        let c = release.comparison
        return .object([
            ("by", .string(c.attribute)),
            ("reference_level", .string(c.referenceLevel)),
            ("levels", .array(c.levels.map { .string($0) })),
            ("cluster", .string("group_id")),
            ("clusters", .int(c.clusters)),
            ("adjust", .array(c.adjust.map { .string($0) })),
            ("outcomes", .array(zip(c.outcomes, release.levels).map(Self.outcome))),
            ("to", .string(c.to.iso8601)),
            ("constant_within_groups", .bool(c.constantWithinGroups)),
            ("groups_per_level", .object(c.levels.map { ($0, .int(c.groupsPerLevel[$0] ?? 0)) })),
            ("covariate_references", .object(c.covariateReferences.keys.sorted().map { ($0, .of(c.covariateReferences[$0])) })),
            ("warnings", .array(c.warnings.map { .string($0.english) })),
            (
                "balance",
                .array(
                    release.balance.map { r in
                        .object([
                            ("attribute", .string(r.attribute)), ("category", .of(r.category)), ("level", .string(r.level)),
                            ("value_reference", .of(r.valueReference)), ("value_other", .of(r.valueOther)), ("smd", .of(r.smd)),
                        ])
                    })
            ),
            (
                "caveats",
                .array(
                    c.caveats.map { caveat in
                        .object([
                            ("kind", .string(caveat.kind)),
                            ("message", .string(ComparisonCaveatText(language: language).message(caveat, attribute: c.attribute))),
                        ])
                    })
            ),
            (
                "suppression",
                .object([
                    ("threshold", .int(release.policy.threshold)), ("applied", .bool(release.policy.isApplied)),
                    ("round", .int(release.policy.roundingBase)),
                ])
            ),
        ])
    }

    static func outcome(_ o: OutcomeComparison, levels: [ReleasedComparison.Level]) -> JSONValue {
        let differences: [JSONValue] = o.differences.map { d in
            .object([("level", .string(d.level)), ("estimate", .of(d.estimate)), ("ci_low", .of(d.ciLow)), ("ci_high", .of(d.ciHigh))])
        }
        var fields: [(String, JSONValue)] = [
            ("outcome", .string(o.outcome)),
            ("kind", .string(o.kind.rawValue)),
            (
                "levels",
                .array(
                    levels.map { l in .object([("level", .string(l.level)), ("n", .of(l.n)), ("estimate", .of(l.estimate))]) })
            ),
            ("difference", o.kind != .survival && differences.count == 1 ? differences[0] : .null),
            // METHODS §5: always one element per non-reference level (null values for time_to_job).
            ("differences", .array(differences)),
            ("adjusted", .array(o.adjusted.map { Self.adjusted($0, warning: o.adjustedWarning?.english) })),
            (
                "randomization",
                o.randomization.map { r in
                    .object([("p", .number(r.p)), ("relabelings", .int(r.relabelings)), ("exact", .bool(r.exact))])
                } ?? .null
            ),
            ("icc", .of(o.icc)),
        ]
        fields += Self.mixed(o)
        fields.append(("headline", .array(o.headline.map(Self.headline))))
        fields.append(("n_dropped_missing_covariates", .of(Self.sum(levels.map(\.droppedMissingCovariates)))))
        fields.append(
            ("dropped_missing_covariates", .object(levels.map { ($0.level, .of($0.droppedMissingCovariates)) })))
        if let waves = o.waves { fields.append(("waves", .array(waves.map { .string($0.rawValue) }))) }
        fields.append(("clusters", .int(o.clusters)))
        if let note = o.randomizationNote { fields.append(("randomization_note", .string(note.english))) }
        let warnings = o.allWarnings
        if !warnings.isEmpty { fields.append(("warning", .string(warnings.map(\.english).joined(separator: "; ")))) }
        return .object(fields)
    }

    /// `mixed` and `mixed_terms`: the mixed model's terms (each with the
    /// model's warning), `mixed` alone and null without a model.
    static func mixed(_ o: OutcomeComparison) -> [(String, JSONValue)] {
        guard let mixed = o.mixed else { return [("mixed", .null)] }
        let terms: [JSONValue] = mixed.map { m in
            var pairs: [(String, JSONValue)] = [
                ("term", .string(m.term)), ("estimate", .of(m.estimate)), ("se", .of(m.se)),
                ("sd_group", .of(m.sdGroup)), ("sd_residual", .of(m.sdResidual)),
            ]
            if let warning = o.mixedWarning { pairs.append(("warning", .string(warning.english))) }
            return .object(pairs)
        }
        // Like `difference`: the single term with two levels, else null (every term is in `mixed_terms`).
        return [("mixed", terms.count == 1 ? terms[0] : .null), ("mixed_terms", .array(terms))]
    }

    /// One level's headline effect with its interval and p values.
    static func headline(_ h: OutcomeComparison.Headline) -> JSONValue {
        .object([
            ("level", .string(h.level)), ("estimate", .of(h.estimate)), ("unit", .string(h.unit)),
            ("ci_low", .of(h.ciLow)), ("ci_high", .of(h.ciHigh)), ("df", .of(h.df)), ("p_cr2", .of(h.pCR2)),
            ("p_holm", .of(h.pHolm)), ("p_wild", .of(h.pWild)), ("p_randomization", .of(h.pRandomization)),
            ("reliable", .bool(h.reliable)),
        ])
    }

    /// The total of released counts: withheld when any part is.
    static func sum(_ parts: [Released<Int>]) -> Released<Int> {
        var total = 0
        for part in parts {
            guard case .value(let n) = part else { return .confidential }
            total += n
        }
        return .value(total)
    }

    static func adjusted(_ t: OutcomeComparison.AdjustedTerm, warning: String?) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("term", .string(t.term)), ("model", .string(t.model.rawValue)), ("estimate", .of(t.estimate)),
            ("se_model", .of(t.seModel)), ("p_model", .of(t.pModel)),
        ]
        if t.model.usesGroupedSandwich {
            pairs += [
                ("se_robust", .of(t.seRobust)), ("p_robust", .of(t.pRobust)),
                ("ci_low_robust", .of(t.ciLowRobust)), ("ci_high_robust", .of(t.ciHighRobust)),
            ]
        } else {
            pairs += [
                ("se_cr2", .of(t.seCR2)), ("df_cr2", .of(t.dfCR2)), ("p_cr2", .of(t.pCR2)),
                ("ci_low_cr2", .of(t.ciLowCR2)), ("ci_high_cr2", .of(t.ciHighCR2)),
            ]
        }
        if t.model == .linear || t.model == .logistic {
            pairs.append(
                (
                    "wild_bootstrap",
                    t.wildBootstrap.map { w in
                        .object([
                            ("p", .number(w.p)), ("ci_low", .of(w.ciLow)), ("ci_high", .of(w.ciHigh)), ("draws", .int(w.draws)),
                            ("weights", .string("rademacher")), ("enumerated", .bool(w.enumerated)),
                        ])
                    } ?? .null
                ))
        }
        if let warning { pairs.append(("warning", .string(warning))) }
        return .object(pairs)
    }
}
