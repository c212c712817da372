import Foundation

extension CalendarDate {
    /// Today's date in UTC (for "dates in the future" checks and default periods).
    public static var today: CalendarDate {
        CalendarDate(daysSince1970: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
