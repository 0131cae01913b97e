/// The status of a required step with a window, as of a day: the rule behind the overdue lists.
///
/// DESIGN section 2: "Overdue = a window closed without the step done; the system must list overdue
/// steps per case and overall." The windows come from ``CaseTimeline``; the "as of" day is a Riga
/// calendar day from the clock the caller passes in (``RigaTime/calendarDay(ofUnixSeconds:)``), never
/// read here, so every status can be tested with a fixed day.
///
/// The rule, first match wins:
/// 1. Held: ``StepStatus/heldEarly`` before the window's first day, ``StepStatus/heldInWindow`` inside
///    it, ``StepStatus/heldLate`` after its last day (whatever the as-of day).
/// 2. Scheduled and not held: ``StepStatus/scheduled`` while the window is open or has not opened
///    (as-of ≤ last), or when the scheduled day is as-of or later.
/// 3. Nothing held or in force: ``StepStatus/upcoming`` before the window, ``StepStatus/due`` inside
///    it, ``StepStatus/missed`` after it.
///
/// Pure functions; safe from any thread.
///
/// ```swift
/// let timeline = CaseTimeline(admission: admission, length: .days40)
/// StepEvaluation.status(window: timeline.meeting1, heldOn: nil, scheduledOn: nil, asOf: today)
/// ```
public enum StepEvaluation {
    /// The status of a step with `window`, held on `heldOn` and/or scheduled for `scheduledOn`, as of `asOf`.
    public static func status(
        window: DayWindow, heldOn: CalendarDay?, scheduledOn: CalendarDay?, asOf: CalendarDay
    ) -> StepStatus {
        if let held = heldOn {
            if held < window.first { return .heldEarly }
            if held > window.last { return .heldLate }
            return .heldInWindow
        }
        if let scheduled = scheduledOn, asOf <= window.last || scheduled >= asOf {
            return .scheduled
        }
        if asOf < window.first { return .upcoming }
        if asOf <= window.last { return .due }
        return .missed
    }

    /// Whether the step is overdue as of `asOf` (DESIGN: "a window closed without the step done"):
    /// not held and `asOf` is after the window's last day, scheduled for later or not.
    public static func isOverdue(window: DayWindow, heldOn: CalendarDay?, asOf: CalendarDay) -> Bool {
        heldOn == nil && asOf > window.last
    }
}
