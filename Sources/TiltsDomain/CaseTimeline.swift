/// The dated schedule of one case: every window of DESIGN section 2, computed from the admission day
/// and the course length. **The pilot's timing rules and their interpretations live here and only here.**
///
/// Days are calendar days in Riga. Day 1 is the admission day, day n is admission + (n − 1), and the
/// last day is day L, where L is the ``CourseLength`` (40 or 70). All windows include both ends.
///
/// | step | rule (DESIGN 2) | days, L = 40 | days, L = 70 |
/// |---|---|---|---|
/// | adaptation and mapping | days 1–10 | 1–10 | 1–10 |
/// | meeting 1 (plan approved) | days 7–9 | 7–9 | 7–9 |
/// | meeting 2 | middle of the rehabilitation phase, ±2 days | 23–27 | 38–42 |
/// | meeting 3 | 5–7 days before the end: L−7 … L−5 | 33–35 | 63–65 |
/// | final summary | by day L | 1–40 | 1–70 |
///
/// Interpretations, stated once:
/// - **Meeting 2.** The description says "the middle, based on the 30- or 60-day course". We read it as
///   the middle of the 30 or 60 days of rehabilitation that follow the 10 mapping days (the regulation's
///   standard 30/60-day courses), so the target is day 10 + (L − 10) / 2: day 25 for L = 40, day 40 for
///   L = 70. The window is the target ±2 days.
/// - **Meeting 3.** "5–7 days before the end", counting back from the last day L: day L − 7 through
///   day L − 5.
/// - **Final summary.** "By day L" has no opening day; its window is the whole course, day 1 through
///   day L, so it is overdue from day L + 1.
/// - **Pre-placement meeting.** "Before day 1" is not a window of the case's own days and is not
///   modelled here; admission without one is a deviation recorded by the referral service.
///
/// A value type, safe from any thread.
///
/// ```swift
/// let timeline = CaseTimeline(admission: CalendarDay(iso: "2026-03-25")!, length: .days40)
/// timeline.meeting1      // 2026-03-31…2026-04-02
/// timeline.lastDay       // 2026-05-03
/// ```
public struct CaseTimeline: Hashable, Sendable {
    /// Day 1.
    public let admission: CalendarDay
    /// L: 40 or 70 days.
    public let length: CourseLength
    /// Adaptation and mapping: days 1–10.
    public let mappingWindow: DayWindow
    /// Meeting 1, where mapping results are presented and the plan approved: days 7–9.
    public let meeting1: DayWindow
    /// Meeting 2: target day 10 + (L − 10) / 2 (25 or 40), ±2 days: days 23–27 or 38–42.
    public let meeting2: DayWindow
    /// Meeting 3: days L − 7 … L − 5 (33–35 or 63–65).
    public let meeting3: DayWindow
    /// Day L, by which the final summary is due.
    public let lastDay: CalendarDay

    /// The days of adaptation and mapping.
    public static let mappingDays = 1...10
    /// Meeting 1's days.
    public static let meeting1Days = 7...9
    /// How far either side of its target meeting 2 may be held.
    public static let meeting2Tolerance = 2

    /// The day number meeting 2 aims for: 10 + (L − 10) / 2.
    public static func meeting2TargetDay(for length: CourseLength) -> Int {
        mappingDays.upperBound + (length.days - mappingDays.upperBound) / 2
    }

    /// Meeting 3's days: L − 7 … L − 5.
    public static func meeting3Days(for length: CourseLength) -> ClosedRange<Int> {
        (length.days - 7)...(length.days - 5)
    }

    /// - Precondition: the last day falls in years 1–9999.
    public init(admission: CalendarDay, length: CourseLength) {
        self.admission = admission
        self.length = length
        func window(_ days: ClosedRange<Int>) -> DayWindow {
            DayWindow(first: admission.adding(days: days.lowerBound - 1), last: admission.adding(days: days.upperBound - 1))
        }
        let target = Self.meeting2TargetDay(for: length)
        mappingWindow = window(Self.mappingDays)
        meeting1 = window(Self.meeting1Days)
        meeting2 = window((target - Self.meeting2Tolerance)...(target + Self.meeting2Tolerance))
        meeting3 = window(Self.meeting3Days(for: length))
        lastDay = admission.adding(days: length.days - 1)
    }

    /// The case day number of `day`: 1 on the admission day, 0 the day before, L on the last day.
    public func dayNumber(of day: CalendarDay) -> Int {
        admission.days(until: day) + 1
    }

    /// The calendar day of case day `number` (1 = admission).
    public func day(_ number: Int) -> CalendarDay {
        admission.adding(days: number - 1)
    }

    /// The target day of meeting 2 (day 25 or 40).
    public var meeting2Target: CalendarDay { day(Self.meeting2TargetDay(for: length)) }

    /// Day 1 through day L.
    public var course: DayWindow { DayWindow(first: admission, last: lastDay) }

    /// Whether `day` is one of the course's days (1 … L).
    public func isDuringCourse(_ day: CalendarDay) -> Bool { course.contains(day) }
}

extension CaseTimeline {
    /// A step of the case that has a window, for listing overdue steps uniformly (DESIGN "Overdue").
    public enum Step: String, Sendable, CaseIterable {
        case mapping, meeting1, meeting2, meeting3, finalSummary
    }

    /// The window of `step`; for ``Step/finalSummary`` the whole course (see the interpretations above).
    public func window(for step: Step) -> DayWindow {
        switch step {
        case .mapping: mappingWindow
        case .meeting1: meeting1
        case .meeting2: meeting2
        case .meeting3: meeting3
        case .finalSummary: course
        }
    }
}
