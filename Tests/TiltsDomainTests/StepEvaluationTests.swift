internal import Testing
internal import TiltsDomain

/// A fixed "clock": meeting 1 of a 40-day case admitted 2026-03-25 has the window 2026-03-31 … 2026-04-02,
/// and each test passes its own as-of day.
@Suite("StepEvaluation")
struct StepEvaluationTests {
    private static func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }
    private let window = CaseTimeline(admission: day("2026-03-25"), length: .days40).meeting1

    private func status(held: String? = nil, scheduled: String? = nil, asOf: String) -> StepStatus {
        StepEvaluation.status(window: window, heldOn: held.map(Self.day), scheduledOn: scheduled.map(Self.day), asOf: Self.day(asOf))
    }

    @Test("The fixture's window")
    func fixture() {
        #expect(window.description == "2026-03-31…2026-04-02")
        #expect(window.dayCount == 3)
    }

    @Test("Upcoming before the window, nothing planned")
    func upcoming() {
        #expect(status(asOf: "2026-03-25") == .upcoming)
        #expect(status(asOf: "2026-03-30") == .upcoming)
    }

    @Test("Due while the window is open and nothing is planned, first and last day included")
    func due() {
        #expect(status(asOf: "2026-03-31") == .due)
        #expect(status(asOf: "2026-04-01") == .due)
        #expect(status(asOf: "2026-04-02") == .due)
    }

    @Test("Missed from the day after the window")
    func missed() {
        #expect(status(asOf: "2026-04-03") == .missed)
        #expect(status(asOf: "2026-12-31") == .missed)
        // A date that passed after the window closed does not save it.
        #expect(status(scheduled: "2026-04-02", asOf: "2026-04-03") == .missed)
    }

    @Test("Scheduled: before or in the window, or a future date after it")
    func scheduled() {
        #expect(status(scheduled: "2026-04-01", asOf: "2026-03-20") == .scheduled)  // before the window opens
        #expect(status(scheduled: "2026-04-01", asOf: "2026-03-31") == .scheduled)
        #expect(status(scheduled: "2026-04-01", asOf: "2026-04-02") == .scheduled)  // date passed, window open
        #expect(status(scheduled: "2026-04-06", asOf: "2026-04-04") == .scheduled)  // late but still ahead
        #expect(status(scheduled: "2026-04-06", asOf: "2026-04-06") == .scheduled)  // today
        #expect(status(scheduled: "2026-04-06", asOf: "2026-04-07") == .missed)
    }

    @Test("Held in the window, late or early, whatever the as-of day and schedule")
    func held() {
        #expect(status(held: "2026-03-31", asOf: "2026-04-10") == .heldInWindow)
        #expect(status(held: "2026-04-02", scheduled: "2026-04-02", asOf: "2026-04-02") == .heldInWindow)
        #expect(status(held: "2026-04-03", asOf: "2026-04-03") == .heldLate)
        #expect(status(held: "2026-04-20", scheduled: "2026-04-01", asOf: "2026-05-01") == .heldLate)
        #expect(status(held: "2026-03-30", asOf: "2026-03-30") == .heldEarly)
        #expect(StepStatus.heldLate.isHeld && StepStatus.heldEarly.isHeld && StepStatus.heldInWindow.isHeld)
        #expect(!StepStatus.scheduled.isHeld && !StepStatus.missed.isHeld && !StepStatus.cancelled.isHeld)
    }

    @Test("Overdue: the window closed without the step held, scheduled or not")
    func overdue() {
        func overdue(held: String? = nil, asOf: String) -> Bool {
            StepEvaluation.isOverdue(window: window, heldOn: held.map(Self.day), asOf: Self.day(asOf))
        }
        #expect(!overdue(asOf: "2026-04-02"))
        #expect(overdue(asOf: "2026-04-03"))
        #expect(!overdue(held: "2026-04-05", asOf: "2026-04-06"))
        #expect(!overdue(held: "2026-04-01", asOf: "2026-04-06"))
    }

    @Test("Status of every step of a whole case on one day")
    func wholeCase() {
        let timeline = CaseTimeline(admission: Self.day("2026-03-25"), length: .days40)
        let asOf = Self.day("2026-04-18")  // day 25: meeting 2's target
        let held: [CaseTimeline.Step: CalendarDay] = [.meeting1: Self.day("2026-04-03")]
        let statuses = CaseTimeline.Step.allCases.map {
            StepEvaluation.status(window: timeline.window(for: $0), heldOn: held[$0], scheduledOn: nil, asOf: asOf)
        }
        #expect(statuses == [.missed, .heldLate, .due, .upcoming, .due])  // mapping never recorded as done
    }
}
