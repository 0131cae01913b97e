/// A calendar day in Europe/Riga: a year, month and day of the proleptic Gregorian calendar, with no
/// time of day and no time zone.
///
/// DESIGN section 2: "days are calendar days" and "Calendar days and 'as of' dates are in Europe/Riga
/// time". A `CalendarDay` is the value every rule of the pilot counts with; turn an instant into one
/// with ``RigaTime/calendarDay(ofUnixSeconds:)``. On the wire and in text it is `YYYY-MM-DD`
/// (DESIGN section 4); in storage it may be the integer ``dayNumber``.
///
/// Years run from 1 to 9999, the range `YYYY-MM-DD` can spell. The failable initialisers reject
/// anything outside it; arithmetic that would leave it (``adding(days:)``, ``init(dayNumber:)``) is a
/// programmer error and traps. Check ``validDayNumbers`` first when a day number comes from outside.
///
/// A value type, safe to use from any thread.
///
/// ```swift
/// let admission = CalendarDay(iso: "2026-03-25")!
/// admission.adding(days: 9)            // 2026-04-03
/// admission.days(until: CalendarDay(year: 2026, month: 4, day: 3)!)   // 9
/// ```
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The years a `CalendarDay` can hold.
    public static let validYears: ClosedRange<Int> = 1...9999

    /// The day numbers of 0001-01-01 through 9999-12-31.
    public static let validDayNumbers: ClosedRange<Int> =
        daysFromCivil(year: 1, month: 1, day: 1)...daysFromCivil(year: 9999, month: 12, day: 31)

    /// A day, or `nil` if it does not exist (month outside 1–12, day outside the month, 29 February in
    /// a year that is not a leap year, year outside ``validYears``).
    public init?(year: Int, month: Int, day: Int) {
        guard Self.validYears.contains(year), (1...12).contains(month),
            day >= 1, day <= Self.daysInMonth(month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `dayNumber` days after 1970-01-01 (negative: before it).
    ///
    /// - Precondition: `dayNumber` is in ``validDayNumbers``.
    public init(dayNumber: Int) {
        precondition(Self.validDayNumbers.contains(dayNumber), "day number \(dayNumber) is outside years 1-9999")
        let (y, m, d) = Self.civilFromDays(dayNumber)
        self.year = y
        self.month = m
        self.day = d
    }

    /// Days since 1970-01-01 (1970-01-02 is 1, 1969-12-31 is −1). Stable: use it to store a day as an integer.
    public var dayNumber: Int { Self.daysFromCivil(year: year, month: month, day: day) }

    /// `YYYY-MM-DD`, zero-padded.
    public var description: String {
        Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
    }

    /// The day `days` later (earlier when negative).
    ///
    /// - Precondition: the result lies in years 1–9999.
    public func adding(days: Int) -> CalendarDay {
        CalendarDay(dayNumber: dayNumber + days)
    }

    /// `other − self` in days: positive when `other` is later.
    public func days(until other: CalendarDay) -> Int {
        other.dayNumber - dayNumber
    }

    /// The ISO 8601 weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let fromMonday = (dayNumber + 3) % 7
        return (fromMonday < 0 ? fromMonday + 7 : fromMonday) + 1
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Whether `year` is a Gregorian leap year (divisible by 4, except centuries not divisible by 400).
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in `month` (1–12) of `year`.
    public static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

// MARK: - Civil calendar arithmetic
//
// Howard Hinnant's `days_from_civil` / `civil_from_days` (http://howardhinnant.github.io/date_algorithms.html):
// exact for the whole proleptic Gregorian calendar, no tables, no loops.
extension CalendarDay {
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400  // 0...399
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1  // 0...365, from 1 March
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear  // 0...146096
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
