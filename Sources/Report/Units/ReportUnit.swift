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

    /// Releases the unit's figures for one level of `report --by` (inside the level's
    /// ledger scope), or `nil` when the unit is not given by level. `groupAttribute`:
    /// whether the levels are of a group attribute (then groups are split too).
    func releaseLevel(
        _ level: ProgrammeEvaluation, groupAttribute: Bool, after released: ReleasedEvaluation, _ ledger: inout DisclosureLedger
    ) -> (any ReleasedUnit)?

    /// The unit with what it computes from the evaluation done once, before the ledger's
    /// two passes (registering, then releasing) call `release`; by default itself.
    func prepared(for evaluation: ProgrammeEvaluation) -> any ReportUnit
}

extension ReportUnit {
    func prepared(for evaluation: ProgrammeEvaluation) -> any ReportUnit { self }

    func releaseLevel(
        _ level: ProgrammeEvaluation, groupAttribute: Bool, after released: ReleasedEvaluation, _ ledger: inout DisclosureLedger
    ) -> (any ReleasedUnit)? { nil }
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
    /// Its blocks at one place of the report: by default its `blocks` at its `placement`
    /// (a unit with a section in the body and tables in the appendix gives both).
    func blocks(_ composer: ReportComposer, at placement: ReportUnitPlacement) -> [ReportDocument.Block]
    /// Its columns in the table of `report --by` (after the level's name), when the unit
    /// is given by level.
    func subgroupColumns(_ composer: ReportComposer) -> [ReportTable.Column]
    /// A level's figures as the cells of `subgroupColumns`.
    func subgroupCells(_ composer: ReportComposer) -> [ReportTable.Cell]
    /// Its figures (each also a file `figures/ID.svg`), which its blocks place with
    /// `composer.figure(ID)`.
    func figures(_ composer: ReportComposer) -> [ReportFigure]
    /// Its own tables of `report --by`, after the levels' table, from the levels' figures.
    func subgroupBlocks(_ composer: ReportComposer, _ subgroups: ReleasedSubgroups) -> [ReportDocument.Block]
}

extension ReleasedUnit {
    public var entries: [(String, JSONValue)] { [(key, json)] }
    public var followsSubgroups: Bool { false }
    public func blocks(_ composer: ReportComposer, at placement: ReportUnitPlacement) -> [ReportDocument.Block] {
        placement == self.placement ? blocks(composer) : []
    }
    public func figures(_ composer: ReportComposer) -> [ReportFigure] { [] }
    public func subgroupColumns(_ composer: ReportComposer) -> [ReportTable.Column] { [] }
    public func subgroupCells(_ composer: ReportComposer) -> [ReportTable.Cell] { [] }
    public func subgroupBlocks(_ composer: ReportComposer, _ subgroups: ReleasedSubgroups) -> [ReportDocument.Block] { [] }
}

/// Where a unit's blocks go in the report.
public enum ReportUnitPlacement: Sendable {
    /// On page 1, after the period's paragraph.
    case opening
    /// Under the key figures' heading, before their sentences.
    case keyFigures
    /// Right after the key figures.
    case afterKeyFigures
    /// The body's first section: who was reached.
    case reach
    /// Attendance and retention.
    case retention
    /// Re-employment.
    case reemployment
    /// After the re-employment section.
    case afterReemployment
    /// The time to a first job.
    case timeToJob
    /// Wellbeing change.
    case wellbeing
    /// After the wellbeing section.
    case afterWellbeing
    /// The technical appendix, after its survival note.
    case appendix
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

/// The units of the funder report, in the order they release their figures (a unit may
/// read the figures of those before it), their keys appear in `summary.json` and their
/// blocks appear within one placement.
enum ReportUnits {
    static func all(_ options: ReportUnitOptions) -> [any ReportUnit] {
        [
            ReachUnit(), RetentionUnit(), WellbeingUnit(), ReemploymentUnit(),
            CostUnit(), TrendUnit(), DataCutoffUnit(), KeyFigureColumnsUnit(), TargetsUnit(), LimitsUnit(),
            CohortOutcomesUnit(byQuarter: options.cohortByQuarter),
            JobsUnit(), ImpactUnit(comparison: options.comparisonGroup),
        ]
    }
}
