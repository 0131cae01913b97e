internal import Testing
@testable internal import ReportingService
internal import TiltsDomain
internal import TiltsMessages

/// GetOperationalSnapshot: who is in course, waiting, due this week and overdue, as of a day.
@Suite struct OperationalSnapshotBuilderTests {
    typealias F = ReportingFixtures

    func snapshot(_ asOf: String, suppressing: Bool = false, events: [Event]) async throws -> OperationalSnapshot {
        let store = try F.store()
        try await F.apply(events, to: store)
        return OperationalSnapshotBuilder(asOf: F.day(asOf), capacity: 12).build(model: try await store.model(), suppressing: suppressing)
    }

    func counts(_ steps: [StepCount]) -> [String: Int64] {
        Dictionary(uniqueKeysWithValues: steps.map { ($0.step, $0.children?.value ?? -1) })
    }

    @Test func stepsDueThisWeekAndOverdue() async throws {
        // c1 admitted 2026-04-01 (40 days): mapping by 04-10, meeting 1 04-07…04-09, meeting 2 04-23…04-27.
        // c2 admitted 2026-04-10 (70 days): meeting 1 04-16…04-18.
        let events = [
            F.submitted("r1", on: "2026-03-20"), F.admitted("c1", referral: "r1", on: "2026-04-01", length: 40, received: "2026-03-20"),
            F.submitted("r2", on: "2026-03-25"), F.admitted("c2", referral: "r2", on: "2026-04-10", length: 70, received: "2026-03-25"),
            F.submitted("r3", on: "2026-04-12", urgent: true), F.held(.prePlacement, referral: "r3", on: "2026-04-14"),
            F.submitted("r4", on: "2026-04-13"), F.submitted("r5", on: "2026-04-01"), F.closed("r5", on: "2026-04-02"),
            F.assessed("c2", .baseline, on: "2026-04-15", scores: [3, 3, 3, 3, 3, 3]),
        ]
        let snapshot = try await snapshot("2026-04-15", events: events)
        #expect(snapshot.inCourse?.value == 2)
        #expect(snapshot.inCourseByCohort.map { $0.children?.value } == [1, 1])
        #expect(snapshot.waiting?.value == 2 && snapshot.waitingUrgent?.value == 1)
        #expect(snapshot.waitingWithoutPrePlacementMeeting?.value == 1)
        #expect(counts(snapshot.overdue) == ["mapping": 1, "meeting1": 1, "meeting2": 0, "meeting3": 0, "final_summary": 0])
        #expect(counts(snapshot.dueThisWeek) == ["mapping": 0, "meeting1": 1, "meeting2": 0, "meeting3": 0, "final_summary": 0])
        #expect(snapshot.endingThisWeek?.value == 0)

        let outside = try await self.snapshot("2026-04-15", suppressing: true, events: events)
        #expect(outside.inCourse?.disclosure == .suppressed && outside.waiting?.disclosure == .suppressed)
        #expect(outside.caveats.map(\.code) == ["SUPPRESSION_APPLIED"])
    }

    /// ``ActionScenario``: a1, a7 and a10 are past due on 2026-06-21 (a2 and a3 were done by then,
    /// a4–a6 are not due yet, a8 is a completion only, a9 a quarterly review's).
    @Test func overdueActionsAsOfADay() async throws {
        let events = ActionScenario.events()
        #expect(try await snapshot("2026-06-21", events: events).overdueActions == ReportCount(value: 3, disclosure: .shown))
        #expect(try await snapshot("2026-06-21", suppressing: true, events: events).overdueActions?.disclosure == .suppressed)
        // a1 on its due day is not past due; a2 the day before it was done is.
        #expect(try await snapshot("2026-05-25", events: events).overdueActions?.value == 0)
        #expect(try await snapshot("2026-06-02", events: events).overdueActions?.value == 2)
        // The steps of the children in course are unchanged by actions.
        #expect(counts(try await snapshot("2026-06-21", events: events).overdue).keys.sorted() == OperationalSnapshotBuilder.steps.sorted())
    }

    @Test func anEndedCourseIsNotInCourse() async throws {
        let events = [
            F.submitted("r1", on: "2026-03-20"), F.admitted("c1", referral: "r1", on: "2026-04-01", length: 40, received: "2026-03-20"),
            F.ended("c1", on: "2026-05-05", status: .terminatedEarly, reason: .other),
        ]
        #expect(try await snapshot("2026-05-04", events: events).inCourse?.value == 1)
        #expect(try await snapshot("2026-05-05", events: events).inCourse?.value == 0)
        // The last day, 2026-05-10, is within the week from 05-04.
        #expect(try await snapshot("2026-05-04", events: events).endingThisWeek?.value == 1)
    }
}
