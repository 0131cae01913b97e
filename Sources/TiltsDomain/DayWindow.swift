/// An inclusive range of calendar days in which a step of the pilot is due (DESIGN section 2).
///
/// Both ends count: a window `2026-03-31 … 2026-04-02` holds three days.
public struct DayWindow: Hashable, Sendable, CustomStringConvertible {
    /// The first day in the window.
    public let first: CalendarDay
    /// The last day in the window (the step is overdue from the next day).
    public let last: CalendarDay

    /// - Precondition: `first <= last`.
    public init(first: CalendarDay, last: CalendarDay) {
        precondition(first <= last, "a day window must not end before it begins")
        self.first = first
        self.last = last
    }

    /// Whether `day` lies in the window, ends included.
    public func contains(_ day: CalendarDay) -> Bool {
        first <= day && day <= last
    }

    /// The number of days in the window, ends included.
    public var dayCount: Int { first.days(until: last) + 1 }

    /// `YYYY-MM-DD…YYYY-MM-DD`.
    public var description: String { "\(first)…\(last)" }
}
