internal import TiltsMessages

/// Who a pilot quarter's review meeting invites (DESIGN section 2): LM, LBF and the centre,
/// optionally BAC, and the SD and BT of every municipality that had a child in the pilot that
/// quarter. Names are Latvian, for the invitations. Pure.
enum QuarterlyReviewPlan {
    static func invitations(
        municipalities: [String], inviteChildProtectionCentre: Bool, centreName: String
    ) -> [MeetingParticipant] {
        var invited = [
            MeetingParticipant(institution: .ministry, institutionName: "Labklājības ministrija"),
            MeetingParticipant(institution: .fund, institutionName: "Latvijas Bērnu fonds"),
            MeetingParticipant(institution: .centre, institutionName: centreName),
        ]
        if inviteChildProtectionCentre {
            invited.append(MeetingParticipant(institution: .childProtectionCentre, institutionName: "Bērnu aizsardzības centrs"))
        }
        for municipality in Set(municipalities).sorted() {
            invited.append(
                MeetingParticipant(
                    institution: .socialService, institutionName: "Sociālais dienests (\(municipality))",
                    municipality: municipality))
            invited.append(
                MeetingParticipant(
                    institution: .orphansCourt, institutionName: "Bāriņtiesa (\(municipality))", municipality: municipality))
        }
        return invited
    }
}
