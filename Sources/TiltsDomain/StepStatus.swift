/// Where a required step with a window stands on a given day; see ``StepEvaluation``.
///
/// The raw values are stable identifiers for storage, APIs and reports.
public enum StepStatus: String, Sendable, CaseIterable {
    /// The window has not opened, and nothing is scheduled or held.
    case upcoming
    /// The window is open and nothing is scheduled or held.
    case due
    /// A date is set, the step is not held, and either the window has not closed or the date is today
    /// or later. A step scheduled after its window closed is still overdue (see ``StepEvaluation/isOverdue(window:heldOn:asOf:)``).
    case scheduled
    /// Held on a day inside the window.
    case heldInWindow
    /// Held after the window closed.
    case heldLate
    /// Held before the window opened.
    case heldEarly
    /// The window closed, the step was not held and nothing is scheduled from today on. Overdue.
    case missed
    /// The step was called off (for example, the course was terminated). Never computed by
    /// ``StepEvaluation/status(window:heldOn:scheduledOn:asOf:)``: callers that record a cancellation report it themselves.
    case cancelled

    /// Whether the step has been held (in, before or after its window).
    public var isHeld: Bool {
        switch self {
        case .heldInWindow, .heldLate, .heldEarly: true
        default: false
        }
    }
}
