import EvaluationDomain
import Foundation
import Statistics
import Store

/// Every attribute a participant carries for `--by`, `reach.by_attribute` and
/// `compare`: the known participant columns, the group's columns, extra
/// columns of both files, derived `age`, and `service:<name>` /
/// `service_hours:<name>` from services.csv (METHODS §4 "Subgroups", §5).
public struct ParticipantAttributes: Sendable {
    /// Attribute name → value per participant index (`nil` = missing), for the
    /// attributes asked for (every one when none was named).
    public internal(set) var values: [String: [String?]] = [:]
    /// Every attribute the programme has, asked for or not.
    public private(set) var known: Set<String> = []
    /// Attributes that come from the group (constant within groups).
    public private(set) var groupLevel: Set<String> = []

    /// Whether the programme has the attribute.
    public func has(_ name: String) -> Bool { known.contains(name) }

    /// The categorical participant attributes listed in `reach.by_attribute`.
    public static let makeUp = ["sex", "education", "status_at_entry", "referred_by"]

    /// Attributes given directly, by name (tests, and attributes built elsewhere).
    init(values: [String: [String?]]) {
        self.values = values
        known = Set(values.keys)
    }

    /// The attributes of every participant; only those named in `only` are
    /// computed (a report's make-up, a `--by` attribute, compare's attribute and
    /// covariates), the others are only known by name.
    public init(snapshot s: ProgrammeSnapshot, to: CalendarDate, only wanted: Set<String>? = nil) {
        let n = s.participants.count
        func set(_ name: String, group: Bool = false, _ value: (Int) -> String?) {
            known.insert(name)
            if group { groupLevel.insert(name) }
            guard wanted?.contains(name) ?? true else { return }
            values[name] = (0..<n).map { i in value(i).flatMap { $0.isEmpty ? nil : $0 } }
        }
        set(ColumnName.groupID.rawValue, group: true) { s.groups[s.participants[$0].group].code }
        set(ColumnName.composition.rawValue, group: true) { s.groups[s.participants[$0].group].composition?.rawValue }
        set(ColumnName.programme.rawValue, group: true) { s.groups[s.participants[$0].group].programme }
        set(ColumnName.site.rawValue, group: true) { s.groups[s.participants[$0].group].site }
        set(ColumnName.facilitator.rawValue, group: true) { s.groups[s.participants[$0].group].facilitator }
        set(ColumnName.plannedSessions.rawValue, group: true) { s.groups[s.participants[$0].group].plannedSessions.map(String.init) }
        for name in Set(s.groups.flatMap { $0.attributes.keys }).sorted() {
            set(name, group: true) { s.groups[s.participants[$0].group].attributes[name] }
        }
        set(ColumnName.sex.rawValue) { s.participants[$0].sex }
        set(ColumnName.birthYear.rawValue) { s.participants[$0].birthYear.map(String.init) }
        set("age") { i in s.participants[i].birthYear.map { String(s.participants[i].enrolledOn.year - $0) } }
        set(ColumnName.education.rawValue) { s.participants[$0].education }
        set(ColumnName.statusAtEntry.rawValue) { s.participants[$0].statusAtEntry }
        set(ColumnName.referredBy.rawValue) { s.participants[$0].referredBy }
        // The file's own columns win over a derived attribute of the same name (a
        // participants file with its own `age` and no birth_year, METHODS §5 "Age").
        for (name, column) in s.participantAttributes.sorted(by: { $0.key < $1.key }) where !groupLevel.contains(name) {
            set(name) { column[$0] }
        }
        var names = Set<String>()
        for service in s.services where service.date <= to { names.insert(service.service) }
        guard wanted.map({ w in names.contains { w.contains("service:\($0)") || w.contains("service_hours:\($0)") } }) ?? true else {
            for name in names { known.formUnion(["service:\(name)", "service_hours:\(name)"]) }
            return
        }
        var used: [String: Set<Int>] = [:]
        var hours: [String: [Int: Double]] = [:]
        for service in s.services where service.date <= to {
            used[service.service, default: []].insert(service.participant)
            hours[service.service, default: [:]][service.participant, default: 0] += service.hours ?? 0
        }
        for name in used.keys.sorted() {
            let users = used[name] ?? []
            let h = hours[name] ?? [:]
            set("service:\(name)") { users.contains($0) ? "yes" : "no" }
            set("service_hours:\(name)") { i in DecimalText.format(h[i] ?? 0, digits: 6) }
        }
    }

    /// The attribute an evaluator means: a name of the contract as written, or
    /// its Italian or survey-tool alias as the exports accept it (`sede` →
    /// `site`, `sesso` → `sex`, `età` → `age`, `servizio:x` → `service:x`).
    /// An extra column of the exports keeps its own name.
    public static func canonical(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        for (alias, prefix) in [("servizio:", "service:"), ("ore_servizio:", "service_hours:")] where trimmed.lowercased().hasPrefix(alias)
        {
            return prefix + trimmed.dropFirst(alias.count)
        }
        switch ColumnSchema.key(trimmed) {
        case "età", "eta": return "age"
        case "gruppo", "codice gruppo", "id gruppo": return "group_id"
        default: break
        }
        for kind in [FileKind.groups, .participants] {
            if let canonical = ColumnSchema.of(kind).canonicalName(for: trimmed),
                !["participant_id", "enrolled_on", "left_on", "unemployed_since", "followed_up_until"].contains(canonical)
            {
                return canonical
            }
        }
        return trimmed
    }

    /// The level of participant `i` for `attribute` (`(missing)` when blank), or
    /// `nil` when the attribute does not exist.
    public func level(_ attribute: String, of i: Int) -> String? {
        guard let column = values[attribute] else { return nil }
        return column[i] ?? Levels.missing
    }
}

extension ParticipantAttributes {
    /// The attributes with `attribute` banded for `--by` (METHODS §9 *Continuous
    /// attributes*): age as `<30`, `30–39`, `40–49`, `≥50`; any other attribute whose
    /// values are all numbers, with more distinct values than `--by` takes, by its
    /// quartiles (R's `quantile` type 7) as `≤q1`, `q1–q2`, `q2–q3`, `>q3`. Others as they are.
    public func banded(_ attribute: String) -> ParticipantAttributes {
        guard let column = values[attribute] else { return self }
        let numbers = column.compactMap { $0.flatMap(Double.init) }
        guard numbers.count == column.compactMap({ $0 }).count, !numbers.isEmpty else { return self }
        var copy = self
        if attribute == "age" {
            copy.values[attribute] = column.map { value in
                value.flatMap(Double.init).map { age in
                    switch age {
                    case ..<30: return "<30"
                    case ..<40: return "30–39"
                    case ..<50: return "40–49"
                    default: return "≥50"
                    }
                }
            }
            return copy
        }
        guard Set(numbers).count > Subgroups.maximumLevels else { return self }
        guard let quantile = SampleQuantile(numbers) else { return self }
        let q = [0.25, 0.5, 0.75].map { quantile($0) }
        let text = { (x: Double) in DecimalText.format(x, digits: 2) }
        copy.values[attribute] = column.map { value in
            value.flatMap(Double.init).map { x in
                if x <= q[0] { return "≤\(text(q[0]))" }
                if x <= q[1] { return "\(text(q[0]))–\(text(q[1]))" }
                if x <= q[2] { return "\(text(q[1]))–\(text(q[2]))" }
                return ">\(text(q[2]))"
            }
        }
        return copy
    }
}
