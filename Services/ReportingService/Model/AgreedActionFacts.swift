/// One action agreed at a child's meeting (pre-placement, meetings 1–3), as the analytical store
/// knows it, and the one definition of when such an action is overdue.
///
/// Days are ``CalendarDay/dayNumber`` values as `Int32`, ``CaseFacts/noDay`` when unknown; the
/// municipality is an index into ``FactModel/municipalities``. An action whose `MeetingHeld` has
/// not arrived (only its completion has) has no due day and is never counted. A value type.
///
/// ## Overdue
///
/// An action is *past due as of day A* when the report knows it by A (its meeting was held on or
/// before A), its due day D is before A, and it was not done on or before A: the meeting service's
/// `ListDueAndOverdue` rule, which the operational snapshot uses as it stands.
///
/// The quarterly report counts the actions that were *overdue in the quarter* F…L, counted as of
/// X = min(L, today) like the rest of the report:
/// - due in the quarter, on a day that is over (F ≤ D ≤ X and D < today), and not done by its due
///   day (done after D, later in the quarter or not by X): overdue during the quarter, whether or
///   not it was done late before the quarter ended; or
/// - due before the quarter and still not done at X: the backlog carried into the quarter and
///   still open at its end.
/// An action due in an earlier quarter and done late, but before this quarter's end, counts in the
/// quarter it fell due, not again. An action due on the day the report is made is not overdue yet.
struct AgreedActionFacts: Sendable, Equatable {
    var municipality: Int32 = -1
    /// `tilts.meeting.v1.MeetingKind`.
    var meetingKind: Int8 = 0
    /// The day the meeting was held (its minutes' `held_on`).
    var held = CaseFacts.noDay
    var due = CaseFacts.noDay
    /// The day it was marked done.
    var done = CaseFacts.noDay

    /// Whether the report as of `day` knows the action: its meeting was held by then and it has a
    /// due day.
    func isKnown(by day: Int32) -> Bool {
        held != CaseFacts.noDay && held <= day && due != CaseFacts.noDay
    }

    /// Whether it was done on or before `day`.
    func isDone(by day: Int32) -> Bool {
        done != CaseFacts.noDay && done <= day
    }

    /// Past due as of `day`: due before it and not done by it (see the type's documentation).
    func isPastDue(asOf day: Int32) -> Bool {
        isKnown(by: day) && due < day && !isDone(by: day)
    }

    /// Overdue in the quarter starting `first`, counted as of `asOf` (the quarter's last day, or
    /// today while it runs) on `today` (see the type's documentation).
    func isOverdue(quarterFirst first: Int32, asOf: Int32, today: Int32) -> Bool {
        guard asOf >= first, isKnown(by: asOf) else { return false }
        if due >= first {
            return due <= asOf && due < today && !isDone(by: due)
        }
        return !isDone(by: asOf)
    }
}
