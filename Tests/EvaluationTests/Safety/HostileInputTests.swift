import Evaluation
import Foundation
import Testing

/// The hostile-input corpus (`Fixtures/hostile/`, written by its `generate.sh`,
/// and large inputs generated here), each imported through the real import path
/// into a store holding groups, participants and meetings. A rejected file gives
/// a located message and leaves the database byte for byte as it was.
@Suite("Hostile inputs")
struct HostileInputTests {
    /// A file that must be rejected whole, and what its message must say.
    struct Rejected: Sendable, CustomTestStringConvertible {
        let file: String
        /// Substrings of the message: the place and reason, the value, the hint.
        let says: [String]
        var testDescription: String { file }

        init(_ file: String, _ says: String...) {
            self.file = file
            self.says = says
        }
    }

    static let rejected: [Rejected] = [
        // Structure
        Rejected(
            "participants_unbalanced_quote.csv",
            "participants_unbalanced_quote.csv:2:3: error: a quoted field is never closed",
            "a double quote inside a quoted field is written twice"),
        Rejected(
            "groups_quote_inside_unquoted.csv",
            "groups_quote_inside_unquoted.csv:2:2: error: a double quote inside an unquoted field",
            "put the whole field between quotes"),
        Rejected("groups_text_after_quote.csv", "groups_text_after_quote.csv:2:2: error: unexpected text after the closing quote"),
        Rejected(
            "sessions_ragged_rows.csv",
            "sessions_ragged_rows.csv:3:3: error: the row has 2 fields but the header has 3 columns",
            "sessions_ragged_rows.csv:4:4: error: the row has 4 fields but the header has 3 columns"),
        Rejected("groups_empty.csv", "groups_empty.csv: error: the file is empty", "export the table again"),
        Rejected("groups_only_blank_lines.csv", "groups_only_blank_lines.csv: error: the file is empty"),
        Rejected(
            "groups_duplicate_header.csv", "groups_duplicate_header.csv:1:3: error: column 'Site' appears twice (also column 2)",
            "rename or delete one of them"),
        Rejected("groups_blank_header_name.csv", "groups_blank_header_name.csv:1:2: error: column 2 has no name"),
        Rejected(
            "participants_missing_header.csv",
            "participants_missing_header.csv:1: error: missing required column 'enrolled_on' (also accepted: data_iscrizione, iscritto_il)",
            "[columns.participants]"),
        Rejected(
            "participants_wrong_separator_header.csv",
            "participants_wrong_separator_header.csv:1: error: missing required column 'enrolled_on'"),
        Rejected("attendance_missing_present.csv", "attendance_missing_present.csv:1: error: missing required column 'present'"),
        // Bytes and encodings
        Rejected(
            "groups_nul_bytes.csv", "groups_nul_bytes.csv:2: error: NUL byte (0x00) in the file",
            "NUL bytes never belong in a CSV export"),
        Rejected(
            "groups_utf16le_without_bom.csv", "groups_utf16le_without_bom.csv:1: error: NUL byte (0x00) in the file",
            "the file looks UTF-16 encoded"),
        Rejected(
            "groups_utf16le_bom.csv", "groups_utf16le_bom.csv: error: the file is encoded as UTF-16, which is not supported",
            "save the file as UTF-8"),
        Rejected("groups_utf16be_bom.csv", "groups_utf16be_bom.csv: error: the file is encoded as UTF-16"),
        Rejected(
            "groups_undefined_1252_byte.csv",
            "groups_undefined_1252_byte.csv:3:2: error: byte 0x81 is neither UTF-8 nor a Windows-1252 character"),
        Rejected(
            "groups_mixed_encodings.csv",
            "groups_mixed_encodings.csv:3: error: the file mixes two encodings: line 2 holds UTF-8 text ('ì')",
            "byte 0xE8, which is not UTF-8 ('è' in Windows-1252)", "save it again as CSV UTF-8"),
        Rejected(
            "groups_bom_then_1252.csv",
            "groups_bom_then_1252.csv:2: error: the file starts with a UTF-8 byte-order mark but this line holds bytes that are not UTF-8"),
        // Line endings: LF, CR LF and a lone CR; the bad date is on physical line 5.
        Rejected(
            "sessions_mixed_line_endings.csv",
            "sessions_mixed_line_endings.csv:5:3: error: '2016-02-30' is not a date"),
        // Numbers
        Rejected("services_thousands_comma.csv", "services_thousands_comma.csv:2:5: error:", "1,234.5"),
        Rejected("services_decimal_comma_in_point_file.csv", "services_decimal_comma_in_point_file.csv:2:5: error:", "1.234,5"),
        Rejected("services_point_in_comma_file.csv", "services_point_in_comma_file.csv:2:5: error:", "1,234.5"),
        Rejected(
            "services_negative_amounts.csv", "services_negative_amounts.csv:2:4: error: hours must not be below 0",
            "services_negative_amounts.csv:3:5: error: amount must not be below 0"),
        // Dates
        Rejected(
            "participants_impossible_date.csv",
            "participants_impossible_date.csv:2:3: error: '31/02/2016' is not a date: February 2016 has 29 days"),
        Rejected(
            "participants_two_digit_year.csv", "participants_two_digit_year.csv:2:3: error: '10/01/16' has a two-digit year",
            "write the year with four digits"),
        Rejected("participants_month_first_date.csv", "participants_month_first_date.csv:2:3: error: '01/13/2016'"),
        Rejected(
            "participants_left_before_enrolled.csv",
            "participants_left_before_enrolled.csv:2:4: error: left_on 2016-02-01 is before enrolled_on 2016-03-01"),
        Rejected(
            "outcomes_end_before_start.csv",
            "outcomes_end_before_start.csv:2:4: error: end_date 2016-04-01 is before event_date 2016-05-04"),
        // Ranges
        Rejected(
            "sessions_negative_number.csv", "sessions_negative_number.csv:2:2: error: session_no -1 is outside 1…100000",
            "sessions_negative_number.csv:3:2: error: session_no 0 is outside 1…100000"),
        Rejected("groups_negative_planned.csv", "groups_negative_planned.csv:2:2: error: planned_sessions -3 is outside 0…10000"),
        Rejected(
            "participants_birth_year_future.csv",
            "participants_birth_year_future.csv:2:4: error: birth_year 2091 is outside 1900…2026"),
        Rejected(
            "questionnaires_item_out_of_range.csv",
            "questionnaires_item_out_of_range.csv:2:8: error: '6' is outside SWEMWBS's item range 1–5",
            "questionnaires_item_out_of_range.csv:3:10: error: '0' is outside SWEMWBS's item range 1–5"),
        Rejected(
            "questionnaires_score_out_of_range.csv",
            "questionnaires_score_out_of_range.csv:2:4: error: score 71 is outside WEMWBS's range 14–70",
            "questionnaires_score_out_of_range.csv:3:4: error: score -1 is outside WEMWBS's range 14–70"),
        Rejected(
            "questionnaires_unknown_wave_instrument.csv",
            "questionnaires_unknown_wave_instrument.csv:2:3: error: 'T7' is not a wave",
            "questionnaires_unknown_wave_instrument.csv:3:2: error: 'ABC' is not a known instrument"),
        Rejected(
            "attendance_unknown_mark.csv", "attendance_unknown_mark.csv:2:4: error: 'forse' is not a presence mark",
            "expected 1/0"),
        Rejected("outcomes_unknown_type.csv", "outcomes_unknown_type.csv:2:3: error: 'lottery_win' is not an outcome type"),
        // Keys and references
        Rejected(
            "participants_conflicting_duplicate.csv",
            "participants_conflicting_duplicate.csv:4: error: participant 'P4' is given again with different values (first on line 2)",
            "keep one row per"),
        Rejected(
            "participants_unknown_group.csv",
            "participants_unknown_group.csv:2:2: error: group 'G99' is not in the database", "import groups.csv first"),
        Rejected(
            "attendance_unknown_participant.csv",
            "attendance_unknown_participant.csv:2:2: error: participant 'P9' is not in the database"),
        Rejected(
            "attendance_unknown_meeting.csv", "attendance_unknown_meeting.csv:2:3: error: group 'G1' has no meeting 9",
            "import sessions.csv with that meeting first"),
    ]

