internal import NIOCore
internal import NIOHTTP1
internal import Prometheus
internal import TiltsHealth

/// Answers the admin port's requests: `GET /metrics`, `GET /healthz`; 404 for other paths, 405
/// for other methods. The request body, if any, is ignored. Keep-alive is honoured.
///
/// Threading: a channel handler, on its channel's event loop. Rendering the registry takes its
/// locks briefly; it is small (a few hundred series) so this does not hold the loop.
final class AdminHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let registry: PrometheusCollectorRegistry
    private let health: HealthStatusRegistry
    private var request: HTTPRequestHead?

    init(registry: PrometheusCollectorRegistry, health: HealthStatusRegistry) {
        self.registry = registry
        self.health = health
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            request = head
        case .body:
            break
        case .end:
            guard let head = request else { return }
            request = nil
            respond(to: head, context: context)
        }
    }

    private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let (status, contentType, body): (HTTPResponseStatus, String, [UInt8])
        switch (head.method, path) {
        case (.GET, "/metrics"), (.HEAD, "/metrics"):
            (status, contentType, body) = (.ok, "text/plain; version=0.0.4; charset=utf-8", registry.emitToBuffer())
        case (.GET, "/healthz"), (.HEAD, "/healthz"):
            let serving = health.status(of: "") == .serving
            (status, contentType, body) = (
                serving ? .ok : .serviceUnavailable, "text/plain; charset=utf-8",
                Array((serving ? "SERVING\n" : "NOT_SERVING\n").utf8)
            )
        case (_, "/metrics"), (_, "/healthz"):
            (status, contentType, body) = (.methodNotAllowed, "text/plain; charset=utf-8", Array("method not allowed\n".utf8))
        default:
            (status, contentType, body) = (.notFound, "text/plain; charset=utf-8", Array("not found\n".utf8))
        }
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: contentType)
        headers.add(name: "content-length", value: String(body.count))
        if status == .methodNotAllowed { headers.add(name: "allow", value: "GET, HEAD") }
        let keepAlive = head.isKeepAlive
        if !keepAlive { headers.add(name: "connection", value: "close") }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
        if head.method != .HEAD {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
        }
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            let channel = context.channel
            done.whenComplete { _ in channel.close(promise: nil) }
        }
    }
}
