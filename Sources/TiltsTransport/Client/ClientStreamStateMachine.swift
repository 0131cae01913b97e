internal import TiltsHTTP2
internal import TiltsRPC

/// The state of one client call, without I/O.
///
/// ```
/// awaitingHeaders ──headers──▶ streaming ──trailers──▶ done(status)
///        └──Trailers-Only / reset / deadline / cancel / connection lost──▶ done(status)
/// ```
/// `done` is terminal; the first status wins. A status from the server keeps the messages already
/// received readable; a local end (deadline, cancel, lost connection) drops them.
struct ClientStreamStateMachine {
    private(set) var initialMetadata: Metadata?
    private(set) var status: (Status, Metadata)?
    private(set) var aborted = false
    private var inbound: InboundMessageQueue

    init(maxMessageSize: Int) {
        inbound = InboundMessageQueue(maxMessageSize: maxMessageSize)
    }

    var isDone: Bool { status != nil }

    /// A header block arrived: response headers, a Trailers-Only response, or trailers.
    mutating func receivedHeaders(_ headers: [HTTP2Header], endStream: Bool) {
        guard status == nil else { return }
        if initialMetadata == nil {
            let httpStatus = headers.first(":status") ?? ""
            if httpStatus != "200" {
                initialMetadata = Metadata()
                status = (GRPCHeaders.status(forHTTPStatus: httpStatus), Metadata())
                return
            }
            if !endStream && !GRPCHeaders.isGRPCContentType(headers.first("content-type")) {
                initialMetadata = Metadata()
                status = (Status(code: .unknown, message: "the server did not answer with gRPC content"), Metadata())
                return
            }
            if endStream {
                initialMetadata = Metadata()
                status = (GRPCHeaders.status(from: headers), (try? GRPCHeaders.metadata(from: headers)) ?? Metadata())
            } else {
                initialMetadata = (try? GRPCHeaders.metadata(from: headers)) ?? Metadata()
            }
        } else {
            if let error = inbound.receivedEnd() {
                status = (error.status, Metadata())
            } else {
                status = (GRPCHeaders.status(from: headers), (try? GRPCHeaders.metadata(from: headers)) ?? Metadata())
            }
        }
    }

    mutating func receivedData(_ bytes: UnsafeRawBufferPointer) -> InboundMessageQueue.OnData {
        guard status == nil else { return .consume(bytes.count) }
        let outcome = inbound.receivedData(bytes)
        if case .fail(let error) = outcome {
            fail(error.status)
        }
        return outcome
    }

    /// END_STREAM on DATA: the server ended without trailers.
    mutating func receivedEndWithoutTrailers() {
        guard status == nil else { return }
        if initialMetadata == nil { initialMetadata = Metadata() }
        status = (Status(code: .internal, message: "the server's response ended without a status"), Metadata())
    }

    /// The stream closed; an RST_STREAM before any status decides it.
    mutating func closed(errorCode: UInt32) {
        guard status == nil else { return }
        let status: Status
        switch errorCode {
        case HTTP2ErrorCode.noError:
            status = Status(code: .internal, message: "the server closed the stream without a status")
        case HTTP2ErrorCode.refusedStream:
            status = Status(code: .unavailable, message: "the server refused the stream; retry")
        case HTTP2ErrorCode.cancel:
            status = Status(code: .cancelled, message: "the server cancelled the call")
        case HTTP2ErrorCode.enhanceYourCalm:
            status = Status(code: .resourceExhausted, message: "the server is limiting this client")
        default:
            status = Status(code: .internal, message: "the server reset the stream (HTTP/2 error \(errorCode))")
        }
        fail(status)
    }

    /// Ends the call locally (deadline, cancel, lost connection); false if it had already ended.
    @discardableResult
    mutating func fail(_ status: Status) -> Bool {
        guard self.status == nil else { return false }
        if initialMetadata == nil { initialMetadata = Metadata() }
        self.status = (status, Metadata())
        aborted = true
        return true
    }

    mutating func next() -> InboundMessageQueue.OnRead {
        if aborted { return .end }
        switch inbound.next() {
        case .message(let message, let release): return .message(message, release: release)
        case .end, .wait: return status != nil ? .end : .wait
        }
    }
}
