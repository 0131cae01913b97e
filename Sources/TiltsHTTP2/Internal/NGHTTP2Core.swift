internal import CNGHTTP2
internal import NIOCore

/// The only place that talks to libnghttp2: it turns C callbacks and return codes into Swift.
///
/// Owned by exactly one ``HTTP2Session``, whose pointer is nghttp2's `user_data`; so the C
/// callbacks find the session, its delegate and this core without any global state.
final class NGHTTP2Core {
    /// The outbound body of one stream, read by nghttp2's data provider callback.
    final class OutboundBody {
        var buffer: ByteBuffer
        var ended = false
        var trailers: [HTTP2Header]?
        var deferred = false
        init(buffer: ByteBuffer) { self.buffer = buffer }
    }

    private var session: OpaquePointer?
    private var headerBlock: [HTTP2Header] = []
    private var bodies: [Int32: OutboundBody] = [:]
    private var drained: [Int32] = []
    private var emptyBuffer = ByteBufferAllocator().buffer(capacity: 0)
    private let scratch = NameValueScratch()

    private func withNameValues<R>(_ headers: [HTTP2Header], _ body: (UnsafePointer<nghttp2_nv>, Int) -> R) -> R {
        scratch.withNameValues(headers, body)
    }

    init() {}

    func start(owner: HTTP2Session) throws {
        var callbacks: OpaquePointer?
        guard nghttp2_session_callbacks_new(&callbacks) == 0, let callbacks else {
            throw HTTP2Error(code: .sessionSetup, message: "nghttp2 could not allocate callbacks")
        }
        defer { nghttp2_session_callbacks_del(callbacks) }
        nghttp2_session_callbacks_set_on_begin_headers_callback(callbacks, onBeginHeaders)
        nghttp2_session_callbacks_set_on_header_callback(callbacks, onHeader)
        nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, onFrameReceived)
        nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, onDataChunk)
        nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, onStreamClose)

        var option: OpaquePointer?
        guard nghttp2_option_new(&option) == 0, let option else {
            throw HTTP2Error(code: .sessionSetup, message: "nghttp2 could not allocate options")
        }
        defer { nghttp2_option_del(option) }
        let settings = owner.settings
        nghttp2_option_set_no_auto_window_update(option, 1)
        nghttp2_option_set_max_send_header_block_length(option, 64 * 1024)
        nghttp2_option_set_stream_reset_rate_limit(option, settings.streamResetBurst, settings.streamResetRate)
        nghttp2_option_set_max_continuations(option, settings.maxContinuations)
        // Bound the SETTINGS and outbound-ACK queues a peer can make us hold.
        nghttp2_option_set_max_settings(option, 32)
        nghttp2_option_set_max_outbound_ack(option, 1000)

        let userData = Unmanaged.passUnretained(owner).toOpaque()
        let rc: Int32
        switch owner.role {
        case .server: rc = nghttp2_session_server_new2(&session, callbacks, userData, option)
        case .client: rc = nghttp2_session_client_new2(&session, callbacks, userData, option)
        }
        guard rc == 0, session != nil else {
            throw HTTP2Error(code: .sessionSetup, message: errorText(rc))
        }

        var entries = [
            nghttp2_settings_entry(
                settings_id: Int32(NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS.rawValue),
                value: settings.maxConcurrentStreams),
            nghttp2_settings_entry(
                settings_id: Int32(NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE.rawValue),
                value: settings.initialStreamWindowSize),
            nghttp2_settings_entry(
                settings_id: Int32(NGHTTP2_SETTINGS_MAX_FRAME_SIZE.rawValue), value: settings.maxFrameSize),
            nghttp2_settings_entry(
                settings_id: Int32(NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE.rawValue),
                value: settings.maxHeaderListSize),
        ]
        if owner.role == .client {
            entries.append(nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_ENABLE_PUSH.rawValue), value: 0))
        }
        var settingsRC = nghttp2_submit_settings(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), entries, entries.count)
        if settingsRC == 0 {
            settingsRC = nghttp2_session_set_local_window_size(
                session, UInt8(NGHTTP2_FLAG_NONE.rawValue), 0, Int32(clamping: settings.connectionWindowSize))
        }
        guard settingsRC == 0 else {
            throw HTTP2Error(code: .sessionSetup, message: errorText(settingsRC))
        }
    }

    func destroy() {
        if let session {
            nghttp2_session_del(session)
        }
        session = nil
        bodies.removeAll()
    }

    // MARK: - Input and output

    func receive(_ bytes: UnsafeRawBufferPointer) throws {
        guard let session else { throw HTTP2Error(code: .closed, message: "session already ended") }
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        let rc = nghttp2_session_mem_recv(session, base.assumingMemoryBound(to: UInt8.self), bytes.count)
        if rc < 0 {
            throw HTTP2Error(code: .protocolError, message: errorText(Int32(clamping: rc)))
        }
    }

    func produceOutput(into buffer: inout ByteBuffer) -> Bool {
        guard let session else { return false }
        var appended = false
        while true {
            var data: UnsafePointer<UInt8>?
            let count = nghttp2_session_mem_send(session, &data)
            if count <= 0 { break }
            guard let data else { break }
            buffer.writeBytes(UnsafeRawBufferPointer(start: data, count: count))
            appended = true
        }
        return appended
    }

    func notifyDrained(owner: HTTP2Session) {
        guard !drained.isEmpty else { return }
        let streams = drained
        drained.removeAll(keepingCapacity: true)
        for stream in streams {
            owner.delegate?.session(owner, outboundDrained: stream)
        }
    }

    var wantsWrite: Bool { session.map { nghttp2_session_want_write($0) != 0 } ?? false }
    var wantsRead: Bool { session.map { nghttp2_session_want_read($0) != 0 } ?? false }
    var lastProcessedStreamID: Int32 { session.map { nghttp2_session_get_last_proc_stream_id($0) } ?? 0 }
    var peerMaxConcurrentStreams: UInt32 {
        session.map { nghttp2_session_get_remote_settings($0, NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS) } ?? 0
    }

    // MARK: - Submitting frames

    func submitResponse(streamID: Int32, headers: [HTTP2Header], endStream: Bool) throws {
        guard let session else { throw HTTP2Error(code: .closed, message: "session already ended") }
        let rc: Int32
        if endStream {
            rc = withNameValues(headers) { nva, count in
                nghttp2_submit_response(session, streamID, nva, count, nil)
            }
        } else {
            bodies[streamID] = OutboundBody(buffer: emptyBuffer)
            var provider = nghttp2_data_provider(source: nghttp2_data_source(ptr: nil), read_callback: readBodyCallback)
            rc = withNameValues(headers) { nva, count in
                nghttp2_submit_response(session, streamID, nva, count, &provider)
            }
            if rc != 0 { bodies[streamID] = nil }
        }
        if rc != 0 {
            throw HTTP2Error(code: .submitFailed, message: errorText(rc))
        }
    }

    func submitRequest(headers: [HTTP2Header]) throws -> Int32 {
        guard let session else { throw HTTP2Error(code: .closed, message: "session already ended") }
        var provider = nghttp2_data_provider(source: nghttp2_data_source(ptr: nil), read_callback: readBodyCallback)
        let streamID = withNameValues(headers) { nva, count in
            nghttp2_submit_request(session, nil, nva, count, &provider, nil)
        }
        if streamID < 0 {
            throw HTTP2Error(code: .submitFailed, message: errorText(streamID))
        }
        bodies[streamID] = OutboundBody(buffer: emptyBuffer)
        return streamID
    }

    func send(_ bytes: ByteBuffer, streamID: Int32) {
        guard let body = bodies[streamID], !body.ended else { return }
        if body.buffer.readableBytes == 0 {
            body.buffer = bytes
        } else {
            var bytes = bytes
            body.buffer.writeBuffer(&bytes)
        }
        resume(body, streamID: streamID)
    }

    func finish(streamID: Int32, trailers: [HTTP2Header]?) {
        guard let body = bodies[streamID], !body.ended else { return }
        body.ended = true
        body.trailers = trailers
        resume(body, streamID: streamID)
    }

    private func resume(_ body: OutboundBody, streamID: Int32) {
        if body.deferred, let session {
            body.deferred = false
            nghttp2_session_resume_data(session, streamID)
        }
    }

    func bufferedBytes(streamID: Int32) -> Int {
        bodies[streamID]?.buffer.readableBytes ?? 0
    }

    func resetStream(streamID: Int32, errorCode: UInt32) {
        guard let session else { return }
        nghttp2_submit_rst_stream(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), streamID, errorCode)
    }

    func consume(streamID: Int32, count: Int) {
        guard let session, count > 0 else { return }
        nghttp2_session_consume_stream(session, streamID, count)
    }

    func submitShutdownNotice() {
        guard let session else { return }
        nghttp2_submit_shutdown_notice(session)
    }

    func submitGoAway(errorCode: UInt32) {
        guard let session else { return }
        nghttp2_submit_goaway(
            session, UInt8(NGHTTP2_FLAG_NONE.rawValue), nghttp2_session_get_last_proc_stream_id(session),
            errorCode, nil, 0)
    }

    func submitPing(payload: UInt64) {
        guard let session else { return }
        withUnsafeBytes(of: payload) { raw in
            _ = nghttp2_submit_ping(
                session, UInt8(NGHTTP2_FLAG_NONE.rawValue), raw.baseAddress?.assumingMemoryBound(to: UInt8.self))
        }
    }

    // MARK: - Callback entry points

    fileprivate func beginHeaders() {
        headerBlock.removeAll(keepingCapacity: true)
    }

    fileprivate func appendHeader(name: UnsafePointer<UInt8>, nameLength: Int, value: UnsafePointer<UInt8>, valueLength: Int) {
        headerBlock.append(
            HTTP2Header(
                String(decoding: UnsafeBufferPointer(start: name, count: nameLength), as: UTF8.self),
                String(decoding: UnsafeBufferPointer(start: value, count: valueLength), as: UTF8.self)))
    }

    fileprivate func takeHeaderBlock() -> [HTTP2Header] {
        let block = headerBlock
        headerBlock = []
        headerBlock.reserveCapacity(16)
        return block
    }

    fileprivate func consumeConnection(_ count: Int) {
        guard let session else { return }
        nghttp2_session_consume_connection(session, count)
    }

    fileprivate func streamClosed(_ streamID: Int32) {
        bodies[streamID] = nil
    }

    /// Copies up to `length` bytes of a stream's body for nghttp2; see `readBody`.
    fileprivate func readBody(
        streamID: Int32, into destination: UnsafeMutablePointer<UInt8>, length: Int, flags: UnsafeMutablePointer<UInt32>
    ) -> Int {
        guard let body = bodies[streamID] else {
            return Int(NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE.rawValue)
        }
        let count = min(length, body.buffer.readableBytes)
        if count > 0 {
            body.buffer.withUnsafeReadableBytes { source in
                UnsafeMutableRawPointer(destination).copyMemory(from: source.baseAddress!, byteCount: count)
            }
            body.buffer.moveReaderIndex(forwardBy: count)
            if body.buffer.readableBytes == 0 {
                body.buffer.clear()
                drained.append(streamID)
            }
        }
        if body.buffer.readableBytes == 0 {
            if body.ended {
                flags.pointee |= NGHTTP2_DATA_FLAG_EOF.rawValue
                if let trailers = body.trailers, let session {
                    flags.pointee |= NGHTTP2_DATA_FLAG_NO_END_STREAM.rawValue
                    _ = withNameValues(trailers) { nva, n in nghttp2_submit_trailer(session, streamID, nva, n) }
                }
            } else if count == 0 {
                body.deferred = true
                return Int(NGHTTP2_ERR_DEFERRED.rawValue)
            }
        }
        return count
    }
}

