public import Logging
internal import Foundation

/// A service's settings after flags, environment and config file are combined.
public struct ServiceConfiguration: Sendable {
    /// The executable's name, e.g. `referral-service`.
    public var name: String
    public var socketPath: String
    public var dataDirectory: String
    public var logLevel: Logger.Level
    /// `log_format`: `json` or `text`; by default text on a terminal, else JSON.
    public var logFormat: LogFormat
    /// `admin_port`: the loopback HTTP/1.1 port for `/metrics` and `/healthz`; nil for none.
    public var adminPort: Int?
    public var tcpPort: Int?
    public var listenDescriptor: Int32?
    /// Every key of the config file, for service-specific settings.
    public var values: [String: String]
    private var environment: [String: String] = [:]

    /// A setting by its config-file key: `TILTS_<KEY>` in the environment wins over the file.
    public func value(_ key: String) -> String? {
        environment["TILTS_\(key.uppercased())"] ?? values[key]
    }

    /// Resolves the options of `name`.
    /// - Throws: ``ServiceConfigurationError`` for an unreadable file or an invalid value.
    public init(name: String, options: ServiceOptions, environment: [String: String]? = nil) throws {
        let environment = environment ?? ProcessInfo.processInfo.environment
        self.environment = environment
        self.name = name
        var file: [String: String] = [:]
        if let path = options.config ?? environment["TILTS_CONFIG"] {
            file = try ConfigFile.read(path)
        }
        self.values = file
        func pick(_ flag: String?, _ key: String, _ fallback: String) -> String {
            flag ?? environment["TILTS_\(key.uppercased())"] ?? file[key] ?? fallback
        }
        socketPath = pick(options.socket, "socket", "run/\(name).sock")
        dataDirectory = pick(options.dataDir, "data_dir", "data/\(name)")
        let level = pick(options.logLevel, "log_level", "info")
        guard let parsed = Logger.Level(rawValue: level) else {
            throw ServiceConfigurationError("log level '\(level)' is not one of trace, debug, info, notice, warning, error, critical")
        }
        logLevel = parsed
        if let format = options.logFormat ?? environment["TILTS_LOG_FORMAT"] ?? file["log_format"] {
            guard let chosen = LogFormat(rawValue: format) else {
                throw ServiceConfigurationError("log format '\(format)' is not one of json, text")
            }
            logFormat = chosen
        } else {
            logFormat = .automatic
        }
        if let text = options.adminPort.map(String.init) ?? environment["TILTS_ADMIN_PORT"] ?? file["admin_port"] {
            guard let port = Int(text), (0...65535).contains(port) else {
                throw ServiceConfigurationError("admin_port must be a TCP port, not '\(text)'")
            }
            adminPort = port
        }
        if let port = options.port ?? environment["TILTS_PORT"].flatMap(Int.init) ?? file["port"].flatMap(Int.init) {
            tcpPort = port
        }
        listenDescriptor = options.listenFd ?? ServiceConfiguration.systemdListenDescriptor(environment)
    }

    /// The first fd passed by systemd socket activation (LISTEN_FDS), if it was meant for us.
    static func systemdListenDescriptor(_ environment: [String: String]) -> Int32? {
        guard let count = environment["LISTEN_FDS"].flatMap(Int.init), count >= 1 else { return nil }
        if let pid = environment["LISTEN_PID"].flatMap(Int32.init), pid != getpid() { return nil }
        return 3
    }
}

/// A configuration that cannot be used; the process exits with this message.
public struct ServiceConfigurationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Reads `key = value` files: `#` starts a comment, blank lines are skipped.
enum ConfigFile {
    static func read(_ path: String) throws -> [String: String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ServiceConfigurationError("cannot read config file \(path)")
        }
        var values: [String: String] = [:]
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let parts = trimmed.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else {
                throw ServiceConfigurationError("\(path):\(number + 1): expected `key = value`")
            }
            let key = parts[0].trimmingCharacters(in: .whitespaces)
            var value = parts[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            values[key] = value
        }
        return values
    }
}
