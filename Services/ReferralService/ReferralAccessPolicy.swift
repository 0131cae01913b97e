internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore

/// Who may call which referral method, and see which record (DESIGN section 5).
///
/// - SD submits and withdraws its municipality's referrals; SD and BT read their municipality's
///   referrals and cases.
/// - The centre reads everything and does the centre's steps: decline, waiting list, admit,
///   terminate, complete.
/// - LM and LBF see no referral or case (reports only); an OPERATOR principal is another Tilts
///   service reading the event stream.
/// Records of another municipality answer NOT_FOUND, so a caller cannot probe for them.
enum ReferralAccessPolicy {
    static let readers: [InstitutionKind] = [.socialService, .orphansCourt, .centre]

    static func submit(_ principal: Principal, municipality: String) throws {
        try AccessRules.require(principal, isOneOf: [.socialService], toCall: "SubmitReferral")
        guard principal.municipality == municipality else {
            throw RPCError(
                code: .permissionDenied,
                message: "a social service submits referrals for its own municipality only (details.municipality)")
        }
    }

    static func withdraw(_ principal: Principal) throws {
        try AccessRules.require(principal, isOneOf: [.socialService], toCall: "WithdrawReferral")
    }

    static func centreOnly(_ principal: Principal, _ method: String) throws {
        try AccessRules.require(principal, isOneOf: [.centre], toCall: method)
    }

    static func read(_ principal: Principal, _ method: String) throws {
        try AccessRules.require(principal, isOneOf: readers, toCall: method)
    }

    static func watchEvents(_ principal: Principal) throws {
        try AccessRules.require(principal, isOneOf: [.operator], toCall: "WatchEvents")
    }

    /// NOT_FOUND unless the principal may see a record of `municipality`.
    static func see(_ principal: Principal, municipality: String, what: String, id: String) throws {
        guard AccessRules.canSeeMunicipality(principal, municipality) else {
            throw ReferralError.notFound(what, id)
        }
    }
}
