public import Prometheus
public import TiltsTransport
internal import CoreMetrics
internal import Metrics
internal import Synchronization
internal import TiltsRPC

/// The process's Prometheus registry and the Tilts metrics recorded into it.
///
/// ``bootstrap()`` creates the registry and makes it swift-metrics' backend, so any swift-metrics
/// `Counter`, `Gauge` or `Timer` in the process lands in it; the ``AdminServer`` serves it as
/// `GET /metrics`. Metric names (all in the Prometheus text format):
///
/// - `tilts_rpc_server_calls_total{method, code}`: calls ended, per method (`service/Method`) and
///   status code name (`OK`, `INVALID_ARGUMENT`, ...);
/// - `tilts_rpc_server_duration_seconds{method, code}`: a histogram of their durations, from the
///   request headers to the status;
/// - `tilts_event_consumer_applied_total{consumer}` and `tilts_event_consumer_lag{consumer}`: see
///   ``eventConsumerObserver(name:)``;
/// - `tilts_store_size_bytes`: the data folder's SQLite files (see ``StoreSizeMonitor``).
///
/// A method no route knows is counted as `method="unrouted"`, and after ``maximumCallSeries``
/// distinct (method, code) pairs new ones count as `method="other"`, so clients cannot grow the
/// registry without bound.
///
/// Thread-safe. Create one per process: swift-metrics can be bootstrapped only once.
public final class ServiceMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    private let calls = Mutex<[CallKey: CallInstruments]>([:])

    static let maximumCallSeries = 512
    static let callDurationBuckets: [Duration] = [
        .microseconds(250), .microseconds(500), .milliseconds(1), .microseconds(2500), .milliseconds(5),
        .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
        .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30),
    ]

    private struct CallKey: Hashable {
        var path: String
        var code: Int
    }

    private struct CallInstruments: Sendable {
        var counter: CoreMetrics.Counter
        var timer: CoreMetrics.Timer
    }

    private init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    /// Creates the registry and bootstraps swift-metrics with a `PrometheusMetricsFactory` over it.
    /// Call it once per process (swift-metrics traps on a second bootstrap).
    public static func bootstrap() -> ServiceMetrics {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["tilts_rpc_server_duration_seconds"] = callDurationBuckets
        MetricsSystem.bootstrap(factory)
        return ServiceMetrics(registry: registry)
    }

    /// Counts a call and records its duration; the server's `onCallEnded` hook (on the event
    /// loop: one dictionary lookup under a lock, then two atomic-ish updates).
    public func recordCall(_ summary: GRPCServer.CallSummary) {
        let key = CallKey(path: summary.isRouted ? summary.path : "", code: summary.code.rawValue)
        let instruments = calls.withLock { calls -> CallInstruments in
            if let found = calls[key] { return found }
            var label = key.path.isEmpty ? "unrouted" : String(key.path.drop { $0 == "/" })
            var storedKey = key
            if calls.count >= Self.maximumCallSeries {
                label = "other"
                storedKey.path = "\u{0}other"
                if let found = calls[storedKey] { return found }
            }
            let dimensions = [("method", label), ("code", summary.code.description)]
            let made = CallInstruments(
                counter: CoreMetrics.Counter(label: "tilts_rpc_server_calls_total", dimensions: dimensions),
                timer: CoreMetrics.Timer(label: "tilts_rpc_server_duration_seconds", dimensions: dimensions))
            calls[storedKey] = made
            return made
        }
        instruments.counter.increment()
        let (seconds, attoseconds) = summary.duration.components
        instruments.timer.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// A progress observer for one event consumer (the signature of `EventConsumer.onProgress`):
    /// `applied` events are added to `tilts_event_consumer_applied_total{consumer}`, and
    /// `tilts_event_consumer_lag{consumer}` is set to `latestReceived - cursor`, the distance in the
    /// source's sequence numbers between the newest event received and the last one applied.
    ///
    /// Works through swift-metrics, so it records nothing until ``bootstrap()`` has run.
    public static func eventConsumerObserver(
        name: String
    ) -> @Sendable (_ applied: Int, _ cursor: Int64, _ latestReceived: Int64) -> Void {
        let dimensions = [("consumer", name)]
        let applied = CoreMetrics.Counter(label: "tilts_event_consumer_applied_total", dimensions: dimensions)
        let lag = CoreMetrics.Gauge(label: "tilts_event_consumer_lag", dimensions: dimensions)
        return { count, cursor, latestReceived in
            if count > 0 { applied.increment(by: count) }
            lag.record(max(0, latestReceived - cursor))
        }
    }
}
