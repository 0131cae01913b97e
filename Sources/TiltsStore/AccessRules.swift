public import TiltsMessages
internal import TiltsRPC

/// The record-level access rules of DESIGN section 5 that every service reuses.
///
/// - An SD (`SOCIAL_SERVICE`) or BT (`ORPHANS_COURT`) sees only its own municipality's cases.
/// - The centre sees every case.
/// - LM and LBF (`MINISTRY`, `FUND`) see aggregates only, never a case; so do all others.
///
/// Pure functions; use anywhere.
public enum AccessRules {
    /// Institutions tied to one municipality.
    public static let municipalKinds: [InstitutionKind] = [.socialService, .orphansCourt]

    /// Succeeds when the principal's institution is one of `kinds`.
    ///
    /// - Parameter method: the RPC's name, for the message, e.g. `"AdmitCase"`.
    /// - Throws: ``RPCError`` PERMISSION_DENIED otherwise, naming the method and who may call it.
    public static func require(_ principal: Principal, isOneOf kinds: [InstitutionKind], toCall method: String) throws {
        guard kinds.contains(principal.institution) else {
            let allowed = kinds.map(\.description).joined(separator: ", ")
            throw RPCError(
                code: .permissionDenied,
                message: "\(method) is not available to \(principal.institution) callers; it is for: \(allowed)")
        }
    }

    /// Whether the principal may see records of `municipality`: the centre sees all;
    /// SOCIAL_SERVICE and ORPHANS_COURT only their own municipality (and only when theirs is set);
    /// everyone else nothing.
    public static func canSeeMunicipality(_ principal: Principal, _ municipality: String) -> Bool {
        switch principal.institution {
        case .centre:
            return true
        case .socialService, .orphansCourt:
            return !principal.municipality.isEmpty && principal.municipality == municipality
        default:
            return false
        }
    }

    /// The municipality a list must be limited to for this principal: nil for the centre (all),
    /// the principal's own for SD and BT.
    ///
    /// - Throws: ``RPCError`` PERMISSION_DENIED for institutions that see no case records, or an
    ///   SD/BT principal without a municipality.
    public static func municipalityScope(of principal: Principal, toCall method: String) throws -> String? {
        switch principal.institution {
        case .centre:
            return nil
        case .socialService, .orphansCourt:
            guard !principal.municipality.isEmpty else {
                throw RPCError(
                    code: .permissionDenied,
                    message: "\(method): your credentials name no municipality; ask the centre to fix your access")
            }
            return principal.municipality
        default:
            throw RPCError(
                code: .permissionDenied,
                message: "\(method) is not available to \(principal.institution) callers: case records are visible only to the centre and to the municipality's SD and BT")
        }
    }
}
