internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore

/// Who may call which assessment method, and see which record (DESIGN section 5).
///
/// - Centre staff (CENTRE) write everything and read everything.
/// - The child's social service and orphan's court (SD, BT of the case's municipality, as the
///   referral service's `CaseAdmitted` named it) read the approved plan and the final summary
///   only: never observations, assessments, drafts or sessions.
/// - SD, BT and the centre may read the instruments and the service catalogue (no personal data).
/// - LM and LBF read nothing here (their reports come from the reporting service).
/// - WatchEvents is for other Tilts services (OPERATOR principals) only.
/// A case of another municipality answers NOT_FOUND, so a caller cannot probe for it.
enum AssessmentAccessPolicy {
    static let municipalReaders: [InstitutionKind] = [.socialService, .orphansCourt, .centre]

    static func centreOnly(_ principal: Principal, _ method: String) throws {
        try AccessRules.require(principal, isOneOf: [.centre], toCall: method)
    }

    /// Instruments and the catalogue.
    static func referenceData(_ principal: Principal, _ method: String) throws {
        try AccessRules.require(principal, isOneOf: municipalReaders, toCall: method)
    }

    /// The approved plan and the final summary.
    static func planOrSummary(_ principal: Principal, _ method: String) throws {
        try AccessRules.require(principal, isOneOf: municipalReaders, toCall: method)
    }

    static func watchEvents(_ principal: Principal) throws {
        try AccessRules.require(principal, isOneOf: [.operator], toCall: "WatchEvents")
    }

    /// NOT_FOUND unless the principal may see a case of `municipality`.
    static func see(_ principal: Principal, caseID: String, municipality: String) throws {
        guard AccessRules.canSeeMunicipality(principal, municipality) else {
            throw AssessmentError.unknownCase(caseID)
        }
    }

    /// Whether the principal sees drafts (the centre) or approved versions only (SD, BT).
    static func seesDrafts(_ principal: Principal) -> Bool { principal.institution == .centre }
}
