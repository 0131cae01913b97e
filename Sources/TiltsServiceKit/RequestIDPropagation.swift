public import TiltsRPC
internal import Synchronization

/// Gives every call a request id that travels end to end, for a server in front of others (the
/// gateway): the caller's `x-request-id` when it is usable, else a new one.
///
/// ``wrap(_:)-(ServerMethod)`` wraps a method so that its handler sees the id as the call's
/// `x-request-id` metadata (replacing whatever the caller sent, so a proxy forwards exactly one),
/// the caller gets it back in the response headers (in the trailers of a trailers-only response,
/// which are then the only headers), and ``CallObserver/logCall(method:code:duration:requestID:)``
/// logs the call's `call ended` line with it. A usable id is 1 to 128 visible ASCII characters
/// (longer ones are cut, as ``CallObserver`` does); anything else, e.g. one with spaces or control
/// characters, is replaced, because the id lands in logs, the audit log and other services' headers.
///
/// Install the server's ``CallObserver`` with `logsCalls: false` next to it, so each call is logged
/// once, with the resolved id. Value type, thread-safe; costs one small object per call.
///
/// ```swift
/// let ids = RequestIDPropagation(observer: observer, makeID: { generator.next() })
/// let server = GRPCServer(config: config, services: services.map(ids.wrap), fallback: ids.wrap(proxy.method))
/// ```
public struct RequestIDPropagation: Sendable {
    public let observer: CallObserver
    let makeID: @Sendable () -> String

    /// - Parameters:
    ///   - observer: logs each call's line (at debug level).
    ///   - makeID: a new id, for a call that brought none; it must be cheap and thread-safe.
    public init(observer: CallObserver, makeID: @escaping @Sendable () -> String) {
        self.observer = observer
        self.makeID = makeID
    }

    /// The caller's usable request id in `metadata`, cut to 128 characters; nil when absent or not
    /// visible ASCII.
    public static func given(in metadata: Metadata) -> String? {
        guard let text = metadata.first(CallObserver.requestIDKey), !text.isEmpty else { return nil }
        guard text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        return text.utf8.count > 128 ? String(text.prefix(128)) : text
    }

    /// `method` with the request id resolved, passed on, returned and logged.
    public func wrap(_ method: ServerMethod) -> ServerMethod {
        let observer = observer
        let makeID = makeID
        return ServerMethod(descriptor: method.descriptor, kind: method.kind) { transport in
            let started = ContinuousClock.now
            let id = Self.given(in: transport.context.metadata) ?? makeID()
            let call = RequestIDCallTransport(inner: transport, requestID: id)
            await method.run(call)
            // The router hands the fallback every path, so the context names the real method.
            observer.logCall(
                method: String(call.context.descriptor.path.dropFirst()), code: call.finishedCode ?? .unknown,
                duration: started.duration(to: .now), requestID: id)
        }
    }

    /// Every method of `service`, wrapped.
    public func wrap(_ service: any RPCService) -> any RPCService {
        WrappedService(methods: service.methods.map { wrap($0) })
    }

    private struct WrappedService: RPCService {
        let methods: [ServerMethod]
    }
}

/// A server call whose `x-request-id` is the resolved one, both ways. Thread-safe, like the
/// transport it wraps.
final class RequestIDCallTransport: ServerCallTransport {
    let inner: any ServerCallTransport
    let context: ServerContext
    let requestID: String
    private let state = Mutex<(headersSet: Bool, code: StatusCode?)>((false, nil))

    init(inner: any ServerCallTransport, requestID: String) {
        self.inner = inner
        self.requestID = requestID
        var context = inner.context
        context.metadata.removeAll(CallObserver.requestIDKey)
        context.metadata.add(CallObserver.requestIDKey, requestID)
        self.context = context
    }

    /// The status code the call finished with; nil until it finished.
    var finishedCode: StatusCode? { state.withLock { $0.code } }

    func receive() async throws -> [UInt8]? { try await inner.receive() }

    func setInitialMetadata(_ metadata: Metadata) {
        var headers = metadata
        headers.removeAll(CallObserver.requestIDKey)
        headers.add(CallObserver.requestIDKey, requestID)
        state.withLock { $0.headersSet = true }
        inner.setInitialMetadata(headers)
    }

    func addTrailingMetadata(_ metadata: Metadata) { inner.addTrailingMetadata(metadata) }

    func send(_ message: [UInt8]) async throws {
        // Headers go out with the first message: add the id unless the handler set headers.
        if !state.withLock({ $0.headersSet }) { setInitialMetadata(Metadata()) }
        try await inner.send(message)
    }

    func finish(status: Status) {
        let (first, headersSet) = state.withLock { state -> (Bool, Bool) in
            guard state.code == nil else { return (false, state.headersSet) }
            state.code = status.code
            return (true, state.headersSet)
        }
        if first && !headersSet {
            // A trailers-only response: its one HEADERS frame carries the id.
            var trailers = Metadata()
            trailers.add(CallObserver.requestIDKey, requestID)
            inner.addTrailingMetadata(trailers)
        }
        inner.finish(status: status)
    }
}