    @Test("a hostile file is rejected whole with a located message; the database is unchanged", arguments: rejected)
    func rejectedWhole(_ hostile: Rejected) throws {
        let f = try HostileStore()
        let path = try Fixture.url("hostile", hostile.file).path
        let message = try f.rejection(of: HostileStore.kind(of: hostile.file), path)
        for text in hostile.says {
            #expect(message.contains(text), "\(hostile.file): expected «\(text)» in\n\(message)")
        }
    }

    // MARK: Accepted with care

    @Test("a header-only file imports 0 rows and changes nothing")
    func headerOnly() throws {
        let f = try HostileStore()
        let summary = try f.fixture.importFile(.participants, Fixture.url("hostile", "participants_header_only.csv").path)
        #expect(summary.rows == 0 && summary.inserted == 0 && summary.isNoOp)
        #expect(try f.fixture.store.dump() == f.before)
    }

    @Test("a file that is not UTF-8 is read as Windows-1252")
    func windows1252() throws {
        let f = try HostileStore()
        let summary = try f.fixture.importFile(.groups, Fixture.url("hostile", "groups_windows1252.csv").path)
        #expect(summary.inserted == 1 && summary.dialect.contains("Windows-1252"))
        #expect(try f.fixture.store.snapshot().groups.first { $0.code == "G7" }?.site == "Forlì")
    }

