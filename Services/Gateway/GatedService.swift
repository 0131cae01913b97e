internal import Synchronization
internal import TiltsRPC

/// Serves one of the gateway's own services (audit, admin, health) behind the ``Gate``: the same
/// authentication, policy table, limits and audit as routed calls.
///
/// Each method runs with a ``GatedCallTransport`` whose metadata carries the verified principal
/// (handlers read it with `PrincipalMetadata.principal(in:)`), and whose status and
/// `tilts-record-id` are recorded for the audit log.
struct GatedService: RPCService {
    let inner: any RPCService
    let gate: Gate

    var methods: [ServerMethod] {
        let gate = gate
        return inner.methods.map { method in
            ServerMethod(descriptor: method.descriptor, kind: method.kind) { transport in
                switch await gate.admit(transport.context) {
                case .open:
                    await method.run(transport)
                case .refused(let ticket, let error):
                    transport.finish(status: error.status)
                    gate.finish(ticket, status: error.code, recordIDs: [])
                case .admitted(let ticket, _, _):
                    let gated = GatedCallTransport(inner: transport, ticket: ticket)
                    await method.run(gated)
                    let (status, recordIDs) = gated.outcome
                    gate.finish(ticket, status: status, recordIDs: recordIDs)
                }
            }
        }
    }
}

/// A server call seen through the gate: the client's `tilts-*` metadata replaced by the gateway's,
/// and the outcome kept for the audit log. Thread-safe, like the transport it wraps.
final class GatedCallTransport: ServerCallTransport {
    let inner: any ServerCallTransport
    let context: ServerContext
    private let state = Mutex<(status: StatusCode?, recordIDs: [String])>((nil, []))

    init(inner: any ServerCallTransport, ticket: Gate.Ticket) {
        self.inner = inner
        var context = inner.context
        context.metadata = ForwardedHeaders.request(
            from: context.metadata, principalBytes: ticket.caller?.principalBytes ?? [], requestID: ticket.requestID)
        self.context = context
    }

    /// The status the call finished with (UNKNOWN if it never finished) and the record ids it named.
    var outcome: (StatusCode, [String]) {
        state.withLock { ($0.status ?? .unknown, $0.recordIDs) }
    }

    func receive() async throws -> [UInt8]? { try await inner.receive() }
    func send(_ message: [UInt8]) async throws { try await inner.send(message) }

    func setInitialMetadata(_ metadata: Metadata) {
        let ids = ForwardedHeaders.recordIDs(metadata, Metadata())
        state.withLock { $0.recordIDs = ids }
        inner.setInitialMetadata(metadata)
    }

    func addTrailingMetadata(_ metadata: Metadata) { inner.addTrailingMetadata(metadata) }

    func finish(status: Status) {
        state.withLock { state in
            if state.status == nil { state.status = status.code }
        }
        inner.finish(status: status)
    }
}
