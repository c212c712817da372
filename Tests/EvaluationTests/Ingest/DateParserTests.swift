import Evaluation
import Testing

@testable import Ingest

extension IngestTests {
    @Suite("date parsing")
    struct DateParserTests {
        @Test(
            "every accepted format",
            arguments: [
                ("2016-04-05", "2016-04-05", DateFormat.isoDate),
                ("2016-4-5", "2016-04-05", .isoDate),
                ("05/04/2016", "2016-04-05", .dayMonthYearSlash),
                ("5/4/2016", "2016-04-05", .dayMonthYearSlash),
                ("05-04-2016", "2016-04-05", .dayMonthYearDash),
                ("05.04.2016", "2016-04-05", .dayMonthYearDot),
                ("2016-04-05 10:22:33", "2016-04-05", .isoDateTime),
                ("2016-04-05 10:22", "2016-04-05", .isoDateTime),
                ("2016-04-05T10:22:33Z", "2016-04-05", .isoTimestamp),
                ("2016-04-05T10:22:33", "2016-04-05", .isoTimestamp),
                ("2016-04-05T23:22:33.000+02:00", "2016-04-05", .isoTimestamp),
                ("2016-04-05T00:30:00-05:00", "2016-04-05", .isoTimestamp),
                ("2016-04-05T00:30:00+0200", "2016-04-05", .isoTimestamp),
                ("05/04/2016 10:22:33", "2016-04-05", .dayMonthYearSlashTime),
                ("5/4/2016 9:05", "2016-04-05", .dayMonthYearSlashTime),
                ("  29/02/2016\u{00A0}", "2016-02-29", .dayMonthYearSlash),
            ] as [(String, String, DateFormat)])
        func accepted(text: String, iso: String, format: DateFormat) throws {
            let parsed = try #require(try DateParser.parse(text))
            #expect(parsed.date.iso8601 == iso)
            #expect(parsed.format == format)
        }

        @Test("a blank field is a missing date")
        func blank() throws {
            #expect(try DateParser.parse("") == nil)
            #expect(try DateParser.parse("   ") == nil)
        }

        @Test(
            "dates that do not exist, two-digit years, month-first and unknown shapes are refused with a reason",
            arguments: [
                ("31/02/2016", "'31/02/2016' is not a date: February 2016 has 29 days", nil),
                ("29/02/2015", "'29/02/2015' is not a date: February 2015 has 28 days", nil),
                ("2016-04-31", "'2016-04-31' is not a date: April 2016 has 30 days", nil),
                ("00/04/2016", "'00/04/2016' is not a date: there is no day 0", nil),
                ("2016-13-01", "'2016-13-01' is not a date: 13 is not a month", nil),
                ("05/04/16", "'05/04/16' has a two-digit year", "write the year with four digits"),
                (
                    "04/15/2016", "'04/15/2016' is not a date: 15 is not a month (dates are read day first)",
                    "this date looks month-first (mm/dd/yyyy): export the dates as dd/mm/yyyy or yyyy-mm-dd"
                ),
                ("2016/04/05", "'2016/04/05' is not a date", "expected dd/mm/yyyy, yyyy-mm-dd or a timestamp such as 2016-04-05 10:22:33"),
                (
                    "5 aprile 2016", "'5 aprile 2016' is not a date",
                    "expected dd/mm/yyyy, yyyy-mm-dd or a timestamp such as 2016-04-05 10:22:33"
                ),
                ("05/04/2016 25:00", "'05/04/2016 25:00' is not a date and time: 25 is not an hour", nil),
                ("2016-04-05 10:61", "'2016-04-05 10:61' is not a date and time: 61 is not a minute", nil),
                (
                    "2016-04-05 10:22:33Z", "'2016-04-05 10:22:33Z' is not a date",
                    "expected dd/mm/yyyy, yyyy-mm-dd or a timestamp such as 2016-04-05 10:22:33"
                ),
                (
                    "05.04.2016 10:22", "'05.04.2016 10:22' is not a date",
                    "expected dd/mm/yyyy, yyyy-mm-dd or a timestamp such as 2016-04-05 10:22:33"
                ),
                (
                    "2016-04-05T10:22:33+2", "'2016-04-05T10:22:33+2' is not a date",
                    "expected dd/mm/yyyy, yyyy-mm-dd or a timestamp such as 2016-04-05 10:22:33"
                ),
                (
                    "123/04/2016", "'123/04/2016' is not a date",
                    "expected dd/mm/yyyy, yyyy-mm-dd or a timestamp such as 2016-04-05 10:22:33"
                ),
            ] as [(String, String, String?)])
        func refused(text: String, reason: String, hint: String?) {
            #expect(throws: FieldValueError(reason: reason, hint: hint)) { try DateParser.parse(text) }
        }

        @Test("a column profile lists the formats seen in order")
        func profile() throws {
            var profile = DateColumnProfile()
            #expect(profile.description == "no dates")
            for text in ["05/04/2016", "2016-04-05", "06/04/2016"] {
                profile.record(try #require(try DateParser.parse(text)))
            }
            #expect(profile.formats == [.dayMonthYearSlash, .isoDate])
            #expect(profile.count == 3)
            #expect(profile.description == "dd/mm/yyyy, yyyy-mm-dd")
        }

        @Test("a value error becomes a located problem in the compiler's format")
        func problem() {
            let error = FieldValueError(reason: "'31/02/2016' is not a date: February 2016 has 29 days")
            let problem = error.problem(file: "sessions.csv", line: 7, column: 3, columnName: "date", value: "31/02/2016")
            #expect(problem.description == "sessions.csv:7:3: error: '31/02/2016' is not a date: February 2016 has 29 days")
        }
    }
}