    @Test("LF, CR LF and lone CR line endings in one file import, lines counted physically")
    func mixedLineEndings() throws {
        let f = try HostileStore()
        let summary = try f.fixture.importFile(.sessions, Fixture.url("hostile", "sessions_mixed_line_endings_ok.csv").path)
        #expect(summary.inserted == 4)
    }

    @Test("'1.234,5' in a decimal-comma file is 1234.5")
    func thousandsInDecimalCommaFile() throws {
        let f = try HostileStore()
        _ = try f.fixture.importFile(.services, Fixture.url("hostile", "services_decimal_comma_ok.csv").path)
        let service = try #require(try f.fixture.store.snapshot().services.first)
        #expect(service.amount == 1234.5 && service.hours == 1.5)
    }

    @Test("an outcome dated in the future imports, and `check` reports it as an error")
    func futureOutcome() throws {
        let f = try HostileStore()
        let summary = try f.fixture.importFile(.outcomes, Fixture.url("hostile", "outcomes_future_date.csv").path)
        #expect(summary.inserted == 1)
        let check = ConsistencyCheck(
            snapshot: try f.fixture.store.snapshot(), configuration: ProjectConfiguration(),
            today: CalendarDate(year: 2026, month: 11, day: 23) ?? .today)
        let future = check.problems.filter { $0.severity == .error && $0.reason.contains("2031-05-04, in the future") }
        #expect(future.count == 1, "\(check.problems)")
    }

    @Test("a header that reads like SQL is only an attribute name")
    func sqlInHeader() throws {
        let f = try HostileStore()
        let summary = try f.fixture.importFile(.groups, Fixture.url("hostile", "groups_sql_in_header.csv").path)
        #expect(summary.inserted == 1)
        let groups = try f.fixture.store.snapshot().groups
        #expect(groups.map(\.code) == ["G1", "G2", "g7"])
        #expect(groups.last?.attributes == ["x'); DROP TABLE groups; --": "1", "a\"b": "2"])
    }

    // MARK: Generated, large

    @Test("a 10 MB field is refused at the 1 MiB limit, with its place")
    func tenMegabyteField() throws {
        let f = try HostileStore()
        var bytes = Array("participant_id,group_id,enrolled_on,note\nP4,G1,2016-01-10,\"".utf8)
        bytes += Array(repeating: UInt8(ascii: "a"), count: 10 << 20)
        bytes += Array("\"\nP5,G1,2016-01-10,ok\n".utf8)
        let path = try f.fixture.write("participants_10mb_field.csv", bytes: bytes)
        let message = try f.rejection(of: .participants, path)
        #expect(message.contains("participants_10mb_field.csv:2:4: error: the field is 10485760 bytes long; the limit is 1048576 bytes"))
    }

    @Test("a 20 MB field (over the 16 MiB record limit) is refused without reading it whole")
    func twentyMegabyteField() throws {
        let f = try HostileStore()
        var bytes = Array("participant_id,group_id,enrolled_on,note\nP4,G1,2016-01-10,".utf8)
        bytes += Array(repeating: UInt8(ascii: "b"), count: 20 << 20)
        bytes += Array("\nP5,G1,2016-01-10,ok\n".utf8)
        let path = try f.fixture.write("participants_20mb_field.csv", bytes: bytes)
        let message = try f.rejection(of: .participants, path)
        #expect(message.contains("participants_20mb_field.csv:2:4: error: the field is over 1048576 bytes long, the limit"))
    }

    @Test("a quote left open at the start of 10 MB of data is one located error")
    func openQuoteSwallowsFile() throws {
        let f = try HostileStore()
        var text = "group_id,participant_id,session_no,present\nG1,\"P1,1,1\n"
        text += String(repeating: "G1,P1,2,1\n", count: 1 << 20)
        let path = try f.fixture.write("attendance_open_quote.csv", text)
        let message = try f.rejection(of: .attendance, path)
        #expect(message.contains("attendance_open_quote.csv:2:2: error:"), "\(message)")
        #expect(message.contains("a quote left open can swallow the rest of the file") || message.contains("never closed"))
    }

