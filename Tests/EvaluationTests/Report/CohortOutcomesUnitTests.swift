import Evaluation
import Foundation
import Testing

@testable import Report

/// Outcomes by enrolment cohort (METHODS §9 *Period and cohort*). The demo's 2014
/// cohort at 12 months is worked out here from `datasets/demo` itself — its own
/// reading of the two files and of the definition, nothing of evalrun's code — and
/// must equal the report's row.
@Suite("Report unit: outcomes by enrolment cohort")
struct CohortOutcomesUnitTests {
    static func cohorts(_ period: String, suppress: Bool = false, byQuarter: Bool = false) throws -> [[String: Any]] {
        let snapshot = try DisclosureAttackTests.programme("demo").snapshot
        var report = FunderReport(period: try #require(Period(parsing: period)), configuration: ProjectConfiguration(), suppress: suppress)
        report.unitOptions = ReportUnitOptions(cohortByQuarter: byQuarter)
        let data = try #require(try report.files(from: snapshot).first { $0.0 == "summary.json" }?.1)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(json["cohorts"] as? [[String: Any]])
    }

    /// Days from 1970-01-01 of `yyyy-mm-dd` or `dd/mm/yyyy`.
    static func day(_ text: String) -> Int? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" }).compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let (y, m, d) = text.contains("/") ? (parts[2], parts[1], parts[0]) : (parts[0], parts[1], parts[2])
        var components = DateComponents()
        (components.year, components.month, components.day) = (y, m, d)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        guard let date = calendar.date(from: components) else { return nil }
        return Int((date.timeIntervalSince1970 / 86_400).rounded())
    }

    @Test("the demo's 2014 cohort at 12 months equals a computation from the export files")
    func demo2014AgainstTheFiles() throws {
        let folder = try PrivacyTests.demoFolder()
        let end = try #require(Self.day("2016-12-31"))
        // participants.csv: participant_id, group_id, enrolled_on, …, followed_up_until (11th column).
        var enrolled: [String: (day: Int, observedTo: Int)] = [:]
        let participants = try String(contentsOf: folder.appendingPathComponent("participants.csv"), encoding: .utf8)
        for line in participants.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard let day = Self.day(f[2]), f[2].hasPrefix("2014") else { continue }
            let followed = Self.day(f[10]) ?? end
            enrolled[f[0]] = (day, min(followed, end))
        }
        // esiti.csv (Windows-1252, ';'): code; event date; contract; source; end date. Jobs, not training or other.
        let jobs: Set<String> = ["tirocinio", "tempo_determinato", "td", "tempo_indeterminato", "ti", "autoimpiego", "lavoro_autonomo"]
        var first: [String: Int] = [:]
        let outcomes = try String(contentsOf: folder.appendingPathComponent("esiti.csv"), encoding: .windowsCP1252)
        for line in outcomes.split(whereSeparator: \.isNewline).dropFirst() {
            let f = line.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let person = enrolled[f[0]], jobs.contains(f[2].lowercased().replacingOccurrences(of: " ", with: "_")),
                let day = Self.day(f[1]), day >= person.day, day <= end
            else { continue }
            first[f[0]] = min(first[f[0]] ?? day, day)
        }
        let horizon = 12 * 30.4375
        let observed = enrolled.filter { Double($0.value.observedTo - $0.value.day) >= horizon }
        let inWork = observed.filter { code, person in first[code].map { Double($0 - person.day) <= horizon } ?? false }

        let row = try #require(try Self.cohorts("2016").first { $0["cohort"] as? String == "2014" })
        #expect(row["enrolled"] as? Int == enrolled.count)
        #expect(row["observed_12m"] as? Int == observed.count)
        #expect(row["in_work_12m"] as? Int == inWork.count)
        let share = Double(inWork.count) / Double(observed.count)
        #expect(abs((row["in_work_12m_rate"] as? Double ?? -1) - share) < 1e-9, "\(inWork.count) of \(observed.count)")
        #expect(observed.count > 30 && inWork.count > 5, "the computation has something to compare")
        print("demo 2014 cohort at 12 months: \(inWork.count) of \(observed.count) (\(enrolled.count) enrolled)")
    }

    @Test("a cohort too recent to be observed has no share; quarters partition the years")
    func recentAndQuarters() throws {
        let years = try Self.cohorts("2016")
        let recent = try #require(years.first { $0["cohort"] as? String == "2016" })
        #expect(recent["observed_12m"] as? Int == 0 && recent["in_work_12m_rate"] is NSNull)
        let quarters = try Self.cohorts("2016", byQuarter: true)
        #expect(quarters.allSatisfy { ($0["cohort"] as? String ?? "").contains("Q") })
        for year in years {
            let label = try #require(year["cohort"] as? String)
            let sum = quarters.filter { ($0["cohort"] as? String ?? "").hasPrefix(label) }.compactMap { $0["enrolled"] as? Int }.reduce(
                0, +)
            #expect(sum == year["enrolled"] as? Int)
        }
    }
}
