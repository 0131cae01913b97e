public import Logging
public import TiltsRPC
public import TiltsTransport
internal import Foundation

/// What a server does when a call ends: count it in ``ServiceMetrics`` and, at debug level, log
/// one line with its method, status, duration and request id.
///
/// The request id is the call's `x-request-id` metadata (the gateway forwards the one it received
/// or made; see ``RequestIDPropagation``), else the gateway's `tilts-request-id`, cut to 128
/// characters; a call without either gets a new UUID in its log line, so lines can still be told
/// apart. The line never holds payloads, peer names or status messages (which may quote input).
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
    /// Whether the server hook logs each call. The gateway turns it off: its
    /// ``RequestIDPropagation`` logs the call with the id it resolved, which the hook cannot see.
    public let logsCalls: Bool

    /// The metadata key carrying a request id end to end.
    public static let requestIDKey = "x-request-id"
    /// The gateway's own id for a call, which it also forwards (the audit log's `request_id`).
    static let gatewayRequestIDKey = "tilts-request-id"

    public init(metrics: ServiceMetrics?, logger: Logger, logsCalls: Bool = true) {
        self.metrics = metrics
        self.logger = logger
        self.logsCalls = logsCalls
    }

    /// Whether the observer has anything to do; when not, leave the server's hook unset.
    public var isActive: Bool { metrics != nil || (logsCalls && logger.logLevel <= .debug) }

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
        guard logsCalls, logger.logLevel <= .debug else { return }
        logCall(
            method: summary.isRouted ? String(summary.path.drop { $0 == "/" }) : "unrouted", code: summary.code,
            duration: summary.duration, requestID: Self.requestID(summary.metadata))
    }

    /// Logs the `call ended` line at debug level: `method` (`service/Method`), `code`,
    /// `duration_ms` and `request_id`.
    public func logCall(method: String, code: StatusCode, duration: Duration, requestID: String) {
        guard logger.logLevel <= .debug else { return }
        logger.debug(
            "call ended",
            metadata: [
                "method": .string(method),
                "code": .string(code.description),
                "duration_ms": .stringConvertible(Self.milliseconds(duration)),
                "request_id": .string(requestID),
            ])
    }

    /// The call's request id, or a new one.
    static func requestID(_ metadata: Metadata) -> String {
        for key in [requestIDKey, gatewayRequestIDKey] {
            if let given = metadata.first(key), !given.isEmpty {
                return given.count > 128 ? String(given.prefix(128)) : given
            }
        }
        return UUID().uuidString.lowercased()
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
