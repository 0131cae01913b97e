internal import Logging
internal import TiltsRPC

/// Routes every call the gateway does not serve itself to the service behind it, without decoding
/// a message: the router's fallback method.
///
/// It is a bidirectional-streaming method, so it starts as soon as the request headers arrive and
/// serves calls of any shape. After the ``Gate`` admits the call it opens a call with the same
/// path on the upstream's persistent connection (forwarding filtered metadata, the verified
/// principal and the remaining time) and relays raw messages, the response headers, trailers and
/// status. Methods whose requests all come first (unary and server streaming: every Tilts method)
/// are relayed in one task, requests then responses; methods the policy table marks
/// `streamsBothWays` get a second task so both directions flow at once. A service that cannot be
/// reached answers UNAVAILABLE naming it. If the caller goes away, the upstream call is cancelled.
struct ProxyMethod: Sendable {
    let gate: Gate
    let upstreams: [String: Upstream]
    let deadlines: DeadlinePolicy
    let logger: Logger

    var method: ServerMethod {
        ServerMethod(
            descriptor: MethodDescriptor(service: "tilts.gateway.v1.Proxy", method: "Forward"),
            kind: .bidirectionalStreaming
        ) { transport in
            await forward(transport)
        }
    }

    func forward(_ transport: any ServerCallTransport) async {
        switch await gate.admit(transport.context) {
        case .open:
            transport.finish(status: Status(code: .unimplemented, message: "the gateway does not route \(transport.context.descriptor.path)"))
        case .refused(let ticket, let error):
            transport.finish(status: error.status)
            gate.finish(ticket, status: error.code, recordIDs: [])
        case .admitted(let ticket, let name, let streamsBothWays):
            guard let name, let upstream = upstreams[name] else {
                let error = RPCError(
                    code: .unavailable,
                    message: "the \(name ?? "requested") service is not configured on this gateway")
                transport.finish(status: error.status)
                gate.finish(ticket, status: error.code, recordIDs: [])
                return
            }
            await relay(transport, to: upstream, ticket: ticket, concurrently: streamsBothWays)
        }
    }

    private func relay(
        _ transport: any ServerCallTransport, to upstream: Upstream, ticket: Gate.Ticket, concurrently: Bool
    ) async {
        let context = transport.context
        let metadata = ForwardedHeaders.request(
            from: context.metadata, principalBytes: ticket.caller?.principalBytes ?? [], requestID: ticket.requestID)
        let deadline = deadlines.upstreamDeadline(client: context.deadline, now: .now)
        let call: any ClientCallTransport
        do {
            call = try await upstream.connection.openCall(context.descriptor, metadata: metadata, deadline: deadline)
        } catch {
            let cause = RPCError.from(error)
            let status = cause.code == .deadlineExceeded
                ? cause.status
                : Status(code: .unavailable, message: "the \(upstream.name) service is unavailable; retry shortly")
            logger.debug(
                "upstream unreachable", metadata: ["upstream": "\(upstream.name)", "error": "\(cause.message)", "request-id": "\(ticket.requestID)"])
            transport.finish(status: status)
            gate.finish(ticket, status: status.code, recordIDs: [])
            return
        }
        await withTaskCancellationHandler {
            if concurrently {
                async let requests: Void = Self.pumpRequests(from: transport, to: call)
                let (status, recordIDs) = await Self.pumpResponses(from: call, to: transport, upstream: upstream.name)
                gate.finish(ticket, status: status, recordIDs: recordIDs)
                // Ends once the caller half-closes or the call's stream closes.
                await requests
            } else {
                await Self.pumpRequests(from: transport, to: call)
                let (status, recordIDs) = await Self.pumpResponses(from: call, to: transport, upstream: upstream.name)
                gate.finish(ticket, status: status, recordIDs: recordIDs)
            }
        } onCancel: {
            call.cancel()
        }
    }

    /// Caller → service, until the caller half-closes. A caller that fails (cancels, times out,
    /// sends a bad frame) cancels the upstream call; a service that has finished stops the pump.
    private static func pumpRequests(from transport: any ServerCallTransport, to call: any ClientCallTransport) async {
        while true {
            let message: [UInt8]?
            do {
                message = try await transport.receive()
            } catch {
                call.cancel()
                return
            }
            guard let message else {
                call.closeSend()
                return
            }
            do {
                try await call.send(message)
            } catch {
                return
            }
        }
    }

    /// Service → caller: headers, messages, then trailers and status. Returns the status and the
    /// record ids the service named.
    private static func pumpResponses(
        from call: any ClientCallTransport, to transport: any ServerCallTransport, upstream: String
    ) async -> (StatusCode, [String]) {
        var initial = Metadata()
        do {
            initial = try await call.initialMetadata()
            if !initial.isEmpty { transport.setInitialMetadata(initial) }
            while let message = try await call.receive() {
                try await transport.send(message)
            }
        } catch {
            call.cancel()
        }
        let (status, trailers) = await call.status()
        if !trailers.isEmpty { transport.addTrailingMetadata(trailers) }
        var relayed = status
        if status.code == .unavailable {
            relayed.message = "the \(upstream) service is unavailable: \(status.message)"
        }
        transport.finish(status: relayed)
        return (relayed.code, ForwardedHeaders.recordIDs(initial, trailers))
    }
}
