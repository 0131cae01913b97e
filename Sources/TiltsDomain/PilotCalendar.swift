/// The pilot period and its quarters (DESIGN section 2).
///
/// The period comes from configuration; the default is 2026-03-01 … 2027-02-28. Quarters are counted
/// from the pilot's start, not the calendar year: for the default, Q1 = March–May 2026, Q2 = June–August,
/// Q3 = September–November, Q4 = December 2026–February 2027. Each pilot quarter has one quarterly
/// review meeting.
///
/// The rule: quarter q begins 3(q − 1) months after the start, on the start's day of the month (or the
/// last day of that month if it is shorter), and ends the day before quarter q + 1 begins, or on the
/// pilot's end day if that comes first. A last quarter cut short by the end still counts.
///
/// A value type, safe from any thread.
public struct PilotCalendar: Sendable, Hashable {
    /// The pilot's first day.
    public let start: CalendarDay
    /// The pilot's last day.
    public let end: CalendarDay

    /// 2026-03-01 … 2027-02-28: twelve months, four quarters.
    public static let `default` = PilotCalendar(
        start: CalendarDay(year: 2026, month: 3, day: 1)!, end: CalendarDay(year: 2027, month: 2, day: 28)!)

    /// - Precondition: `start <= end`.
    public init(start: CalendarDay, end: CalendarDay) {
        precondition(start <= end, "the pilot must not end before it starts")
        self.start = start
        self.end = end
    }

    /// The whole pilot period.
    public var period: DayWindow { DayWindow(first: start, last: end) }

    /// Whether `day` is in the pilot period.
    public func contains(_ day: CalendarDay) -> Bool { period.contains(day) }

    /// The number of quarters that begin on or before the end day.
    public var quarterCount: Int {
        var count = 1
        while firstDay(ofQuarter: count + 1) <= end { count += 1 }
        return count
    }

    /// The 1-based pilot quarter of `day`, or `nil` outside the pilot period.
    public func quarter(of day: CalendarDay) -> Int? {
        guard contains(day) else { return nil }
        let months = (day.year - start.year) * 12 + (day.month - start.month)
        var quarter = months / 3 + 1
        while quarter > 1 && firstDay(ofQuarter: quarter) > day { quarter -= 1 }
        while firstDay(ofQuarter: quarter + 1) <= day { quarter += 1 }
        return quarter
    }

    /// The days of `quarter` (1-based), the last one cut at the pilot's end; `nil` if there is no such quarter.
    public func range(ofQuarter quarter: Int) -> DayWindow? {
        guard quarter >= 1 && quarter <= quarterCount else { return nil }
        let next = firstDay(ofQuarter: quarter + 1).adding(days: -1)
        return DayWindow(first: firstDay(ofQuarter: quarter), last: min(next, end))
    }

    /// The first day of quarter `quarter` if the pilot went on indefinitely.
    private func firstDay(ofQuarter quarter: Int) -> CalendarDay {
        let monthIndex = start.month - 1 + 3 * (quarter - 1)
        let year = start.year + monthIndex / 12
        let month = monthIndex % 12 + 1
        let day = min(start.day, CalendarDay.daysInMonth(month, year: year))
        return CalendarDay(year: year, month: month, day: day)!
    }
}
