import GRDB

/// The database schema as a list of named, append-only migrations.
///
/// People and groups are keyed by an integer surrogate (`id`) with their export
/// code unique beside it, so the large tables (attendance) hold integers only.
/// Dates are ISO-8601 text (`yyyy-mm-dd`), which sorts and compares as dates.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-core", migrate: createCore)
        migrator.registerMigration("v2-settings", migrate: createSettings)
        migrator.registerMigration("v3-releases", migrate: createReleases)
        migrator.registerMigration("v4-comparison-group", migrate: createComparisonGroup)
        return migrator
    }

    /// The programme's tables (groups, participants, meetings, the register, questionnaires,
    /// services, job events), their extra columns as attributes, and the import record.
    static func createCore(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE groups (
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL UNIQUE,
                    composition TEXT,
                    programme TEXT,
                    site TEXT,
                    start_date TEXT,
                    planned_sessions INTEGER,
                    facilitator TEXT
                );
                CREATE TABLE participants (
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL UNIQUE,
                    group_ref INTEGER NOT NULL REFERENCES groups(id),
                    enrolled_on TEXT NOT NULL,
                    left_on TEXT,
                    sex TEXT,
                    birth_year INTEGER,
                    education TEXT,
                    status_at_entry TEXT,
                    referred_by TEXT,
                    unemployed_since TEXT,
                    followed_up_until TEXT
                );
                CREATE INDEX participants_group ON participants(group_ref);
                CREATE TABLE attributes (
                    entity TEXT NOT NULL CHECK (entity IN ('group', 'participant')),
                    entity_ref INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (entity, entity_ref, name)
                ) WITHOUT ROWID;
                CREATE TABLE sessions (
                    group_ref INTEGER NOT NULL REFERENCES groups(id),
                    session_no INTEGER NOT NULL,
                    date TEXT,
                    held INTEGER NOT NULL DEFAULT 1,
                    PRIMARY KEY (group_ref, session_no)
                ) WITHOUT ROWID;
                CREATE TABLE attendance (
                    participant_ref INTEGER NOT NULL REFERENCES participants(id),
                    group_ref INTEGER NOT NULL REFERENCES groups(id),
                    session_no INTEGER NOT NULL,
                    present INTEGER NOT NULL,
                    PRIMARY KEY (participant_ref, group_ref, session_no)
                ) WITHOUT ROWID;
                CREATE TABLE questionnaires (
                    participant_ref INTEGER NOT NULL REFERENCES participants(id),
                    instrument TEXT NOT NULL,
                    wave TEXT NOT NULL,
                    completed_on TEXT,
                    items TEXT,
                    score REAL,
                    PRIMARY KEY (participant_ref, instrument, wave)
                ) WITHOUT ROWID;
                CREATE TABLE services (
                    participant_ref INTEGER NOT NULL REFERENCES participants(id),
                    service TEXT NOT NULL,
                    date TEXT NOT NULL,
                    hours REAL,
                    provider TEXT,
                    amount REAL,
                    PRIMARY KEY (participant_ref, service, date)
                ) WITHOUT ROWID;
                CREATE TABLE outcomes (
                    participant_ref INTEGER NOT NULL REFERENCES participants(id),
                    event_date TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    source TEXT,
                    end_date TEXT,
                    PRIMARY KEY (participant_ref, event_date, outcome)
                ) WITHOUT ROWID;
                CREATE TABLE imports (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,
                    file_name TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    rows INTEGER NOT NULL,
                    dialect TEXT NOT NULL,
                    imported_at TEXT NOT NULL,
                    inserted INTEGER NOT NULL,
                    updated INTEGER NOT NULL,
                    unchanged INTEGER NOT NULL
                );
                """)
    }

    /// Facts about the whole database, such as whether participant codes are
    /// pseudonymised (never the key).
    static func createSettings(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")
    }

    /// What each funder output released (METHODS §9 "Releases"): a new release is
    /// checked against every earlier one, so that two released figures cannot be
    /// subtracted to give back a small count.
    static func createReleases(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE releases (
                    id INTEGER PRIMARY KEY,
                    released_at TEXT NOT NULL,
                    command TEXT NOT NULL,
                    options TEXT NOT NULL
                );
                CREATE TABLE released_cells (
                    release_id INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
                    definition TEXT NOT NULL,
                    attribute TEXT NOT NULL,
                    level TEXT NOT NULL,
                    groups TEXT NOT NULL,
                    window_from TEXT,
                    window_to TEXT NOT NULL,
                    value INTEGER
                );
                CREATE INDEX released_cells_definition ON released_cells(definition);
                """)
    }

    /// The comparison group (METHODS §9): people who did not take part, their
    /// job events, and their extra columns as attributes (the attributes'
    /// entity check is widened by rebuilding the table, as SQLite requires).
    static func createComparisonGroup(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE comparison_people (
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL UNIQUE,
                    reference_date TEXT NOT NULL,
                    followed_up_until TEXT,
                    sex TEXT,
                    birth_year INTEGER,
                    education TEXT,
                    status_at_entry TEXT
                );
                CREATE TABLE comparison_outcomes (
                    person_ref INTEGER NOT NULL REFERENCES comparison_people(id),
                    event_date TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    source TEXT,
                    end_date TEXT,
                    PRIMARY KEY (person_ref, event_date, outcome)
                ) WITHOUT ROWID;
                CREATE TABLE attributes_v4 (
                    entity TEXT NOT NULL CHECK (entity IN ('group', 'participant', 'comparison')),
                    entity_ref INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (entity, entity_ref, name)
                ) WITHOUT ROWID;
                INSERT INTO attributes_v4 SELECT entity, entity_ref, name, value FROM attributes;
                DROP TABLE attributes;
                ALTER TABLE attributes_v4 RENAME TO attributes;
                """)
    }
}
