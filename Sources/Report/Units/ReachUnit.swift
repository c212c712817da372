import EvaluationDomain
import Indicators
import Ingest

/// Reach (METHODS §6): everyone enrolled by the period's end (the cohort every outcome
/// is over), the groups active and meetings held in the period, the people enrolled
/// and attending in it, the individual services delivered, and who the people enrolled
/// in the period are (sex, age band, education, status at entry). `summary.json`
/// `reach`; a `--by` level gives its enrolled and attending people, and its groups and
/// meetings when the attribute is a group's.
struct ReachUnit: ReportUnit {
    struct Figures: ReleasedUnit {
        typealias Cell = ReportTable.Cell
        typealias Column = ReportTable.Column

        /// Everyone enrolled by the period's end.
        var cohort: Released<Int>
        var reach: ReleasedReach
        var services: [ReleasedServiceUptake]
        /// Participants enrolled in the period by attribute; `nil` for a `--by` level.
        var makeUp: [ReleasedMakeUp]?
        /// Whether `summary.json` gives the groups and meetings (not for a level of a
        /// participant attribute, where groups are not split).
        var showsGroups: Bool

        var key: String { "reach" }
        var placement: ReportUnitPlacement { .reach }

        var json: JSONValue {
            let r = reach
            var fields: [(String, JSONValue)] = []
            if showsGroups {
                // Groups and meetings are not people: disclosure control does not apply to them.
                fields += [("groups", .int(r.groups)), ("meetings_held", .int(r.meetingsHeld))]
            }
            fields += [
                ("enrolled", .of(r.enrolled)), ("attended_once", .of(r.attendedOnce)),
                (
                    "services",
                    .array(
                        services.map { s in
                            .object([
                                ("service", .string(s.service)), ("participants", .of(s.participants)), ("sessions", .of(s.sessions)),
                                ("hours", .of(s.hours)),
                            ])
                        })
                ),
            ]
            if let makeUp {
                fields.append(
                    (
                        "by_attribute",
                        .array(
                            makeUp.map { row in
                                .object([
                                    ("attribute", .string(row.attribute)), ("level", .string(row.level)), ("n", .of(row.n)),
                                    ("share", .of(row.share)),
                                ])
                            })
                    ))
            }
            return .object(fields)
        }

        func blocks(_ composer: ReportComposer) -> [ReportDocument.Block] {
            reachSection(composer) + servicesTable(composer) + makeUpTable(composer)
        }

        func subgroupColumns(_ composer: ReportComposer) -> [Column] {
            [Column(composer.language.text("report.subgroups.enrolled"), key: "enrolled", .number)]
        }

        func subgroupCells(_ composer: ReportComposer) -> [Cell] { [composer.count(cohort)] }

        func reachSection(_ composer: ReportComposer) -> [ReportDocument.Block] {
            let l = composer.language
            let r = reach
            let rows: [[Cell]] = [
                [.text(l.text("report.groups_active_at_least_one_meeting")), Cell(l.count(r.groups), csv: .integer(r.groups))],
                [.text(l.text("report.meetings_held_in_the_period")), Cell(l.count(r.meetingsHeld), csv: .integer(r.meetingsHeld))],
                [.text(l.text("report.participants_enrolled_in_the_period")), composer.count(r.enrolled)],
                [.text(l.text("report.participants_who_attended_at_least_one")), composer.count(r.attendedOnce)],
            ]
            return [
                .heading(level: 2, text: l.text("report.reach")),
                composer.table(
                    id: "reach", caption: l.text("report.activity_in_the_period"),
                    columns: [
                        Column(l.text("report.indicator"), key: "indicator"), Column(l.text("report.count"), key: "count", .number),
                    ],
                    rows: rows),
            ]
        }

        func servicesTable(_ composer: ReportComposer) -> [ReportDocument.Block] {
            guard !services.isEmpty else { return [] }
            let l = composer.language
            let rows: [[Cell]] = services.map { s in
                [
                    .text(composer.words.service(s.service)), composer.count(s.participants), composer.count(s.sessions),
                    composer.number(s.hours, digits: 1),
                ]
            }
            return [
                composer.table(
                    id: "services",
                    caption: l.text("report.details.individual_services_delivered_in_the_period"),
                    columns: [
                        Column(l.text("report.details.service"), key: "service"),
                        Column(l.text("report.details.participants"), key: "participants", .number),
                        Column(l.text("report.details.sessions"), key: "sessions", .number),
                        Column(l.text("report.details.hours"), key: "hours", .number),
                    ],
                    rows: rows)
            ]
        }

