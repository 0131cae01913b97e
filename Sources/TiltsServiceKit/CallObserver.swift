public import Logging
public import TiltsTransport
internal import Foundation
internal import TiltsRPC

/// What a server does when a call ends: count it in ``ServiceMetrics`` and, at debug level, log
/// one line with its method, status, duration and request id.
///
/// The request id is the call's `x-request-id` metadata (the gateway forwards the one it received
/// or made), cut to 128 characters; a call without one gets a new UUID in its log line, so lines
/// can still be told apart. The line never holds payloads, peer names or status messages (which
/// may quote input).
///
/// Install it as the server's hook with ``install(into:)``; it runs on the event loop, so it does
/// nothing costly: below debug level the log check is one comparison.
///
/// ```swift
/// let observer = CallObserver(metrics: metrics, logger: logger)
/// let config = GRPCServer.Config.defaults { observer.install(into: &$0) }
/// ```
public struct CallObserver: Sendable {
    public let metrics: ServiceMetrics?
    public let logger: Logger

    /// The metadata key carrying a request id end to end.
    public static let requestIDKey = "x-request-id"

    public init(metrics: ServiceMetrics?, logger: Logger) {
        self.metrics = metrics
        self.logger = logger
    }

    /// Whether the observer has anything to do; when not, leave the server's hook unset.
    public var isActive: Bool { metrics != nil || logger.logLevel <= .debug }

    /// Sets `config.onCallEnded` to this observer (chained after a hook already set), if active.
    public func install(into config: inout GRPCServer.Config) {
        guard isActive else { return }
        let previous = config.onCallEnded
        config.onCallEnded = { summary in
            previous?(summary)
            self.callEnded(summary)
        }
    }

    /// Records one ended call.
    public func callEnded(_ summary: GRPCServer.CallSummary) {
        metrics?.recordCall(summary)
        guard logger.logLevel <= .debug else { return }
        logger.debug(
            "call ended",
            metadata: [
                "method": .string(summary.isRouted ? String(summary.path.drop { $0 == "/" }) : "unrouted"),
                "code": .string(summary.code.description),
                "duration_ms": .stringConvertible(Self.milliseconds(summary.duration)),
                "request_id": .string(Self.requestID(summary.metadata)),
            ])
    }

    /// The call's request id, or a new one.
    static func requestID(_ metadata: Metadata) -> String {
        guard let given = metadata.first(requestIDKey), !given.isEmpty else {
            return UUID().uuidString.lowercased()
        }
        return given.count > 128 ? String(given.prefix(128)) : given
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return (Double(seconds) * 1_000 + Double(attoseconds / 1_000_000_000) / 1_000_000).rounded(toPlaces: 3)
    }
}

extension Double {
    fileprivate func rounded(toPlaces places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}
