internal import Testing
@testable internal import AssessmentService
internal import TiltsMessages

@Suite struct PlanRulesTests {
    func meeting(_ id: String, _ kind: Int32, _ day: String, approved: Bool) -> HeldMeeting {
        var meeting = HeldMeeting()
        meeting.meetingID = id
        meeting.kind = kind
        meeting.heldOn = day
        meeting.planApproved = approved
        return meeting
    }

    func plan(version: Int32) -> RehabilitationPlan {
        var plan = RehabilitationPlan()
        plan.version = version
        let draft = AssessmentFixtures.plan("c")
        plan.goals = draft.goals
        plan.interventions = draft.interventions
        return plan
    }

    func approve(_ plan: RehabilitationPlan, _ meetings: [HeldMeeting], used: Set<String> = []) -> PlanRules.Approval {
        PlanRules.approval(of: plan, meetings: meetings, usedMeetingIDs: used, caseID: "c", meeting1Window: "w")
    }

    @Test func firstVersionNeedsMeetingOneWithThePlanApproved() {
        if case .approvedAt = approve(plan(version: 1), []) { Issue.record("no meeting, no approval") }
        guard case .refused(let reason) = approve(plan(version: 1), [meeting("m2", PlanRules.meeting2, "2026-04-19", approved: true)])
        else { Issue.record("meeting 2 must not approve version 1"); return }
        #expect(reason.contains("meeting 1"))
        if case .approvedAt = approve(plan(version: 1), [meeting("m1", PlanRules.meeting1, "2026-04-01", approved: false)]) {
            Issue.record("meeting 1 that did not approve the plan must not count")
        }
        let held = meeting("m1", PlanRules.meeting1, "2026-04-01", approved: true)
        #expect(approve(plan(version: 1), [held]) == .approvedAt(held))
    }

    @Test func revisionNeedsAFurtherMeeting() {
        let first = meeting("m1", PlanRules.meeting1, "2026-04-01", approved: true)
        if case .approvedAt = approve(plan(version: 2), [first], used: ["m1"]) {
            Issue.record("the meeting that approved version 1 cannot approve version 2")
        }
        let second = meeting("m2", PlanRules.meeting2, "2026-04-19", approved: false)
        #expect(approve(plan(version: 2), [first, second], used: ["m1"]) == .approvedAt(second))
    }

    @Test func anEmptyPlanIsNotApproved() {
        var empty = plan(version: 1)
        empty.interventions = []
        guard case .refused(let reason) = approve(empty, [meeting("m1", PlanRules.meeting1, "2026-04-01", approved: true)])
        else { Issue.record("a plan without interventions must not be approved"); return }
        #expect(reason.contains("at least one goal and one intervention"))
    }
}
