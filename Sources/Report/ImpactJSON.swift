import EvaluationDomain
import Indicators
import Statistics

/// `evalrun impact --json` and `impact.json` (METHODS §9): the contract's keys in its order;
/// extra keys (`to`, `effective_sample_size`, `suppression`) after them.
public struct ImpactJSON: Sendable {
    public let release: ReleasedImpact
    public let language: ReportLanguage

    public init(_ release: ReleasedImpact, language: ReportLanguage = .en) {
        self.release = release
        self.language = language
    }

    public var document: JSONValue {
        let a = release.analysis
        let shown = release.effectShown
        func of(_ r: Released<Double>) -> JSONValue { .of(r.shown) }
        func side(_ s: ReleasedImpact.Side) -> JSONValue {
            .object([("n", .of(s.n.shown)), ("observed", .of(s.observed.shown)), ("matched", .of(s.matched.shown))])
        }
        func value(_ x: Double?) -> JSONValue { shown ? .of(x) : .null }
        let e = a.effect
        let g = a.effectByGroup
        return .object([
            ("method", .string(a.options.method.rawValue)),
            ("horizon_months", .int(a.options.horizonMonths)),
            ("caliper", a.options.method == .nearest ? .of(a.options.caliper) : .null),
            ("treated", side(release.treated)),
            ("controls", side(release.controls)),
            (
                "balance",
                .array(
                    release.balance.map { r in
                        .object([
                            ("covariate", .string(r.covariate)), ("mean_treated", of(r.meanTreated)),
                            ("mean_control_all", of(r.meanControlAll)), ("mean_control_matched", of(r.meanControlMatched)),
                            ("smd_all", of(r.smdAll)), ("smd_matched", of(r.smdMatched)),
                            ("var_ratio_all", of(r.varianceRatioAll)), ("var_ratio_matched", of(r.varianceRatioMatched)),
                            ("ecdf_mean_all", of(r.ecdfMeanAll)), ("ecdf_mean_matched", of(r.ecdfMeanMatched)),
                            ("ecdf_max_all", of(r.ecdfMaxAll)), ("ecdf_max_matched", of(r.ecdfMaxMatched)),
                            ("mean_treated_matched", of(r.meanTreatedMatched)),
                        ])
                    })
            ),
            (
                "effect",
                .object([
                    ("treated_rate", of(release.treated.rate)), ("control_rate", of(release.controls.rate)),
                    ("estimate", value(e?.estimate)), ("se", value(e?.standardError)), ("ci_low", value(e?.lower)),
                    ("ci_high", value(e?.upper)), ("p", value(e?.pValue)), ("se_cr2_group", value(g?.standardError)),
                    ("df_cr2", value(g?.degreesOfFreedom)), ("ci_low_cr2", value(g?.lower)), ("ci_high_cr2", value(g?.upper)),
                    ("p_cr2", value(g?.pValue)), ("df", value(e?.degreesOfFreedom)),
                ])
            ),
            (
                "unadjusted",
                .object([
                    ("estimate", value(a.unadjusted?.estimate)), ("ci_low", value(a.unadjusted?.lower)),
                    ("ci_high", value(a.unadjusted?.upper)),
                ])
            ),
            (
                "caveats",
                .array(
                    a.caveats.map {
                        .object([
                            ("kind", .string($0.kind)), ("message", .string(ImpactText(language: language, release: release).caveat($0))),
                        ])
                    })
            ),
            ("to", .string(a.to.iso8601)),
            ("caliper_width", .of(a.caliperWidth)),
            ("effective_sample_size", .of(a.effectiveSampleSize)),
            (
                "suppression",
                .object([
                    ("threshold", .int(release.policy.threshold)), ("applied", .bool(release.policy.isApplied)),
                    ("round", .int(release.policy.roundingBase)),
                ])
            ),
        ])
    }
}
