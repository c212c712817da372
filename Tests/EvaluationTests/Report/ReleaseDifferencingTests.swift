import Evaluation
import Foundation
import Testing

@testable import Report

/// METHODS §9 *Releases*: an attacker holding every report a database released —
/// consecutive quarters, a year and its quarters, year-to-date, `--by site` and
/// `--by group_id`, each with its trend — subtracts every pair of published counts
/// of one definition over nested sets of people, and every site's count from the
/// sum of its groups' counts. Released one after the other into one record of
/// releases, no difference gives 1 to 4 people back; released without the record,
/// many do (the closing note quotes both counts).
@Suite("Disclosure: differencing across releases")
struct ReleaseDifferencingTests {
    /// One published count as the attacker reads it from summary.json.
    struct Figure {
        var definition: String
        var attribute: String
        var level: String
        var from: String?
        var to: String
        var value: Int
        var release: Int
    }

    static let releases: [(period: String, by: String?)] = [
        ("2015Q4", nil), ("2016Q1", nil), ("2016Q2", nil), ("2016Q3", nil), ("2016", nil), ("2015", nil),
        ("2016-01-01..2016-06-30", nil), ("2016-01-01..2016-09-30", nil), ("2016", "site"), ("2016", "group_id"),
        ("2016Q2", "site"), ("2016Q3", "group_id"), ("2015", "sex"), ("2016", "sex"), ("2016Q1", "referred_by"),
    ]

    static func period(_ text: String) throws -> Period {
        if let range = text.range(of: "..") {
            let from = try #require(CalendarDate(iso8601: String(text[..<range.lowerBound])))
            let to = try #require(CalendarDate(iso8601: String(text[range.upperBound...])))
            return try #require(Period.between(from, to))
        }
        return try #require(Period(parsing: text))
    }

    /// The counts of one summary.json.
    static func figures(_ json: [String: Any], release: Int) -> [Figure] {
        var out: [Figure] = []
        let period = json["period"] as? [String: Any] ?? [:]
        let from = period["from"] as? String
        let to = period["to"] as? String ?? ""
        func add(
            _ definition: String, _ value: Any?, _ attribute: String = "", _ level: String = "", activity: Bool = false,
            to end: String? = nil, from start: String? = nil
        ) {
            guard let v = value as? Int else { return }
            out.append(
                Figure(
                    definition: definition, attribute: attribute, level: level, from: activity ? (start ?? from) : nil,
                    to: end ?? to, value: v, release: release))
        }
        func evaluation(_ e: [String: Any], _ attribute: String, _ level: String) {
            let reach = e["reach"] as? [String: Any] ?? [:]
            add("enrolled", reach["enrolled"], attribute, level, activity: true)
            add("attended_once", reach["attended_once"], attribute, level, activity: true)
            let retention = e["retention"] as? [String: Any] ?? [:]
            add("retention.n", retention["n"], attribute, level)
            add("retained", retention["retained"], attribute, level)
            add("not_started", retention["not_started"], attribute, level)
            let work = e["reemployment"] as? [String: Any] ?? [:]
            add("cohort", work["n"], attribute, level)
            add("employed", work["employed"], attribute, level)
            add("lost", work["lost_to_follow_up"], attribute, level)
            for (type, count) in work["by_type"] as? [String: Any] ?? [:] { add("type/" + type, count, attribute, level) }
            for w in e["wellbeing"] as? [[String: Any]] ?? [] {
                add("pairs/\(w["instrument"] ?? "")/\(w["wave"] ?? "")", w["n_pairs"], attribute, level)
            }
        }
        evaluation(json, "", "")
        for row in (json["reach"] as? [String: Any])?["by_attribute"] as? [[String: Any]] ?? [] {
            add("makeup/\(row["attribute"] ?? "")/\(row["level"] ?? "")", row["n"], activity: true)
        }
        for q in json["trend"] as? [[String: Any]] ?? [] {
            let end = q["to"] as? String ?? ""
            add("cohort", q["enrolled"], to: end)
            add("retained", q["retained"], to: end)
            add("retention.n", q["retention_n"], to: end)
            add("employed", q["employed"], to: end)
            if let label = q["period"] as? String, let quarter = Period(parsing: label) {
                add("attended_once", q["attended_once"], activity: true, to: end, from: quarter.from.iso8601)
            }
        }
        if let by = json["by"] as? [String: Any], let attribute = by["attribute"] as? String {
            for level in by["levels"] as? [[String: Any]] ?? [] { evaluation(level, attribute, level["level"] as? String ?? "") }
        }
        return out
    }

