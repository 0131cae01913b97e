internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl referral …`: referrals of the referral service.
struct ReferralCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referral", abstract: "Submit, read, list, withdraw and decline referrals.",
        subcommands: [
            ReferralSubmitCommand.self, ReferralGetCommand.self, ReferralListCommand.self, ReferralWithdrawCommand.self,
            ReferralDeclineCommand.self,
        ])

    static let service = ReferralAPI.serviceName

    /// One line per referral: ids and states only (the child's details are in `referral get`).
    static func table(_ referrals: [Referral]) -> String {
        var table = Table(["REFERRAL", "STATUS", "MUNICIPALITY", "RECEIVED", "URGENT", "REQUESTED", "CASE"])
        for referral in referrals {
            table.add([
                referral.referralID, referral.status.description, referral.details?.municipality ?? "", referral.receivedOn,
                referral.details?.urgent == true ? "yes" : "no", referral.details?.requestedLength.description ?? "",
                referral.caseID,
            ])
        }
        return table.text
    }

    static func detail(_ referral: Referral) -> String {
        let details = referral.details ?? ReferralDetails()
        let child = details.child ?? Child()
        return Table.fields([
            ("referral", referral.referralID), ("status", referral.status.description),
            ("received", referral.receivedAt.text), ("municipality", details.municipality),
            ("social service", details.socialService),
            ("child", "\(child.givenName) \(child.familyName)".trimmingCharacters(in: .whitespaces)),
            ("birth date", child.birthDate), ("urgent", details.urgent ? "yes: \(details.urgencyReason)" : "no"),
            ("requested length", details.requestedLength.description),
            ("violence", details.violenceTypes.map(\.description).joined(separator: ", ")),
            ("orphan's court", details.orphansCourtInvolved ? details.orphansCourt : ""),
            ("pre-placement meeting", referral.prePlacementMeetingHeldOn), ("case", referral.caseID),
            ("closed", referral.closedOn.isEmpty ? "" : "\(referral.closedOn): \(referral.closingReason)"),
        ])
    }
}
