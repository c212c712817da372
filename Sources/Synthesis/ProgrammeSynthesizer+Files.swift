import EvaluationDomain
import Foundation
import Ingest

extension ProgrammeSynthesizer {
    /// Writes the programme's exports into `directory` and returns the file
    /// names. With `italianStyle`, groups, meetings, services and outcomes are
    /// saved as Italian Excel does (`;`, decimal comma, dd/mm/yyyy,
    /// Windows-1252, CRLF, Italian headers and values); participants and the
    /// register as a plain UTF-8 export; questionnaires as a survey tool does
    /// (`,`, timestamps, T0/T1/T2).
    @discardableResult
    public func write(to directory: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let programme = generate()
        var files = SyntheticFiles(directory: directory, italian: parameters.italianStyle)
        try writeEntities(programme, into: &files)
        try writeEvents(programme, into: &files)
        if parameters.comparisonPeople > 0 {
            try ComparisonGroupSynthesizer(parameters: parameters).write(into: &files)
        }
        return files.written
    }

    /// Groups, participants, meetings and the register.
    private func writeEntities(_ programme: SyntheticProgramme, into files: inout SyntheticFiles) throws {
        let (italian, local, plain) = (files.italian, files.local, SyntheticFiles.plain)
        try files.save(
            italian ? "gruppi.csv" : "groups.csv", local,
            italian
                ? ["gruppo", "composizione", "progetto", "sede", "data_inizio", "incontri_previsti", "facilitatore"]
                : ["group_id", "composition", "programme", "site", "start_date", "planned_sessions", "facilitator"],
            programme.groups.map { g in
                [
                    .text(g.code),
                    .text(italian ? (g.composition == .homogeneous ? "omogeneo" : "eterogeneo") : g.composition.rawValue),
                    .text(g.programme), .text(g.site), .date(g.start), .integer(g.planned), .text(g.facilitator),
                ]
            })

        try files.save(
            "participants.csv", plain,
            [
                "participant_id", "group_id", "enrolled_on", "left_on", "sex", "birth_year", "education",
                "status_at_entry", "referred_by", "unemployed_since", "followed_up_until", "children",
            ],
            programme.participants.map { p in
                [
                    .text(p.code), .text(programme.groups[p.group].code), .date(p.enrolled), p.left.map { .date($0) } ?? .empty,
                    .text(p.sex), .integer(p.birthYear), .text(p.education), .text(p.status), .text(p.referredBy),
                    .date(p.unemployedSince), p.followedUpUntil.map { .date($0) } ?? .empty, .integer(p.children),
                ]
            })

        try files.save(
            italian ? "incontri.csv" : "sessions.csv", local,
            italian ? ["gruppo", "incontro", "data", "svolto"] : ["group_id", "session_no", "date", "held"],
            programme.groups.flatMap { g in
                g.sessions.map { s in
                    [.text(g.code), .integer(s.number), .date(s.date), .text(italian ? (s.held ? "sì" : "no") : (s.held ? "1" : "0"))]
                }
            })

        if parameters.wideRegister {
            try writeWideRegister(programme, format: local, italian: italian, into: &files)
        } else {
            try files.save(
                "attendance.csv", plain, ["group_id", "participant_id", "session_no", "present"],
                programme.participants.flatMap { p in
                    p.attendance.map { a in
                        [.text(programme.groups[p.group].code), .text(p.code), .integer(a.number), .integer(a.present ? 1 : 0)]
                    }
                })
        }
    }

