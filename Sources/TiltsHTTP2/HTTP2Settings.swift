/// The settings a Tilts HTTP/2 endpoint advertises and the protections it applies.
///
/// Defaults are sized for gRPC over Unix sockets and loopback TCP: large windows so a single
/// stream can move megabytes without waiting on WINDOW_UPDATE round trips, and limits that keep
/// a hostile peer from holding unbounded memory.
public struct HTTP2Settings: Sendable, Equatable {
    /// SETTINGS_MAX_CONCURRENT_STREAMS advertised to the peer.
    public var maxConcurrentStreams: UInt32
    /// SETTINGS_INITIAL_WINDOW_SIZE: the per-stream receive window.
    public var initialStreamWindowSize: UInt32
    /// The connection-level receive window, raised with a WINDOW_UPDATE at start.
    public var connectionWindowSize: UInt32
    /// SETTINGS_MAX_FRAME_SIZE.
    public var maxFrameSize: UInt32
    /// SETTINGS_MAX_HEADER_LIST_SIZE: the largest header block accepted.
    public var maxHeaderListSize: UInt32
    /// Token bucket for RST_STREAM frames received (server only): burst and refill per second.
    /// A peer that resets faster is sent GOAWAY (the "rapid reset" defence).
    public var streamResetBurst: UInt64
    public var streamResetRate: UInt64
    /// Most CONTINUATION frames accepted after one HEADERS frame.
    public var maxContinuations: Int

    public init(
        maxConcurrentStreams: UInt32 = HTTP2Settings.defaults.maxConcurrentStreams,
        initialStreamWindowSize: UInt32 = HTTP2Settings.defaults.initialStreamWindowSize,
        connectionWindowSize: UInt32 = HTTP2Settings.defaults.connectionWindowSize,
        maxFrameSize: UInt32 = HTTP2Settings.defaults.maxFrameSize,
        maxHeaderListSize: UInt32 = HTTP2Settings.defaults.maxHeaderListSize,
        streamResetBurst: UInt64 = HTTP2Settings.defaults.streamResetBurst,
        streamResetRate: UInt64 = HTTP2Settings.defaults.streamResetRate,
        maxContinuations: Int = HTTP2Settings.defaults.maxContinuations
    ) {
        self.maxConcurrentStreams = maxConcurrentStreams
        self.initialStreamWindowSize = initialStreamWindowSize
        self.connectionWindowSize = connectionWindowSize
        self.maxFrameSize = maxFrameSize
        self.maxHeaderListSize = maxHeaderListSize
        self.streamResetBurst = streamResetBurst
        self.streamResetRate = streamResetRate
        self.maxContinuations = maxContinuations
    }

    /// The documented defaults: 256 streams, 1 MiB stream window, 16 MiB connection window,
    /// 16 KiB frames, 16 KiB header lists, 1000 resets burst at 33/s, 8 continuations.
    public static let defaults = HTTP2Settings(
        maxConcurrentStreams: 256,
        initialStreamWindowSize: 1 << 20,
        connectionWindowSize: 16 << 20,
        maxFrameSize: 16_384,
        maxHeaderListSize: 16_384,
        streamResetBurst: 1000,
        streamResetRate: 33,
        maxContinuations: 8
    )

    /// Starts from ``defaults`` and lets the caller change some fields.
    public static func defaults(configure: (inout HTTP2Settings) -> Void) -> HTTP2Settings {
        var settings = defaults
        configure(&settings)
        return settings
    }
}
