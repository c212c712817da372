import Foundation

/// The span a report covers: a quarter (`2016Q2`), a year (`2016`) or explicit
/// `--from/--to` dates, both inclusive (METHODS §4 "Periods").
public struct Period: Sendable, Equatable {
    public var label: String
    public var from: CalendarDate
    public var to: CalendarDate

    public init(label: String, from: CalendarDate, to: CalendarDate) {
        self.label = label
        self.from = from
        self.to = to
    }

    /// Parses `2016Q2`, `2016-Q2`, `2016` (or an ISO month `2016-05`).
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased().replacingOccurrences(of: "-Q", with: "Q")
        if let q = t.firstIndex(of: "Q"), let year = Int(t[..<q]), let quarter = Int(t[t.index(after: q)...]),
            (1...4).contains(quarter), (1900...9999).contains(year),
            let from = CalendarDate(year: year, month: 3 * quarter - 2, day: 1),
            let lastDay = CalendarDate.daysInMonth(3 * quarter, year: year),
            let to = CalendarDate(year: year, month: 3 * quarter, day: lastDay)
        {
            self.init(label: "\(year)Q\(quarter)", from: from, to: to)
            return
        }
        if let year = Int(t), (1900...9999).contains(year),
            let from = CalendarDate(year: year, month: 1, day: 1), let to = CalendarDate(year: year, month: 12, day: 31)
        {
            self.init(label: String(year), from: from, to: to)
            return
        }
        let parts = t.split(separator: "-")
        if parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (1900...9999).contains(year),
            let from = CalendarDate(year: year, month: month, day: 1),
            let lastDay = CalendarDate.daysInMonth(month, year: year),
            let to = CalendarDate(year: year, month: month, day: lastDay)
        {
            self.init(label: String(t), from: from, to: to)
            return
        }
        return nil
    }

    /// An explicit span; the label is `from–to`.
    public static func between(_ from: CalendarDate, _ to: CalendarDate) -> Period? {
        guard from <= to else { return nil }
        return Period(label: "\(from.iso8601)–\(to.iso8601)", from: from, to: to)
    }

    /// Whether `date` falls inside the period.
    public func contains(_ date: CalendarDate) -> Bool {
        date >= from && date <= to
    }

    /// The same span a year earlier (`2015` for `2016`, `2015Q4` for `2016Q4`; 29 February
    /// becomes the 28th), for the in-period figures' comparison with last year.
    public var yearEarlier: Period {
        func back(_ d: CalendarDate) -> CalendarDate {
            let day = min(d.day, CalendarDate.daysInMonth(d.month, year: d.year - 1) ?? d.day)
            return CalendarDate(year: d.year - 1, month: d.month, day: day) ?? d
        }
        let from = back(self.from)
        let to = back(self.to)
        if let q = label.firstIndex(of: "Q"), let year = Int(label[..<q]) {
            return Period(label: "\(year - 1)\(label[q...])", from: from, to: to)
        }
        if let year = Int(label) { return Period(label: String(year - 1), from: from, to: to) }
        if label.count == 7, label.dropFirst(4).first == "-", let year = Int(label.prefix(4)) {
            return Period(label: "\(year - 1)\(label.dropFirst(4))", from: from, to: to)
        }
        return Period.between(from, to) ?? Period(label: label, from: from, to: to)
    }
}
