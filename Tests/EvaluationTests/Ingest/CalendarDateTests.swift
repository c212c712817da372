import Evaluation
import Foundation
import Testing

@testable import Ingest

extension IngestTests {
    @Suite("calendar dates")
    struct CalendarDateTests {
        @Test(
            "days since 1970 at known dates",
            arguments: [
                (1970, 1, 1, 0), (1969, 12, 31, -1), (2000, 3, 1, 11_017), (2016, 2, 29, 16_860), (2016, 4, 5, 16_896),
                (1900, 3, 1, -25_508), (2400, 2, 29, 157_113), (1, 1, 1, -719_162), (0, 3, 1, -719_468),
            ] as [(Int, Int, Int, Int)])
        func daysSince1970(year: Int, month: Int, day: Int, days: Int) throws {
            let date = try #require(CalendarDate(year: year, month: month, day: day))
            #expect(date.daysSince1970 == days)
            #expect(CalendarDate(daysSince1970: days) == date)
        }

        @Test("every day from 1600 to 2400 round-trips and follows the previous one")
        func roundTrip() throws {
            var previous = try #require(CalendarDate(year: 1599, month: 12, day: 31))
            for days in previous.daysSince1970 + 1...(try #require(CalendarDate(year: 2400, month: 12, day: 31))).daysSince1970 {
                let date = CalendarDate(daysSince1970: days)
                #expect(date.daysSince1970 == days)
                #expect(previous < date)
                let expectedNext: CalendarDate? =
                    CalendarDate(year: previous.year, month: previous.month, day: previous.day + 1)
                    ?? CalendarDate(year: previous.year, month: previous.month + 1, day: 1)
                    ?? CalendarDate(year: previous.year + 1, month: 1, day: 1)
                if date != expectedNext { Issue.record("after \(previous) came \(date)"); break }
                previous = date
            }
        }

        @Test(
            "dates that do not exist are refused",
            arguments: [
                (2016, 2, 30), (2015, 2, 29), (1900, 2, 29), (2016, 4, 31), (2016, 13, 1), (2016, 0, 1), (2016, 1, 0), (2016, 1, 32),
            ] as [(Int, Int, Int)])
        func invalid(year: Int, month: Int, day: Int) {
            #expect(CalendarDate(year: year, month: month, day: day) == nil)
        }

        @Test("ISO text, arithmetic, ordering and Codable")
        func isoAndCodable() throws {
            let date = try #require(CalendarDate(year: 2016, month: 4, day: 5))
            #expect(date.iso8601 == "2016-04-05")
            #expect(date.description == "2016-04-05")
            #expect(CalendarDate(iso8601: "2016-04-05") == date)
            #expect(CalendarDate(iso8601: "2016-4-5") == nil)
            #expect(CalendarDate(iso8601: "2016-02-30") == nil)
            for odd in ["2016-04-05 ", " 2016-04-05", "2016/04/05", "+016-04-05", "2016-04-0x", "20160-4-05", "２０１６-04-05", ""] {
                #expect(CalendarDate(iso8601: odd) == nil, "\(odd)")
            }
            #expect(CalendarDate(iso8601: "0000-01-01") == CalendarDate(daysSince1970: -719_528))
            #expect(CalendarDate(iso8601: "2024-02-29")?.iso8601 == "2024-02-29")
            #expect(date.adding(days: 26).iso8601 == "2016-05-01")
            #expect(date.adding(days: -36).iso8601 == "2016-02-29")
            #expect(date.days(to: date.adding(days: 365)) == 365)
            #expect(CalendarDate(daysSince1970: -719_529).iso8601 == "-0001-12-31")
            #expect(CalendarDate(daysSince1970: -719_528).iso8601 == "0000-01-01")
            #expect(try #require(CalendarDate(year: 5, month: 1, day: 2)).iso8601 == "0005-01-02")
            let data = try JSONEncoder().encode([date])
            #expect(String(decoding: data, as: UTF8.self) == "[\"2016-04-05\"]")
            #expect(try JSONDecoder().decode([CalendarDate].self, from: data) == [date])
            #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarDate].self, from: Data("[\"2016-02-30\"]".utf8)) }
        }
    }
}
