internal import TiltsMessages

/// When a plan version may be approved (DESIGN section 2: "meeting 1 … plan approved"). Pure.
///
/// The meeting service reports each meeting held (`MeetingHeld`), with `plan_approved` when the
/// meeting approved the rehabilitation plan. Each approval is tied to one such meeting:
/// - version 1 needs meeting 1 held with the plan approved;
/// - a revision (version 2 on, typically at meeting 2) needs a further meeting that no earlier
///   version's approval used: meeting 2 or 3 held (the meeting service records `plan_approved`
///   for meeting 1 only), or another meeting 1 held with the plan approved.
enum PlanRules {
    /// `tilts.meeting.v1.MeetingKind` numbers, as `HeldMeeting.kind` stores them.
    static let meeting1 = MeetingKind.meeting1.rawValue
    static let meeting2 = MeetingKind.meeting2.rawValue
    static let meeting3 = MeetingKind.meeting3.rawValue

    enum Approval: Equatable {
        case approvedAt(HeldMeeting)
        case refused(String)
    }

    /// The meeting that approves `plan`, or why none does.
    static func approval(
        of plan: RehabilitationPlan, meetings: [HeldMeeting], usedMeetingIDs: Set<String>, caseID: String, meeting1Window: String
    ) -> Approval {
        guard !plan.goals.isEmpty, !plan.interventions.isEmpty else {
            return .refused("plan version \(plan.version) needs at least one goal and one intervention before approval")
        }
        let candidates = meetings
            .filter { meeting in
                guard !usedMeetingIDs.contains(meeting.meetingID) else { return false }
                if meeting.kind == meeting1 { return meeting.planApproved }
                return plan.version > 1 && (meeting.kind == meeting2 || meeting.kind == meeting3)
            }
            .sorted { ($0.heldOn, $0.meetingID) < ($1.heldOn, $1.meetingID) }
        if let meeting = candidates.last { return .approvedAt(meeting) }
        if plan.version == 1 {
            return .refused(
                "plan approval needs meeting 1 held with the plan approved, as reported by the meeting service; "
                    + "no such meeting is recorded for case \(caseID) (meeting 1 window: \(meeting1Window))")
        }
        return .refused(
            "approving plan version \(plan.version) (a revision) needs a further meeting held (meeting 2 or 3, or "
                + "meeting 1 with the plan approved), as reported by the meeting service; every such meeting of case "
                + "\(caseID) already approved an earlier version")
    }
}