    /// Questionnaires, services and job events.
    private func writeEvents(_ programme: SyntheticProgramme, into files: inout SyntheticFiles) throws {
        let (italian, local, plain) = (files.italian, files.local, SyntheticFiles.plain)
        let wemwbsItems = (1...14).map { "item_\($0)" }
        try files.save(
            "questionnaires.csv", plain,
            ["participant_id", "instrument", "wave", "completed_on"] + wemwbsItems,
            programme.questionnaires.map { q in
                let wave = italian ? ["T0", "T1", "T2"][q.wave.order] : q.wave.rawValue
                let time = String(
                    format: "%@ %02d:%02d:%02d", q.completed.iso8601, q.completedSeconds / 3600, q.completedSeconds / 60 % 60,
                    q.completedSeconds % 60)
                let items: [CSVCell] = (0..<14).map { k in
                    k < q.items.count ? (q.items[k].map { CSVCell.integer($0) } ?? .empty) : .empty
                }
                return [.text(q.participant), .text(q.instrument), .text(wave), .text(time)] + items
            })

        try files.save(
            italian ? "servizi.csv" : "services.csv", local,
            italian
                ? ["codice_partecipante", "servizio", "data", "ore", "erogatore", "importo"]
                : ["participant_id", "service", "date", "hours", "provider", "amount"],
            programme.services.map { s in
                [
                    .text(s.participant), .text(s.service), .date(s.date),
                    s.hours.map { .number($0, digits: 2) } ?? .empty, .text(s.provider),
                    s.amount.map { .text(italian ? Self.italianAmount($0) : CSVWriter.number($0, digits: 2, decimalComma: false)) }
                        ?? .empty,
                ]
            })

        try files.save(
            italian ? "esiti.csv" : "outcomes.csv", local,
            italian
                ? ["codice_partecipante", "data_evento", "tipo_contratto", "fonte", "data_fine"]
                : ["participant_id", "event_date", "outcome", "source", "end_date"],
            programme.outcomes.map { o in
                [
                    .text(o.participant), .date(o.date),
                    .text(italian ? Self.italianOutcome[o.outcome] ?? o.outcome.rawValue : o.outcome.rawValue),
                    .text(o.source), o.end.map { .date($0) } ?? .empty,
                ]
            })
    }

    /// Outcome types as Italian exports write them.
    static let italianOutcome: [OutcomeType: String] = [
        .traineeship: "tirocinio", .fixedTerm: "tempo determinato", .permanent: "TI",
        .selfEmployment: "autoimpiego", .training: "formazione", .other: "altro",
    ]

    /// `1.200,00`: the way Italian Excel writes money.
    static func italianAmount(_ x: Double) -> String {
        let cents = Int((x * 100).rounded())
        var whole = String(cents / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "." + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        return whole + grouped + String(format: ",%02d", cents % 100)
    }

    private func writeWideRegister(
        _ programme: SyntheticProgramme, format: CSVFormat, italian: Bool, into files: inout SyntheticFiles
    ) throws {
        let dates = Array(Set(programme.groups.flatMap { $0.sessions.filter(\.held).map(\.date) })).sorted()
        let header =
            (italian ? ["codice_partecipante", "gruppo"] : ["participant_id", "group_id"])
            + dates.map { CSVWriter(format: format).render(.date($0)) }
        let rows: [[CSVCell]] = programme.participants.map { p in
            let group = programme.groups[p.group]
            var byDate: [CalendarDate: Bool] = [:]
            for a in p.attendance {
                if let session = group.sessions.first(where: { $0.number == a.number }) { byDate[session.date] = a.present }
            }
            return [.text(p.code), .text(group.code)] + dates.map { byDate[$0] == true ? .text("x") : .empty }
        }
        try files.save(italian ? "registro.csv" : "attendance.csv", format, header, rows)
    }
}

/// The files of a synthetic programme as they are written: the folder, the two
/// styles (Italian Excel's and a plain UTF-8 export), and the names written so far.
struct SyntheticFiles {
    let directory: String
    /// Write the files Italian offices keep in Excel as Italian Excel saves them.
    let italian: Bool
    private(set) var written: [String] = []

    static let excelIT = CSVFormat(
        separator: ";", decimalComma: true, byteOrderMark: false, lineEnding: "\r\n", windows1252: true,
        neutraliseFormulas: false, dateStyle: .dayMonthYear)
    static let plain = CSVFormat(
        separator: ",", decimalComma: false, byteOrderMark: false, lineEnding: "\n", windows1252: false,
        neutraliseFormulas: false, dateStyle: .iso)

    init(directory: String, italian: Bool) {
        self.directory = directory
        self.italian = italian
    }

    /// The style of the office's own files: Italian Excel's, or plain.
    var local: CSVFormat { italian ? Self.excelIT : Self.plain }

    mutating func save(_ name: String, _ format: CSVFormat, _ header: [String], _ rows: [[CSVCell]]) throws {
        let data = try CSVWriter(format: format).encode(header: header, rows: rows)
        try data.write(to: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(name)))
        written.append(name)
    }
}
