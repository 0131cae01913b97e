internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore

/// Who may call which meeting method, and see which meeting (DESIGN section 5).
///
/// - The SD and BT of the child's municipality see and contribute to (addenda, actions done) that
///   child's meetings, and see the quarterly reviews they are invited to.
/// - The centre sees every meeting.
/// - LM, LBF and BAC (oversight) see quarterly reviews only.
/// - Each kind has its conveners (``MeetingRules/conveners(of:)``), who alone schedule, move,
///   cancel and minute it; the SD only for its own municipality.
/// - An OPERATOR principal is another Tilts service reading the event stream.
/// Meetings a caller may not see answer NOT_FOUND, so a caller cannot probe for them.
enum MeetingAccessPolicy {
    static let oversight: [InstitutionKind] = [.ministry, .fund, .childProtectionCentre]
    static let readers: [InstitutionKind] = [.socialService, .orphansCourt, .centre] + oversight
    static let schedulers: [InstitutionKind] = [.socialService, .centre]

    static func require(_ principal: Principal, _ kinds: [InstitutionKind], _ method: String) throws {
        try AccessRules.require(principal, isOneOf: kinds, toCall: method)
    }

    static func watchEvents(_ principal: Principal) throws {
        try AccessRules.require(principal, isOneOf: [.operator], toCall: "WatchEvents")
    }

    /// Whether the principal may see `meeting` (a stored row).
    static func canSee(_ principal: Principal, _ meeting: MeetingRecord) -> Bool {
        if principal.institution == .centre { return true }
        if meeting.kind == MeetingKind.quarterlyReview.rawValue {
            if oversight.contains(principal.institution) { return true }
            return AccessRules.municipalKinds.contains(principal.institution) && !principal.municipality.isEmpty
                && meeting.invitedMunicipalities.contains(MeetingRecord.invitedKey(principal.municipality))
        }
        return AccessRules.canSeeMunicipality(principal, meeting.municipality)
    }

    /// NOT_FOUND unless the principal may see the meeting.
    static func see(_ principal: Principal, _ meeting: MeetingRecord) throws {
        guard canSee(principal, meeting) else { throw MeetingError.notFound("meeting", meeting.meetingID) }
    }

    /// PERMISSION_DENIED unless the principal convenes meetings of `kind` (for `municipality`).
    static func convene(_ principal: Principal, kind: MeetingKind, municipality: String, _ method: String) throws {
        let conveners = MeetingRules.conveners(of: kind)
        guard conveners.contains(principal.institution) else {
            throw MeetingError.permissionDenied(
                "\(method): \(kind) meetings are convened by \(conveners.map(\.description).joined(separator: ", ")), "
                    + "not by \(principal.institution) callers")
        }
        if principal.institution == .socialService, principal.municipality != municipality {
            throw MeetingError.permissionDenied(
                "\(method): a social service convenes meetings for its own municipality's children only")
        }
    }

    /// The meetings a list may show the principal.
    enum Scope: Equatable {
        /// Everything (the centre).
        case all
        /// The municipality's children's meetings and the quarterly reviews it is invited to.
        case municipality(String)
        /// Quarterly reviews only (LM, LBF, BAC).
        case quarterlyReviews
    }

    static func scope(of principal: Principal, _ method: String) throws -> Scope {
        if oversight.contains(principal.institution) { return .quarterlyReviews }
        guard let municipality = try AccessRules.municipalityScope(of: principal, toCall: method) else { return .all }
        return .municipality(municipality)
    }
}
