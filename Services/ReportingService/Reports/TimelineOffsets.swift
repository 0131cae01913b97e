internal import TiltsDomain

/// The pilot's windows (``CaseTimeline``) as day offsets from admission, for scanning a million
/// cases with integer arithmetic instead of building a timeline per case.
///
/// The offsets are taken from `CaseTimeline` itself (for a fixed reference admission day), so the
/// rules still live only there; ``StepOutcome`` mirrors ``StepEvaluation`` on day numbers and is
/// tested against it. Immutable.
struct TimelineOffsets: Sendable {
    /// First and last day of each window, as days after the admission day (day 1 = offset 0).
    struct Window: Sendable, Equatable {
        var first: Int32
        var last: Int32
    }

    let mapping: Window
    let meeting1: Window
    let meeting2: Window
    let meeting3: Window
    /// The whole course; its last day is the final summary's deadline.
    let course: Window

    static let days40 = TimelineOffsets(.days40)
    static let days70 = TimelineOffsets(.days70)

    /// The offsets for a course of `length` days (40 or 70); nil for any other length.
    static func of(length: Int16) -> TimelineOffsets? {
        switch length {
        case 40: days40
        case 70: days70
        default: nil
        }
    }

    private init(_ length: CourseLength) {
        let reference = CalendarDay(year: 2026, month: 3, day: 1)!
        let timeline = CaseTimeline(admission: reference, length: length)
        func offsets(_ window: DayWindow) -> Window {
            Window(
                first: Int32(reference.days(until: window.first)), last: Int32(reference.days(until: window.last)))
        }
        mapping = offsets(timeline.mappingWindow)
        meeting1 = offsets(timeline.meeting1)
        meeting2 = offsets(timeline.meeting2)
        meeting3 = offsets(timeline.meeting3)
        course = offsets(timeline.course)
    }

    /// Meeting `number` (1–3).
    func meeting(_ number: Int) -> Window {
        switch number {
        case 1: meeting1
        case 2: meeting2
        default: meeting3
        }
    }
}

/// Where a case's required step stood on a day, on day numbers: ``StepEvaluation``'s rule, plus
/// the cancellation the meeting service applies when a course ends before the step's window
/// closed without it. Pure.
enum StepOutcome: Equatable, Sendable {
    /// The window has not closed and the step is not done.
    case pending
    /// The course ended (on or before the window's last day) without the step.
    case cancelled
    case heldEarly
    case heldInWindow
    case heldLate
    /// The window closed without the step.
    case missed

    /// - Parameters:
    ///   - window: the window as day numbers.
    ///   - done: the day the step was done, `CaseFacts.noDay` if not.
    ///   - ended: the day the course ended, `CaseFacts.noDay` if not.
    ///   - asOf: the day of the report; facts after it are ignored.
    static func of(window: TimelineOffsets.Window, admission: Int32, done: Int32, ended: Int32, asOf: Int32) -> StepOutcome {
        let first = admission + window.first
        let last = admission + window.last
        if done != CaseFacts.noDay && done <= asOf {
            if done < first { return .heldEarly }
            if done > last { return .heldLate }
            return .heldInWindow
        }
        if ended != CaseFacts.noDay && ended <= asOf && ended <= last { return .cancelled }
        return asOf > last ? .missed : .pending
    }
}
