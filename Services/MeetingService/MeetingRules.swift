internal import TiltsDomain
internal import TiltsMessages

/// The pure rules of the pilot's meetings: who convenes which, the requirement windows, and where
/// a required meeting stands on a day. The windows themselves come from ``CaseTimeline``; the
/// status rule from ``StepEvaluation``; this type only joins them to meetings.
enum MeetingRules {
    /// The kinds a child's meeting can be scheduled as with `ScheduleMeeting`.
    static let childKinds: [MeetingKind] = [.prePlacement, .meeting1, .meeting2, .meeting3]
    /// The in-course meetings, whose windows ``CaseTimeline`` gives.
    static let courseKinds: [MeetingKind] = [.meeting1, .meeting2, .meeting3]

    /// Who convenes (schedules, moves, cancels and minutes) a meeting of `kind`: the SD for
    /// pre-placement, the centre for meetings 1–3, the centre, LBF or LM for quarterly reviews.
    static func conveners(of kind: MeetingKind) -> [InstitutionKind] {
        switch kind {
        case .prePlacement: [.socialService]
        case .quarterlyReview: [.centre, .fund, .ministry]
        default: [.centre]
        }
    }

    /// The window of an in-course meeting, from the one timeline function.
    static func window(of kind: MeetingKind, in timeline: CaseTimeline) -> DayWindow? {
        switch kind {
        case .meeting1: timeline.window(for: .meeting1)
        case .meeting2: timeline.window(for: .meeting2)
        case .meeting3: timeline.window(for: .meeting3)
        default: nil
        }
    }

    /// A requirement's window. The pre-placement window opens the day the referral is received and
    /// stays open (`last` nil) until the child is admitted; it then closes on the admission day.
    /// *Interpretation:* "before day 1" includes the admission day itself, as the referral service
    /// accepts a pre-placement meeting held on the admission day.
    struct Window: Equatable, Sendable {
        var first: CalendarDay
        var last: CalendarDay?

        init(first: CalendarDay, last: CalendarDay?) {
            self.first = first
            self.last = last.map { max($0, first) }
        }

        init(_ window: DayWindow) {
            self.init(first: window.first, last: window.last)
        }

        func contains(_ day: CalendarDay) -> Bool {
            first <= day && (last.map { day <= $0 } ?? true)
        }

        /// A closed window for ``StepEvaluation``: an open window never closes.
        var dayWindow: DayWindow {
            DayWindow(first: first, last: last ?? CalendarDay(year: 9999, month: 12, day: 31)!)
        }

        var message: DateWindow {
            DateWindow(first: first.description, last: last?.description ?? "")
        }
    }

    /// What is known of one required meeting on a day.
    struct RequirementFacts: Equatable, Sendable {
        var window: Window
        /// The day the meeting was held (minutes recorded, draft or final).
        var heldOn: CalendarDay?
        /// The day a meeting is scheduled for, when one is scheduled and not yet held.
        var scheduledOn: CalendarDay?
        /// The day the requirement was cancelled (referral closed, case ended).
        var cancelledOn: CalendarDay?
        /// The referral service recorded the pre-placement meeting held at admission.
        var heldAsReportedAtAdmission = false
    }

    /// Where the requirement stands as of `asOf`. First match wins: held (early, in window, late);
    /// reported held at admission (in window); cancelled; then ``StepEvaluation`` (scheduled,
    /// upcoming, due, missed).
    static func status(of facts: RequirementFacts, asOf: CalendarDay) -> StepStatus {
        if let held = facts.heldOn {
            return StepEvaluation.status(window: facts.window.dayWindow, heldOn: held, scheduledOn: nil, asOf: asOf)
        }
        if facts.heldAsReportedAtAdmission { return .heldInWindow }
        if facts.cancelledOn != nil { return .cancelled }
        return StepEvaluation.status(
            window: facts.window.dayWindow, heldOn: nil, scheduledOn: facts.scheduledOn, asOf: asOf)
    }

    /// Overdue: the window closed without the meeting held, scheduled for later or not (DESIGN:
    /// "a window closed without the step done"). Cancelled requirements are not overdue.
    static func isOverdue(_ facts: RequirementFacts, asOf: CalendarDay) -> Bool {
        guard facts.cancelledOn == nil, !facts.heldAsReportedAtAdmission else { return false }
        return StepEvaluation.isOverdue(window: facts.window.dayWindow, heldOn: facts.heldOn, asOf: asOf)
    }

    /// Whether ending the referral or case on `endedOn` cancels a requirement not yet held: it does
    /// unless its window had already closed (then it stays missed, which is history).
    static func endCancels(_ window: Window, endedOn: CalendarDay) -> Bool {
        window.last.map { $0 >= endedOn } ?? true
    }

    /// The API value of a step status.
    static func requirementStatus(_ status: StepStatus) -> MeetingRequirementStatus {
        switch status {
        case .upcoming: .upcoming
        case .due: .due
        case .scheduled: .scheduled
        case .heldInWindow: .heldInWindow
        case .heldLate: .heldLate
        case .heldEarly: .heldEarly
        case .missed: .missed
        case .cancelled: .cancelled
        }
    }
}