    @Test("a 1,000,000-column header is refused at the 10,000-column limit")
    func millionColumns() throws {
        let f = try HostileStore()
        var text = "group_id"
        for i in 1..<1_000_000 { text += ",c\(i)" }
        text += "\nG7" + String(repeating: ",", count: 999_999) + "\n"
        let path = try f.fixture.write("groups_million_columns.csv", text)
        let message = try f.rejection(of: .groups, path)
        #expect(message.contains("groups_million_columns.csv:1:10001: error: the header has 1000000 columns; the limit is 10000"))
    }

    @Test("a file with thousands of bad rows lists the first 50 and counts the rest")
    func errorCountLimit() throws {
        let f = try HostileStore()
        var text = "group_id,participant_id,session_no,present\n"
        for _ in 0..<5_000 { text += "G1,P1,1,maybe\n" }
        let path = try f.fixture.write("attendance_many_errors.csv", text)
        let message = try f.rejection(of: .attendance, path)
        #expect(message.components(separatedBy: "error: 'maybe' is not a presence mark").count - 1 == 50)
        #expect(message.contains("… and 4950 more problems"))
    }

    @Test("a field at the limit reads; one byte over is refused", arguments: [false, true])
    func fieldLimitBoundary(over: Bool) throws {
        let f = try HostileStore()
        let size = (1 << 20) + (over ? 1 : 0)
        let text = "group_id,note\nG7," + String(repeating: "n", count: size) + "\n"
        let path = try f.fixture.write("groups_field_limit.csv", text)
        if over {
            let message = try f.rejection(of: .groups, path)
            #expect(message.contains("groups_field_limit.csv:2:2: error: the field is 1048577 bytes long; the limit is 1048576 bytes"))
        } else {
            #expect(try f.fixture.importFile(.groups, path).inserted == 1)
        }
    }

    @Test("a header at the column limit reads; one column over is refused", arguments: [false, true])
    func columnLimitBoundary(over: Bool) throws {
        let f = try HostileStore()
        let columns = 10_000 + (over ? 1 : 0)
        let header = "group_id" + (1..<columns).map { ",c\($0)" }.joined()
        let path = try f.fixture.write("groups_columns.csv", header + "\nG7" + String(repeating: ",1", count: columns - 1) + "\n")
        if over {
            let message = try f.rejection(of: .groups, path)
            #expect(message.contains("groups_columns.csv:1:10001: error: the header has 10001 columns; the limit is 10000"))
        } else {
            #expect(try f.fixture.importFile(.groups, path).inserted == 1)
        }
    }

    @Test("the hostile corpus is all there")
    func corpusComplete() throws {
        let names =
            Self.rejected.map(\.file) + [
                "participants_header_only.csv", "groups_windows1252.csv", "sessions_mixed_line_endings_ok.csv",
                "services_decimal_comma_ok.csv", "outcomes_future_date.csv", "groups_sql_in_header.csv",
            ]
        let folder = try Fixture.url("hostile", "generate.sh").deletingLastPathComponent()
        let present = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }
        #expect(Set(present) == Set(names))
    }
}

/// A store holding groups G1–G2, participants P1–P3 and their meetings, and its
/// dump before the hostile file.
struct HostileStore {
    let fixture: ImportFixture
    let before: String

    init() throws {
        fixture = try ImportFixture()
        try fixture.loadBasics()
        before = try fixture.store.dump()
    }

    /// The kind of a corpus file: the first word of its name.
    static func kind(of file: String) -> FileKind {
        let word = file.split(separator: "_").first.map(String.init) ?? file
        guard let kind = FileKind(name: word) else { preconditionFailure("corpus file \(file) names no kind") }
        return kind
    }

    /// Imports `path` expecting a rejection; returns the message the runner
    /// prints, after checking the error type and that the database is unchanged.
    func rejection(of kind: FileKind, _ path: String, wide: Bool? = nil) throws -> String {
        var message = ""
        do {
            let summary = try fixture.importFile(kind, path, wide: wide)
            Issue.record("\(path) was imported (\(summary.inserted) new), not rejected")
        } catch let error as ImportError {
            #expect(error.problems.hasErrors)
            message = error.description
        } catch let error as CSVError {
            #expect(error.problems.hasErrors)
            message = error.description
        } catch {
            Issue.record("\(path): \(type(of: error)) is neither ImportError nor CSVError: \(error)")
        }
        #expect(try fixture.store.dump() == before, "the database changed")
        return message
    }
}
