import Ingest

/// How files are imported, beyond what each file says.
public struct ImportOptions: Sendable {
    /// When set, participant codes are replaced by their pseudonym before they are
    /// staged, in every file; the database must hold pseudonymised codes made with
    /// the same key, or no participant data yet.
    public var pseudonymizer: Pseudonymizer?
    /// The reader's limits (METHODS §3's by default; smaller ones for fuzzing and tests).
    public var limits: CSVLimits
    /// Called once every row is written and checked, just before the transaction
    /// commits (not on a dry run): from here on the import cannot be undone by
    /// stopping the process, so an interruption must no longer say "nothing was imported".
    public var willCommit: (@Sendable () -> Void)?

    public init(pseudonymizer: Pseudonymizer? = nil, limits: CSVLimits = CSVLimits()) {
        self.pseudonymizer = pseudonymizer
        self.limits = limits
    }
}
