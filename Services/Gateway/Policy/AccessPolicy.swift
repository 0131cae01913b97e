internal import TiltsMessages
internal import TiltsRPC

/// Which callers may call which method through the gateway: one table, deny by default.
///
/// Each known service has an entry naming its upstream (the service the gateway routes to, nil for
/// the gateway's own services) and a rule per method. A rule lists grants (an institution kind,
/// optionally with a role the principal must hold); a caller is allowed when any grant matches.
/// A method the table does not list is refused with PERMISSION_DENIED, a service it does not know
/// with UNIMPLEMENTED. The services behind the gateway then apply their record-level rules
/// (municipality, case status) to the principal the gateway forwards.
///
/// The table itself is ``standard`` (`AccessPolicy+Table.swift`). Immutable; use from any thread.
struct AccessPolicy: Sendable {
    /// One way to be allowed: an institution kind, and a role when `role` is set.
    struct Grant: Sendable, Hashable, CustomStringConvertible {
        var kind: InstitutionKind
        var role: String?

        func matches(_ principal: Principal) -> Bool {
            principal.institution == kind && (role.map { principal.roles.contains($0) } ?? true)
        }

        var description: String { role.map { "\(kind) with role \($0)" } ?? "\(kind)" }
    }

    /// Who may call one method.
    struct Rule: Sendable {
        /// Served without authentication and not audited (health probes only).
        var isPublic = false
        /// Served only to callers on the gateway's local Unix socket.
        var localOnly = false
        /// Client-streaming or bidirectional: the proxy relays both directions at once. Unary and
        /// server-streaming methods (all of Tilts') are relayed requests first, in one task.
        var streamsBothWays = false
        var grants: [Grant] = []

        static let `public` = Rule(isPublic: true)
        /// Listed but refused to everyone (e.g. `WatchEvents`, which services call on each other's
        /// sockets, never through the gateway).
        static let nobody = Rule()

        static func allow(_ kinds: InstitutionKind...) -> Rule {
            Rule(grants: kinds.map { Grant(kind: $0) })
        }
    }

    /// A service the gateway knows.
    struct ServiceEntry: Sendable {
        /// The upstream name (`referral`, `meeting`, ...) whose socket serves it; nil for the
        /// gateway's own services.
        var upstream: String?
        var methods: [String: Rule]
        /// The rule for methods not in `methods`; nil denies them.
        var otherMethods: Rule?
    }

    /// The verdict for one call.
    enum Decision: Equatable {
        /// Serve it; route to `upstream` (nil: the gateway serves it itself).
        case allow(upstream: String?, streamsBothWays: Bool = false)
        /// Serve it without a principal (public methods).
        case allowPublic
        case refuse(RPCError)
    }

    /// Fully qualified service name → entry.
    let services: [String: ServiceEntry]

    /// The rule for a method, if the table lists its service (`nil` rule: the method is unlisted).
    func lookup(_ method: MethodDescriptor) -> (entry: ServiceEntry, rule: Rule?)? {
        guard let entry = services[method.service] else { return nil }
        return (entry, entry.methods[method.method] ?? entry.otherMethods)
    }

    /// Whether the call may proceed before anyone is authenticated: public methods do, unknown
    /// services are refused, everything else needs a principal.
    func isPublic(_ method: MethodDescriptor) -> Bool {
        lookup(method)?.rule?.isPublic ?? false
    }

    /// Decides one call of `principal` over a connection that is (or is not) the local socket.
    func decide(_ method: MethodDescriptor, principal: Principal, isLocal: Bool) -> Decision {
        guard let (entry, rule) = lookup(method) else {
            return .refuse(RPCError(
                code: .unimplemented, message: "the gateway does not route \(method.service): no such Tilts service"))
        }
        guard let rule, rule.isPublic || !rule.grants.isEmpty else {
            return .refuse(RPCError(
                code: .permissionDenied, message: "\(method.method) of \(method.service) is not available through the gateway"))
        }
        if rule.isPublic { return .allowPublic }
        if rule.localOnly && !isLocal {
            return .refuse(RPCError(
                code: .permissionDenied,
                message: "\(method.method) is available only on the gateway's local administration socket"))
        }
        guard rule.grants.contains(where: { $0.matches(principal) }) else {
            let allowed = rule.grants.map(\.description).joined(separator: ", ")
            return .refuse(RPCError(
                code: .permissionDenied,
                message: "\(method.method) is not available to \(principal.institution) callers; it is for: \(allowed)"))
        }
        return .allow(upstream: entry.upstream, streamsBothWays: rule.streamsBothWays)
    }
}
