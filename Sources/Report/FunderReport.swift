import EvaluationDomain
import Foundation
import Indicators
import Ingest
import Statistics
import Store

/// The funder report of a programme for a period, as files (METHODS §6): the
/// one call the runner makes for `evalrun report` and `evalrun demo`.
public struct FunderReport: Sendable {
    public var period: Period
    public var configuration: ProjectConfiguration
    public var language: ReportLanguage
    /// `false` with `--no-suppress` (researchers only; stamped on the report).
    public var suppress: Bool
    public var csvFormat: CSVFormat
    /// `--by ATTR`: every indicator by the levels of this attribute.
    public var by: String?
    /// The day the checks take as today (events after it are "in the future").
    public var today: CalendarDate = .today
    /// The checks already run on the same snapshot (the runner prints them first), not run again.
    public var checks: ConsistencyCheck?
    /// The database's earlier releases (METHODS §9 *Releases*): a count that would give a
    /// small count back by a difference with them is withheld; `nil` for a release that
    /// is not recorded (the demo, `--no-suppress`).
    public var history: ReleaseHistory?
    /// Options of the report's units (`--cohort quarter`).
    public var unitOptions = ReportUnitOptions()

    public init(
        period: Period, configuration: ProjectConfiguration, language: ReportLanguage = .en, suppress: Bool = true,
        csvFormat: CSVFormat = .rfc4180, by: String? = nil
    ) {
        self.by = by
        self.period = period
        self.configuration = configuration
        self.language = language
        self.suppress = suppress
        self.csvFormat = csvFormat
    }

    public var disclosure: Disclosure { Disclosure(configuration: configuration, suppress: suppress) }

    /// Computes every indicator, releases it through disclosure control once,
    /// and lays out every file from what was released.
    public func release(from snapshot: ProgrammeSnapshot) throws -> ReleasedEvaluation {
        // METHODS §6 "Guardrails": an all-zero report of an empty database says nothing true.
        guard !snapshot.participants.isEmpty else { throw FunderReportError.noParticipants }
        let evaluation = ProgrammeEvaluation(snapshot: snapshot, period: period, configuration: configuration)
        let subgroups = try by.map { try Subgroups(snapshot: snapshot, period: period, configuration: configuration, attribute: $0) }
        var released = ReleasedEvaluation(
            evaluation, subgroups: subgroups, policy: disclosure, history: suppress ? history : nil,
            groupCodes: subgroups?.groupCodes ?? [], unitOptions: unitOptions)
        released.latestDate = snapshot.latestDate
        released.earliestDate = snapshot.earliestDate
        let checks = self.checks ?? ConsistencyCheck(snapshot: snapshot, configuration: configuration, today: today)
        released.dataChecks = checks.summary.map {
            DataCheckCount(kind: $0.kind, severity: $0.severity, count: $0.count)
        }
        return released
    }

    /// Every file of the report.
    public func files(from snapshot: ProgrammeSnapshot) throws -> [(String, Data)] {
        try output(from: snapshot).files
    }

    /// Every file of the report, and the counts it released for the database's record.
    /// A workbook that cannot be made (its temporary file meets a full disk) is a report
    /// that cannot be written to `folder`.
    public func output(from snapshot: ProgrammeSnapshot, for folder: OutputFolder? = nil) throws -> (
        files: [(String, Data)], cells: [ReleaseCell]
    ) {
        let release = try release(from: snapshot)
        do {
            return (try files(of: release), release.releaseCells)
        } catch let error as ReportWorkbookError {
            throw ReportWriteError(directory: folder?.path ?? "the report", underlying: error.description)
        }
    }

    func files(of release: ReleasedEvaluation) throws -> [(String, Data)] {
        let composer = ReportComposer(release, language: language)
        let summary = SummaryJSON(release).document
        let figures = composer.figures
        return try ReportWriter(csvFormat: csvFormat).files(
            document: composer.document(figures: figures), summary: summary, language: language, figures: figures,
            notes: composer.workbookNotes)
    }

    /// Writes the report into `folder` (replacing its earlier report whole). A
    /// workbook that cannot be written (its temporary file meets a full disk) is a
    /// report that cannot be written: nothing reaches `folder`.
    public func write(from snapshot: ProgrammeSnapshot, to folder: OutputFolder) throws {
        try write(try output(from: snapshot, for: folder).files, to: folder)
    }

    /// Writes files made by `output(from:)` into `folder`.
    public func write(_ files: [(String, Data)], to folder: OutputFolder) throws {
        try folder.write(files)
    }
}

/// Why no report is written.
public enum FunderReportError: Error, Equatable, CustomStringConvertible {
    /// The database holds no participants (a failed or missing import).
    case noParticipants

    public var description: String {
        switch self {
        case .noParticipants:
            return "the database holds no participants: import participants.csv (or the folder of exports) first; no report was written"
        }
    }
}
