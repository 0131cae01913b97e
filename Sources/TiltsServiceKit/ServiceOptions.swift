public import ArgumentParser

/// The command-line options every Tilts service executable shares (DESIGN section 6).
///
/// Precedence: a flag beats an environment variable (`TILTS_SOCKET`, `TILTS_DATA_DIR`,
/// `TILTS_LOG_LEVEL`, `TILTS_LOG_FORMAT`, `TILTS_ADMIN_PORT`), which beats the `--config` file, which beats the built-in default.
public struct ServiceOptions: ParsableArguments, Sendable {
    @Option(help: "A configuration file of `key = value` lines (socket, data_dir, log_level, ...).")
    public var config: String?

    @Option(help: "The Unix socket to serve gRPC on.")
    public var socket: String?

    @Option(help: "The folder for this service's SQLite store.")
    public var dataDir: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    public var logLevel: String?

    @Option(help: "Also serve cleartext h2c on this loopback TCP port (development only).")
    public var port: Int?

    @Option(help: "Serve a systemd-activated listening socket passed as this file descriptor.")
    public var listenFd: Int32?

    @Option(help: "Log line format: json or text (default: text on a terminal, else json).")
    public var logFormat: String?

    @Option(help: "Serve GET /metrics and /healthz over HTTP/1.1 on this loopback port (config admin_port).")
    public var adminPort: Int?

    public init() {}
}
