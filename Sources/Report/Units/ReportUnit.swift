import Indicators
import Store

/// One indicator of the funder report as a unit: it computes its figures from the
/// programme, registers every count it releases in the disclosure ledger (with the
/// partitions and derived figures it needs), and lays out its section and its
/// `summary.json` entry from what was released. `ReleasedEvaluation`, the composer
/// and `summary.json` pick up every unit of `ReportUnits.all`, so a new indicator is
/// its own file, its test and its catalogue entries (docs/ARCHITECTURE.md).
protocol ReportUnit: Sendable {
    /// Computes and releases the unit's figures for one evaluation (the whole
    /// programme, not a `--by` level), after the core figures and the units before it
    /// (`released`, which a unit may restate). Nothing after this sees an unreleased number.
    func release(_ evaluation: ProgrammeEvaluation, after released: ReleasedEvaluation, _ ledger: inout DisclosureLedger)
        -> any ReleasedUnit

    /// The unit with what it computes from the evaluation done once, before the ledger's
    /// two passes (registering, then releasing) call `release`; by default itself.
    func prepared(for evaluation: ProgrammeEvaluation) -> any ReportUnit
}

extension ReportUnit {
    func prepared(for evaluation: ProgrammeEvaluation) -> any ReportUnit { self }
}

/// A unit's figures as released: what every output of it shows.
public protocol ReleasedUnit: Sendable {
    /// Its key in `summary.json`.
    var key: String { get }
    /// Its entry in `summary.json` (`null` where withheld or not computable).
    var json: JSONValue { get }
    /// Its entries in `summary.json`: by default its one `key` and `json`.
    var entries: [(String, JSONValue)] { get }
    /// Whether its entries come after `by` in `summary.json` (the trend's place in the
    /// contract) rather than before it.
    var followsSubgroups: Bool { get }
    /// Where its blocks go in the report.
    var placement: ReportUnitPlacement { get }
    /// Its blocks in the report, in the composer's language (tables get their
    /// marker footnotes and become tidy CSV and workbook sheets like any other).
    func blocks(_ composer: ReportComposer) -> [ReportDocument.Block]
}

extension ReleasedUnit {
    public var entries: [(String, JSONValue)] { [(key, json)] }
    public var followsSubgroups: Bool { false }
}

/// Where a unit's blocks go in the report.
public enum ReportUnitPlacement: Sendable {
    /// On page 1, after the period's paragraph.
    case opening
    /// Under the key figures' heading, before their sentences.
    case keyFigures
    /// Right after the key figures.
    case afterKeyFigures
    /// After the re-employment section.
    case afterReemployment
    /// After the wellbeing section.
    case afterWellbeing
}

/// The report's options a unit depends on.
public struct ReportUnitOptions: Sendable {
    /// Outcomes by enrolment quarter rather than year (`--cohort quarter`).
    public var cohortByQuarter: Bool
    /// The comparison group, when one is imported: the key figures then say how the
    /// participants fared against it (`ImpactUnit`).
    public var comparisonGroup: ComparisonGroupSnapshot?

    public init(cohortByQuarter: Bool = false, comparisonGroup: ComparisonGroupSnapshot? = nil) {
        self.cohortByQuarter = cohortByQuarter
        self.comparisonGroup = comparisonGroup.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// The units of the funder report, in the order their blocks and keys appear.
enum ReportUnits {
    static func all(_ options: ReportUnitOptions) -> [any ReportUnit] {
        [
            CostUnit(), TrendUnit(), DataCutoffUnit(), KeyFigureColumnsUnit(), TargetsUnit(), LimitsUnit(),
            CohortOutcomesUnit(byQuarter: options.cohortByQuarter),
            JobsUnit(), ImpactUnit(comparison: options.comparisonGroup),
        ]
    }
}
