internal import Logging
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsServiceKit

/// Admits or refuses each call at the gateway, and audits it: the one place where
/// authentication, the policy table, the audit log's health and the rate limit meet.
///
/// For each call, in order: public methods (health) pass untouched; otherwise the caller is
/// authenticated (UNAUTHENTICATED), the method checked against ``AccessPolicy`` (UNIMPLEMENTED,
/// PERMISSION_DENIED), the audit log must be keeping up (UNAVAILABLE) and the caller's token
/// bucket must have a token (RESOURCE_EXHAUSTED). Every call but public ones ends with
/// ``finish(_:status:recordIDs:)``, which queues its audit event. Thread-safe.
final class Gate: Sendable {
    /// A call past the door (or refused at it), until its audit event is recorded.
    struct Ticket: Sendable {
        var atMicros: Int64
        var startedNanos: UInt64
        var requestID: String
        var method: String
        var caller: Caller?
    }

    enum Admission: Sendable {
        /// A public method: serve it without a principal and without audit.
        case open
        /// Serve it; `upstream` names the service to route to (nil: the gateway's own);
        /// `streamsBothWays` when requests and responses must flow at once.
        case admitted(Ticket, upstream: String?, streamsBothWays: Bool)
        case refused(Ticket, RPCError)
    }

    let policy: AccessPolicy
    let authenticator: Authenticator
    let limiter: RateLimiter
    let audit: AuditLog
    let clock: GatewayClock
    let requestIDs: RequestIDGenerator
    let logger: Logger

    init(
        policy: AccessPolicy, authenticator: Authenticator, limiter: RateLimiter, audit: AuditLog, clock: GatewayClock,
        requestIDs: RequestIDGenerator = RequestIDGenerator(), logger: Logger
    ) {
        self.policy = policy
        self.authenticator = authenticator
        self.limiter = limiter
        self.audit = audit
        self.clock = clock
        self.requestIDs = requestIDs
        self.logger = logger
    }

    func admit(_ context: ServerContext) async -> Admission {
        let method = context.descriptor
        if policy.isPublic(method) { return .open }
        var ticket = Ticket(
            atMicros: clock.wallMicros(), startedNanos: clock.monotonicNanos(),
            requestID: RequestIDPropagation.given(in: context.metadata) ?? requestIDs.next(),
            method: method.path, caller: nil)
        let caller: Caller
        switch await authenticator.authenticate(context) {
        case .success(let authenticated):
            caller = authenticated
        case .failure(let error):
            return .refused(ticket, error)
        }
        ticket.caller = caller
        let isLocal: Bool
        if case .unixSocket = context.peer.endpoint { isLocal = true } else { isLocal = false }
        switch policy.decide(method, principal: caller.principal, isLocal: isLocal) {
        case .refuse(let error):
            return .refused(ticket, error)
        case .allowPublic:
            return .open
        case .allow(let upstream, let streamsBothWays):
            guard audit.isAccepting else {
                return .refused(ticket, RPCError(
                    code: .unavailable, message: "the gateway cannot write its audit log at the moment; retry shortly"))
            }
            guard limiter.take(caller.principal.subject, nowNanos: ticket.startedNanos) else {
                return .refused(ticket, RPCError(
                    code: .resourceExhausted,
                    message: "too many calls: the limit is \(Int(limiter.ratePerSecond)) per second (bursts of \(Int(limiter.burst))); slow down and retry"))
            }
            return .admitted(ticket, upstream: upstream, streamsBothWays: streamsBothWays)
        }
    }

    /// Records the end of a call in the audit log.
    func finish(_ ticket: Ticket, status: StatusCode, recordIDs: [String]) {
        let principal = ticket.caller?.principal
        let elapsed = clock.monotonicNanos() &- ticket.startedNanos
        audit.record(AuditEvent(
            atMicros: ticket.atMicros, subject: principal?.subject ?? "", institution: principal?.institution.rawValue ?? 0,
            municipality: principal?.municipality ?? "", method: ticket.method, recordIDs: recordIDs,
            status: Int32(status.rawValue), durationMicros: Int64(elapsed / 1000), requestID: ticket.requestID))
        if status != .ok {
            logger.debug(
                "call ended", metadata: [
                    "method": "\(ticket.method)", "subject": "\(principal?.subject ?? "-")", "status": "\(status)",
                    "request-id": "\(ticket.requestID)",
                ])
        }
    }
}
