import EvaluationDomain
import Indicators
import Statistics
import Store

/// The report's line on the comparison group (METHODS §10), when one is imported:
/// "Participants 26.9% in work within 12 months; matched comparison 16.6%;
/// difference 10.3 pp, 95% CI 1.4 to 19.3", from `impact`'s defaults (nearest
/// neighbour, caliper 0.2, 12 months) matched on age, sex, education and status at
/// entry, those of them both sides record. Its counts go through the report's ledger
/// (`impact.` keys); `summary.json` `impact` holds the figures, `null` where withheld.
struct ImpactUnit: ReportUnit {
    let comparison: ComparisonGroupSnapshot?
    /// The analysis, made once per report (`prepared(for:)`).
    private(set) var analysis: ImpactAnalysis?

    init(comparison: ComparisonGroupSnapshot?) {
        self.comparison = comparison
    }

    static let covariates = ["age", "sex", "education", "status_at_entry"]

    struct Figures: ReleasedUnit {
        var release: ReleasedImpact?

        var key: String { "impact" }
        var placement: ReportUnitPlacement { .afterKeyFigures }

        var json: JSONValue {
            guard let release else { return .null }
            let a = release.analysis
            let shown = release.effectShown
            func value(_ x: Double?) -> JSONValue { shown ? .of(x) : .null }
            return .object([
                ("method", .string(a.options.method.rawValue)), ("horizon_months", .int(a.options.horizonMonths)),
                ("covariates", .array(a.options.covariates.map { .string($0) })),
                ("treated_matched", .of(release.treated.matched.shown)), ("controls_matched", .of(release.controls.matched.shown)),
                ("treated_rate", .of(release.treated.rate.shown)), ("control_rate", .of(release.controls.rate.shown)),
                ("estimate", value(a.effect?.estimate)), ("ci_low", value(a.effect?.lower)), ("ci_high", value(a.effect?.upper)),
                ("ci_low_cr2", value(a.effectByGroup?.lower)), ("ci_high_cr2", value(a.effectByGroup?.upper)),
            ])
        }

        func blocks(_ composer: ReportComposer) -> [ReportDocument.Block] {
            guard let release, let sentence = ImpactReport(release, language: composer.language).keySentence else { return [] }
            return [.keyFigures([sentence + " " + composer.language.text("impact.report_pointer")])]
        }
    }

    /// The analysis on the default covariates, leaving out any one side records for nobody.
    static func analysis(_ evaluation: ProgrammeEvaluation, _ comparison: ComparisonGroupSnapshot) -> ImpactAnalysis? {
        var covariates = covariates
        while !covariates.isEmpty {
            do {
                return try ImpactAnalysis(
                    snapshot: evaluation.snapshot, comparison: comparison, to: evaluation.period.to,
                    configuration: evaluation.configuration, options: ImpactOptions(covariates: covariates))
            } catch ImpactError.covariateMissingForEveryone(let name), ImpactError.unknownCovariate(let name, _, _) {
                covariates.removeAll { $0 == name }
            } catch {
                return nil
            }
        }
        return nil
    }

    func prepared(for evaluation: ProgrammeEvaluation) -> any ReportUnit {
        var unit = self
        unit.analysis = comparison.flatMap { Self.analysis(evaluation, $0) }
        return unit
    }

    func release(_ evaluation: ProgrammeEvaluation, after released: ReleasedEvaluation, _ ledger: inout DisclosureLedger)
        -> any ReleasedUnit
    {
        guard let analysis else { return Figures(release: nil) }
        let built = ledger.within("impact.", population: analysis.treated.n) { ReleasedImpact.build(analysis, &$0) }
        return Figures(
            release: ReleasedImpact(
                analysis: analysis, policy: ledger.policy, treated: built.treated, controls: built.controls, balance: built.balance,
                effectShown: built.effectShown))
    }
}
