internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore

/// Who may read which report (issue 6; DESIGN section 5).
///
/// - CENTRE, MINISTRY (LM), FUND (LBF) and CHILD_PROTECTION_CENTRE (BAC) read every report.
/// - SOCIAL_SERVICE and ORPHANS_COURT read the quarterly report (and its export) of their own
///   municipality's children only: the quarterly review invites the SD and BT of the
///   municipalities that used the pilot, and each may prepare with its own figures. They see no
///   other municipality's figures and no totals across municipalities. The evaluation and the
///   operational snapshot are centre-wide and not for them.
/// - OPERATOR (another service, an operator's tool) and the centre read the ingestion status.
/// - Suppression applies to every caller outside the centre (``suppresses(_:)``).
///
/// Pure functions.
enum ReportingAccessPolicy {
    static let readers: [InstitutionKind] = [.centre, .ministry, .fund, .childProtectionCentre]

    static func readReports(_ principal: Principal, _ method: String) throws {
        try AccessRules.require(principal, isOneOf: readers, toCall: method)
    }

    /// The municipality the caller's quarterly report is limited to: nil for readers of every
    /// report, the principal's own for SD and BT.
    static func quarterlyScope(_ principal: Principal, _ method: String) throws -> String? {
        if readers.contains(principal.institution) { return nil }
        try AccessRules.require(principal, isOneOf: readers + AccessRules.municipalKinds, toCall: method)
        return try AccessRules.municipalityScope(of: principal, toCall: method)
    }

    static func ingestionStatus(_ principal: Principal) throws {
        try AccessRules.require(principal, isOneOf: [.centre, .operator], toCall: "GetIngestionStatus")
    }

    /// Whether small counts are hidden from this caller: everyone but the centre.
    static func suppresses(_ principal: Principal) -> Bool {
        principal.institution != .centre
    }
}
