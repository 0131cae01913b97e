internal import TiltsMessages

extension AccessPolicy {
    /// The gateway's one policy table (DESIGN section 5). Deny by default: what is not listed is
    /// refused. The services apply record-level rules behind it (an SD or BT sees only its own
    /// municipality's children; LM and LBF see aggregates only).
    ///
    /// | service | methods | allowed |
    /// |---|---|---|
    /// | referral | SubmitReferral, WithdrawReferral | SD |
    /// | referral | GetReferral, ListReferrals, GetCase, ListCases | SD, BT, centre |
    /// | referral | DeclineReferral, GetWaitingList, AdmitCase, TerminateCase, CompleteCase | centre |
    /// | meeting | ScheduleMeeting, RescheduleMeeting, CancelMeeting, RecordMinutes | SD, centre, LBF, LM (conveners) |
    /// | meeting | AddMinutesAddendum, CompleteAgreedAction | SD, BT, centre, LBF, LM |
    /// | meeting | GetMeeting, ListMeetings, ListDueAndOverdue, ExportCalendar | SD, BT, centre, LBF, LM, BAC |
    /// | meeting | PlanQuarterlyReview | centre, LBF, LM |
    /// | assessment | ListInstruments, GetInstrument, ListServiceTypes | SD, BT, centre |
    /// | assessment | GetPlan, GetFinalSummary, RenderFinalSummary | SD, BT, centre |
    /// | assessment | RecordObservation, RecordAssessment, DraftPlan, UpdatePlan, ApprovePlan, LogSession, IssueFinalSummary, GetCaseRecord | centre |
    /// | reporting | GetPilotEvaluation, GetOperationalSnapshot | centre, LM, LBF, BAC |
    /// | reporting | GetQuarterlyReport, ExportReport | centre, LM, LBF, BAC, SD, BT (SD/BT: their municipality's quarter; the service suppresses small counts) |
    /// | reporting | GetIngestionStatus | operator (local socket) |
    /// | every service | WatchEvents | nobody (services follow each other on their own sockets) |
    /// | gateway AuditService | QueryAudit, VerifyAuditChain | operator; centre, LBF or LM with role `dpo` |
    /// | gateway AdminService | IssueToken, RevokeToken, ListTokens | operator, local socket only |
    /// | grpc.health.v1.Health | Check, Watch | anyone, unauthenticated, not audited |
    static let standard = AccessPolicy(services: [
        "tilts.referral.v1.ReferralService": ServiceEntry(
            upstream: "referral",
            methods: table([
                (["SubmitReferral", "WithdrawReferral"], .allow(.socialService)),
                (["GetReferral", "ListReferrals", "GetCase", "ListCases"], .allow(.socialService, .orphansCourt, .centre)),
                (["DeclineReferral", "GetWaitingList", "AdmitCase", "TerminateCase", "CompleteCase"], .allow(.centre)),
                (["WatchEvents"], .nobody),
            ])),
        "tilts.meeting.v1.MeetingService": ServiceEntry(
            upstream: "meeting",
            methods: table([
                (["ScheduleMeeting", "RescheduleMeeting", "CancelMeeting", "RecordMinutes"],
                 .allow(.socialService, .centre, .fund, .ministry)),
                (["AddMinutesAddendum", "CompleteAgreedAction"],
                 .allow(.socialService, .orphansCourt, .centre, .fund, .ministry)),
                (["GetMeeting", "ListMeetings", "ListDueAndOverdue", "ExportCalendar"],
                 .allow(.socialService, .orphansCourt, .centre, .fund, .ministry, .childProtectionCentre)),
                (["PlanQuarterlyReview"], .allow(.centre, .fund, .ministry)),
                (["WatchEvents"], .nobody),
            ])),
        "tilts.assessment.v1.AssessmentService": ServiceEntry(
            upstream: "assessment",
            methods: table([
                (["ListInstruments", "GetInstrument", "ListServiceTypes"], .allow(.socialService, .orphansCourt, .centre)),
                (["GetPlan", "GetFinalSummary", "RenderFinalSummary"], .allow(.socialService, .orphansCourt, .centre)),
                (["RecordObservation", "RecordAssessment", "DraftPlan", "UpdatePlan", "ApprovePlan", "LogSession",
                  "IssueFinalSummary", "GetCaseRecord"], .allow(.centre)),
                (["WatchEvents"], .nobody),
            ])),
        "tilts.reporting.v1.ReportingService": ServiceEntry(
            upstream: "reporting",
            methods: table([
                (["GetPilotEvaluation", "GetOperationalSnapshot"], .allow(.centre, .ministry, .fund, .childProtectionCentre)),
                (["GetQuarterlyReport", "ExportReport"],
                 .allow(.centre, .ministry, .fund, .childProtectionCentre, .socialService, .orphansCourt)),
                (["GetIngestionStatus"], Rule(localOnly: true, grants: [Grant(kind: .operator)])),
                (["WatchEvents"], .nobody),
            ])),
        GatewayAPI.auditServiceName: ServiceEntry(
            upstream: nil,
            methods: table([
                (["QueryAudit", "VerifyAuditChain"], Rule(grants: [
                    Grant(kind: .operator), Grant(kind: .centre, role: dpoRole), Grant(kind: .fund, role: dpoRole),
                    Grant(kind: .ministry, role: dpoRole),
                ])),
            ])),
        GatewayAPI.adminServiceName: ServiceEntry(
            upstream: nil,
            methods: table([
                (["IssueToken", "RevokeToken", "ListTokens"], Rule(localOnly: true, grants: [Grant(kind: .operator)])),
            ])),
        "grpc.health.v1.Health": ServiceEntry(upstream: nil, methods: table([(["Check", "Watch"], .public)])),
    ])

    /// The role a data protection officer's principal carries.
    static let dpoRole = "dpo"

    /// The upstream names the table routes to, with the config key of each one's socket.
    static let upstreamNames = ["referral", "meeting", "assessment", "reporting"]

    private static func table(_ rows: [([String], Rule)]) -> [String: Rule] {
        var methods: [String: Rule] = [:]
        for (names, rule) in rows {
            for name in names { methods[name] = rule }
        }
        return methods
    }
}