    static func nested(_ a: Figure, _ b: Figure) -> Bool {
        func contains(_ x: Figure, _ y: Figure) -> Bool { (x.from.map { f in y.from.map { f <= $0 } ?? false } ?? true) && y.to <= x.to }
        return contains(a, b) || contains(b, a)
    }

    /// Differences of 1–4 people the attacker finds among the released figures.
    static func recoveries(_ figures: [Figure], siteOf: [String: String]) -> [String] {
        var found: Set<String> = []
        var byKey: [String: [Figure]] = [:]
        for f in figures { byKey["\(f.definition)|\(f.attribute)|\(f.level)", default: []].append(f) }
        for list in byKey.values {
            for i in list.indices {
                for j in list.indices where j > i && nested(list[i], list[j]) {
                    let d = abs(list[i].value - list[j].value)
                    if d >= 1 && d <= 4 {
                        found.insert("\(list[i].definition) \(list[i].attribute)=\(list[i].level) \(list[i].to) vs \(list[j].to): \(d)")
                    }
                }
            }
        }
        // A site's count against the sum of its groups' counts at a nested window (one release's groups).
        let sites = figures.filter { $0.attribute == "site" }
        let groups = figures.filter { $0.attribute == "group_id" }
        for site in sites {
            let members = Set(siteOf.filter { $0.value == site.level }.map(\.key))
            var sums: [String: (seen: Set<String>, sum: Int)] = [:]
            for g in groups where g.definition == site.definition && members.contains(g.level) && nested(g, site) {
                let key = "\(g.release)|\(g.from ?? "")|\(g.to)"
                var entry = sums[key] ?? ([], 0)
                entry.seen.insert(g.level)
                entry.sum += g.value
                sums[key] = entry
            }
            for (key, entry) in sums where entry.seen == members || entry.seen.count == members.count - 1 {
                // With every group but one published, the site minus the others is that group (plus any change between windows).
                let d = abs(site.value - entry.sum)
                if d >= 1 && d <= 4 { found.insert("\(site.definition) site=\(site.level) \(site.to) vs groups \(key): \(d)") }
            }
        }
        return found.sorted()
    }

    /// Releases the sequence into one record (or none) and attacks what came out.
    static func attack(_ programme: String, recorded: Bool) throws -> [String] {
        let snapshot = try DisclosureAttackTests.programme(programme).snapshot
        let siteOf = Dictionary(uniqueKeysWithValues: snapshot.groups.map { ($0.code, $0.site ?? "") })
        var history = ReleaseHistory()
        var figures: [Figure] = []
        for (index, item) in releases.enumerated() {
            var report = FunderReport(period: try period(item.period), configuration: ProjectConfiguration(), by: item.by)
            report.history = recorded ? history : nil
            guard let output = try? report.output(from: snapshot) else { continue }
            if recorded { history.releases.append(output.cells) }
            let data = try #require(output.files.first { $0.0 == "summary.json" }?.1)
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            figures += Self.figures(json, release: index)
        }
        return recoveries(figures, siteOf: siteOf)
    }

    @Test("released into one record, no two reports subtract to 1–4 people; without the record they do", arguments: ["demo", "small"])
    func noDifferenceGivesASmallCount(_ programme: String) throws {
        let before = try Self.attack(programme, recorded: false)
        let after = try Self.attack(programme, recorded: true)
        print(
            "differencing attack on \(programme), \(Self.releases.count) reports: \(before.count) small differences without the record of releases, \(after.count) with it"
        )
        #expect(!before.isEmpty, "the attack finds nothing to find")
        #expect(after.isEmpty, "\(after.prefix(10).joined(separator: "\n"))")
    }
}
