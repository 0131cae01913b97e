public import TiltsWire

/// Every message type TiltsMessages defines, for descriptor checks and reflection.
///
/// Add each new message type here; `ProtoConformanceTests` compares every listed type's field
/// table with the descriptors compiled from `Proto/`, so a type missing from this list is not
/// held to its `.proto`.
public enum TiltsMessageRegistry {
    public static let all: [any Message.Type] = [
        HealthCheckRequest.self,
        HealthCheckResponse.self,
        Event.self,
        WatchEventsRequest.self,
        Principal.self,
        PageRequest.self,
        // tilts.referral.v1
        Referral.self,
        ReferralDetails.self,
        Child.self,
        IdentityDocument.self,
        LegalRepresentative.self,
        Consent.self,
        ContactPerson.self,
        SubmitReferralRequest.self,
        GetReferralRequest.self,
        ListReferralsRequest.self,
        ListReferralsResponse.self,
        WithdrawReferralRequest.self,
        DeclineReferralRequest.self,
        GetWaitingListRequest.self,
        WaitingEntry.self,
        WaitingList.self,
        AdmitCaseRequest.self,
        DateWindow.self,
        Timeline.self,
        Deviation.self,
        Case.self,
        GetCaseRequest.self,
        ListCasesRequest.self,
        ListCasesResponse.self,
        TerminateCaseRequest.self,
        CompleteCaseRequest.self,
        ReferralSubmitted.self,
        ReferralClosed.self,
        CaseAdmitted.self,
        CaseEnded.self,
    ]
}