        func makeUpTable(_ composer: ReportComposer) -> [ReportDocument.Block] {
            guard let makeUp, !makeUp.isEmpty else { return [] }
            let l = composer.language
            let words = composer.words
            let rows: [[Cell]] = makeUp.map { row in
                [
                    .text(words.attribute(row.attribute)), .text(words.level(row.level, of: row.attribute)), composer.count(row.n),
                    composer.count(row.denominator), composer.share(row.share),
                ]
            }
            return [
                composer.table(
                    id: "participants_by_attribute",
                    caption: l.text("report.details.participants_enrolled_in_the_period_by"),
                    columns: [
                        Column(l.text("report.details.attribute"), key: "attribute"), Column(l.text("report.details.level"), key: "level"),
                        Column(l.text("report.details.people"), key: "n", .number),
                        Column(l.text("report.details.of"), key: "denominator", .number),
                        Column(l.text("report.details.share"), key: "share", .rate),
                    ],
                    rows: rows)
            ]
        }
    }

    func release(_ e: ProgrammeEvaluation, after released: ReleasedEvaluation, _ ledger: inout DisclosureLedger) -> any ReleasedUnit {
        var figures = Self.core(e, showsGroups: true, &ledger)
        figures.makeUp = Self.makeUp(e, &ledger)
        return figures
    }

    func releaseLevel(_ e: ProgrammeEvaluation, groupAttribute: Bool, after released: ReleasedEvaluation, _ ledger: inout DisclosureLedger)
        -> (any ReleasedUnit)?
    {
        Self.core(e, showsGroups: groupAttribute, &ledger)
    }

    /// The cohort, reach and services, as every level releases them.
    static func core(_ e: ProgrammeEvaluation, showsGroups: Bool, _ ledger: inout DisclosureLedger) -> Figures {
        let cohort = ledger.count("cohort", e.cohort.count)
        let reach = ReleasedReach(
            groups: e.reach.groups, meetingsHeld: e.reach.meetingsHeld,
            enrolled: ledger.count("reach.enrolled", e.reach.enrolled),
            attendedOnce: ledger.count("reach.attended_once", e.reach.attendedOnce))
        let services = e.services.map { s in
            let key = "services/\(s.service)/"
            return ReleasedServiceUptake(
                service: s.service,
                participants: ledger.count(key + "participants", s.participants),
                sessions: ledger.count(key + "sessions", s.sessions, population: s.participants),
                hours: ledger.statistic(s.hours, population: s.participants))
        }
        return Figures(cohort: cohort, reach: reach, services: services, makeUp: nil, showsGroups: showsGroups)
    }

    /// Each attribute's levels partition the people enrolled in the period.
    static func makeUp(_ e: ProgrammeEvaluation, _ ledger: inout DisclosureLedger) -> [ReleasedMakeUp] {
        var rows: [ReleasedMakeUp] = []
        var parts: [String: [String]] = [:]
        var order: [String] = []
        for row in e.makeUp {
            let key = "makeup/\(row.attribute)/\(row.level)"
            if parts[row.attribute] == nil { order.append(row.attribute) }
            parts[row.attribute, default: []].append(key)
            rows.append(
                ReleasedMakeUp(
                    attribute: row.attribute, level: row.level,
                    n: ledger.count(key, row.n, population: row.denominator),
                    denominator: ledger.count("reach.enrolled", row.denominator),
                    share: ledger.derived(uses: [key, "reach.enrolled"], population: row.denominator) {
                        row.share == nil || $0[1] == 0 ? nil : Double($0[0]) / Double($0[1])
                    }))
        }
        for attribute in order { ledger.partition(parts[attribute] ?? [], total: "reach.enrolled") }
        return rows
    }
}

public struct ReleasedReach: Sendable, Equatable {
    /// Groups and meetings are not people: disclosure control does not apply to them.
    public var groups: Int
    public var meetingsHeld: Int
    public var enrolled: Released<Int>
    public var attendedOnce: Released<Int>
}

public struct ReleasedServiceUptake: Sendable, Equatable {
    public var service: String
    public var participants: Released<Int>
    public var sessions: Released<Int>
    public var hours: Released<Double>
}

public struct ReleasedMakeUp: Sendable, Equatable {
    public var attribute: String
    public var level: String
    public var n: Released<Int>
    public var denominator: Released<Int>
    public var share: Released<Double>
}
