internal import Synchronization

/// The current ``TLSContext`` of a listener, replaceable while it serves (certificate rotation).
///
/// A server asks ``context`` once per accepted connection; ``reload()`` reads the configuration's
/// files again and swaps the context in, so new connections use the new certificate while open
/// ones keep the context they started with (each ``OpenSSLHandler`` holds its own reference).
/// A reload that fails keeps the previous context and throws, so a bad file on disk never stops
/// a serving process. Thread-safe.
///
/// ```swift
/// let provider = try TLSContextProvider(serverConfiguration: .server(
///     certificateChainPath: "server.pem", privateKeyPath: "server.key"))
/// // on SIGHUP:
/// try provider.reload()
/// ```
public final class TLSContextProvider: Sendable {
    /// The configuration every context is built from.
    public let configuration: TLSConfiguration
    private let current: Mutex<TLSContext>

    /// Builds the first server context.
    /// - Throws: ``TLSError`` as ``TLSContext/init(serverConfiguration:)``.
    public init(serverConfiguration: TLSConfiguration) throws {
        self.configuration = serverConfiguration
        self.current = Mutex(try TLSContext(serverConfiguration: serverConfiguration))
    }

    /// The context new connections use.
    public var context: TLSContext {
        current.withLock { $0 }
    }

    /// Rebuilds the context from the configuration's files and makes it current.
    /// - Throws: ``TLSError`` when the files no longer load; the previous context stays current.
    public func reload() throws {
        let fresh = try TLSContext(serverConfiguration: configuration)
        current.withLock { $0 = fresh }
    }
}
