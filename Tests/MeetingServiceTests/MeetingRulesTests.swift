internal import Testing
internal import TiltsDomain
internal import TiltsMessages
@testable internal import MeetingService

/// The overdue rule with fixed days: due, scheduled, held in window, held late, missed, and what
/// cancellation and a meeting reported at admission change.
@Suite struct MeetingRulesTests {
    // Meeting 1 of a 40-day course admitted 2026-11-25: days 7–9 are 2026-12-01…2026-12-03.
    let window = MeetingRules.Window(CaseTimeline(admission: Fixture.day("2026-11-25"), length: .days40).meeting1)

    func status(held: String? = nil, scheduled: String? = nil, cancelled: String? = nil, asOf: String) -> StepStatus {
        var facts = MeetingRules.RequirementFacts(window: window)
        facts.heldOn = held.map(Fixture.day)
        facts.scheduledOn = scheduled.map(Fixture.day)
        facts.cancelledOn = cancelled.map(Fixture.day)
        return MeetingRules.status(of: facts, asOf: Fixture.day(asOf))
    }

    func overdue(held: String? = nil, scheduled: String? = nil, cancelled: String? = nil, asOf: String) -> Bool {
        var facts = MeetingRules.RequirementFacts(window: window)
        facts.heldOn = held.map(Fixture.day)
        facts.scheduledOn = scheduled.map(Fixture.day)
        facts.cancelledOn = cancelled.map(Fixture.day)
        return MeetingRules.isOverdue(facts, asOf: Fixture.day(asOf))
    }

    @Test func beforeTheWindowNothingIsDue() {
        #expect(status(asOf: "2026-11-30") == .upcoming)
        #expect(!overdue(asOf: "2026-11-30"))
    }

    @Test func insideTheWindowItIsDue() {
        #expect(status(asOf: "2026-12-01") == .due)
        #expect(status(asOf: "2026-12-03") == .due)
        #expect(!overdue(asOf: "2026-12-03"))
    }

    @Test func afterTheWindowWithoutAMeetingItIsMissed() {
        #expect(status(asOf: "2026-12-04") == .missed)
        #expect(overdue(asOf: "2026-12-04"))
    }

    @Test func aScheduledMeetingIsScheduledUntilTheWindowCloses() {
        #expect(status(scheduled: "2026-12-02", asOf: "2026-11-28") == .scheduled)
        #expect(status(scheduled: "2026-12-02", asOf: "2026-12-03") == .scheduled)
        // The day passed, no minutes: missed once the window has closed.
        #expect(status(scheduled: "2026-12-02", asOf: "2026-12-04") == .missed)
        // Scheduled after the window: still scheduled, but overdue.
        #expect(status(scheduled: "2026-12-07", asOf: "2026-12-05") == .scheduled)
        #expect(overdue(scheduled: "2026-12-07", asOf: "2026-12-05"))
    }

    @Test func heldInsideTheWindow() {
        #expect(status(held: "2026-12-01", asOf: "2027-01-10") == .heldInWindow)
        #expect(status(held: "2026-12-03", asOf: "2026-12-03") == .heldInWindow)
        #expect(!overdue(held: "2026-12-03", asOf: "2027-01-10"))
    }

    @Test func heldAfterTheWindowIsLate() {
        #expect(status(held: "2026-12-04", asOf: "2026-12-04") == .heldLate)
        #expect(!overdue(held: "2026-12-04", asOf: "2026-12-10"))
        #expect(status(held: "2026-11-30", asOf: "2026-12-10") == .heldEarly)
    }

    @Test func cancelledRequirementsAreNeitherDueNorOverdue() {
        #expect(status(cancelled: "2026-11-28", asOf: "2026-12-10") == .cancelled)
        #expect(!overdue(cancelled: "2026-11-28", asOf: "2026-12-10"))
        // A meeting held before the end still counts.
        #expect(status(held: "2026-12-02", cancelled: "2026-12-05", asOf: "2026-12-10") == .heldInWindow)
    }

    @Test func thePrePlacementWindowStaysOpenUntilAdmission() {
        var facts = MeetingRules.RequirementFacts(window: MeetingRules.Window(first: Fixture.day("2026-11-02"), last: nil))
        #expect(MeetingRules.status(of: facts, asOf: Fixture.day("2027-02-01")) == .due)
        #expect(!MeetingRules.isOverdue(facts, asOf: Fixture.day("2027-02-01")))
        #expect(!facts.window.contains(Fixture.day("2026-11-01")))
        #expect(facts.window.message == DateWindow(first: "2026-11-02", last: ""))
        // Admitted on 2026-11-20 without the meeting: missed from the next day.
        facts.window = MeetingRules.Window(first: Fixture.day("2026-11-02"), last: Fixture.day("2026-11-20"))
        #expect(MeetingRules.status(of: facts, asOf: Fixture.day("2026-11-21")) == .missed)
        // The referral service recorded it held (outside this service): held in window.
        facts.heldAsReportedAtAdmission = true
        #expect(MeetingRules.status(of: facts, asOf: Fixture.day("2026-11-21")) == .heldInWindow)
        #expect(!MeetingRules.isOverdue(facts, asOf: Fixture.day("2026-11-21")))
    }

    @Test func endingCancelsOnlyWindowsNotYetClosed() {
        #expect(MeetingRules.endCancels(window, endedOn: Fixture.day("2026-12-03")))
        #expect(!MeetingRules.endCancels(window, endedOn: Fixture.day("2026-12-04")))
        #expect(MeetingRules.endCancels(MeetingRules.Window(first: Fixture.day("2026-11-02"), last: nil), endedOn: Fixture.day("2030-01-01")))
    }

    @Test func conveners() {
        #expect(MeetingRules.conveners(of: .prePlacement) == [.socialService])
        #expect(MeetingRules.conveners(of: .meeting2) == [.centre])
        #expect(MeetingRules.conveners(of: .quarterlyReview) == [.centre, .fund, .ministry])
    }
}
