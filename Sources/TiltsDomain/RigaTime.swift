/// Europe/Riga civil time, computed from the rule, without a time-zone database.
///
/// DESIGN section 2: "Calendar days and 'as of' dates are in Europe/Riga time; instants are stored in
/// UTC." Services turn a stored instant (or the clock they are given) into a ``CalendarDay`` here.
///
/// The rule: Eastern European Time, UTC+2, and Eastern European Summer Time, UTC+3, from the last
/// Sunday of March 01:00 UTC (03:00 local becomes 04:00) until the last Sunday of October 01:00 UTC
/// (04:00 local becomes 03:00). It is the EU rule Latvia has followed since 2001; instants before 2001
/// get the same rule (the pilot begins in 2026), and a future change of the rule needs a change here.
///
/// Pure functions on values; safe from any thread.
///
/// - Precondition (all functions): the instant lies in years 1–9999.
public enum RigaTime {
    /// Standard time (EET), seconds east of UTC.
    public static let standardOffsetSeconds = 2 * 3600
    /// Summer time (EEST), seconds east of UTC.
    public static let summerOffsetSeconds = 3 * 3600

    /// The Riga calendar day of a UTC instant given as seconds since the Unix epoch.
    public static func calendarDay(ofUnixSeconds seconds: Int64) -> CalendarDay {
        let local = Int(seconds) + utcOffsetSeconds(atUnixSeconds: seconds)
        return CalendarDay(dayNumber: floorDivide(local, 86_400))
    }

    /// Riga's offset from UTC at the instant, in seconds: 7200 (winter) or 10800 (summer).
    public static func utcOffsetSeconds(atUnixSeconds seconds: Int64) -> Int {
        let s = Int(seconds)
        let utcDay = CalendarDay(dayNumber: floorDivide(s, 86_400))
        let (start, end) = summerTime(in: utcDay.year)
        return (start..<end).contains(s) ? summerOffsetSeconds : standardOffsetSeconds
    }

    /// The instant (seconds since the Unix epoch) at which `day` begins in Riga: its local midnight.
    /// Midnight always exists and is unique in Riga, since the clocks change at 03:00/04:00 local.
    public static func startOfDayUnixSeconds(_ day: CalendarDay) -> Int64 {
        let localMidnight = day.dayNumber * 86_400
        // Midnight is at least two hours from any switch, so the offset one summer-offset earlier agrees.
        let offset = utcOffsetSeconds(atUnixSeconds: Int64(localMidnight - summerOffsetSeconds))
        return Int64(localMidnight - offset)
    }

    /// Summer time of `year` as UTC instants: [last Sunday of March 01:00, last Sunday of October 01:00).
    static func summerTime(in year: Int) -> (start: Int, end: Int) {
        (lastSunday(month: 3, year: year).dayNumber * 86_400 + 3600,
         lastSunday(month: 10, year: year).dayNumber * 86_400 + 3600)
    }

    private static func lastSunday(month: Int, year: Int) -> CalendarDay {
        let last = CalendarDay(year: year, month: month, day: 31)!  // March and October have 31 days
        return last.adding(days: -(last.isoWeekday % 7))  // Sunday (7) stays, Monday (1) goes back 1, …
    }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