// MARK: - Helpers

/// nghttp2's text for an error code.
private func errorText(_ code: Int32) -> String {
    String(cString: nghttp2_strerror(code))
}

/// Lays out header fields as the `nghttp2_nv` array nghttp2 copies from during a submit call.
///
/// The bytes and the array live in per-thread scratch storage reused across calls (a session, and
/// so every call here, is confined to one thread), so a submit allocates nothing in steady state.

final class NameValueScratch {
    private var storage: [UInt8] = []
    private var nva: [nghttp2_nv] = []
    private var inUse = false

    func withNameValues<R>(_ headers: [HTTP2Header], _ body: (UnsafePointer<nghttp2_nv>, Int) -> R) -> R {
        if inUse { return NameValueScratch().withNameValues(headers, body) }
        inUse = true
        defer { inUse = false }
        storage.removeAll(keepingCapacity: true)
        var offsets: [(Int, Int, Int, Int)] = []
        offsets.reserveCapacity(headers.count)
        for header in headers {
            let nameStart = storage.count
            storage.append(contentsOf: header.name.utf8)
            let valueStart = storage.count
            storage.append(contentsOf: header.value.utf8)
            offsets.append((nameStart, valueStart - nameStart, valueStart, storage.count - valueStart))
        }
        storage.append(0)  // never empty, so the base address exists
        return storage.withUnsafeMutableBufferPointer { raw in
            let base = raw.baseAddress!
            nva.removeAll(keepingCapacity: true)
            for (nameStart, nameLength, valueStart, valueLength) in offsets {
                nva.append(
                    nghttp2_nv(
                        name: base + nameStart, value: base + valueStart, namelen: nameLength, valuelen: valueLength,
                        flags: UInt8(NGHTTP2_NV_FLAG_NONE.rawValue)))
            }
            return nva.withUnsafeBufferPointer { nvs in body(nvs.baseAddress!, nvs.count) }
        }
    }
}

private func owner(_ userData: UnsafeMutableRawPointer?) -> HTTP2Session {
    Unmanaged<HTTP2Session>.fromOpaque(userData!).takeUnretainedValue()
}

private let onBeginHeaders: nghttp2_on_begin_headers_callback = { _, _, userData in
    owner(userData).core.beginHeaders()
    return 0
}

private let onHeader: nghttp2_on_header_callback = { _, _, name, nameLength, value, valueLength, _, userData in
    guard let name, let value else { return 0 }
    owner(userData).core.appendHeader(name: name, nameLength: nameLength, value: value, valueLength: valueLength)
    return 0
}

private let onFrameReceived: nghttp2_on_frame_recv_callback = { _, frame, userData in
    guard let frame else { return 0 }
    let session = owner(userData)
    let header = frame.pointee.hd
    let endStream = header.flags & UInt8(NGHTTP2_FLAG_END_STREAM.rawValue) != 0
    switch UInt32(header.type) {
    case NGHTTP2_HEADERS.rawValue:
        let kind: HTTP2HeadersKind
        switch frame.pointee.headers.cat {
        case NGHTTP2_HCAT_REQUEST: kind = .request
        case NGHTTP2_HCAT_RESPONSE: kind = .response
        default: kind = .trailers
        }
        let headers = session.core.takeHeaderBlock()
        session.delegate?.session(session, didReceiveHeaders: headers, streamID: header.stream_id, kind: kind, endStream: endStream)
    case NGHTTP2_DATA.rawValue:
        if endStream {
            session.delegate?.session(session, didReceiveEndStream: header.stream_id)
        }
    case NGHTTP2_GOAWAY.rawValue:
        let goaway = frame.pointee.goaway
        session.delegate?.session(session, didReceiveGoAway: goaway.last_stream_id, errorCode: goaway.error_code)
    default:
        break
    }
    return 0
}

private let onDataChunk: nghttp2_on_data_chunk_recv_callback = { _, _, streamID, data, length, userData in
    let session = owner(userData)
    session.core.consumeConnection(length)
    guard let data else { return 0 }
    session.delegate?.session(session, didReceiveData: UnsafeRawBufferPointer(start: data, count: length), streamID: streamID)
    return 0
}

private let onStreamClose: nghttp2_on_stream_close_callback = { _, streamID, errorCode, userData in
    let session = owner(userData)
    session.core.streamClosed(streamID)
    session.delegate?.session(session, streamClosed: streamID, errorCode: errorCode)
    return 0
}

private let readBodyCallback: nghttp2_data_source_read_callback = { _, streamID, buffer, length, flags, _, userData in
    guard let buffer, let flags else { return Int(NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE.rawValue) }
    return owner(userData).core.readBody(streamID: streamID, into: buffer, length: length, flags: flags)
}
