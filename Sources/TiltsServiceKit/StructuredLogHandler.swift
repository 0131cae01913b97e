public import Logging
internal import Synchronization

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// How a process writes its log lines.
public enum LogFormat: String, Sendable, CaseIterable {
    /// One JSON object per line: `ts` (UTC, RFC 3339 with milliseconds), `level`, `label`, `msg`,
    /// then each metadata key at the top level (a key that collides with those gets a `_` prefix).
    case json
    /// One human-readable line: `ts level label: msg key=value ...`, values quoted when needed.
    case text

    /// JSON unless standard error is a terminal.
    public static var automatic: LogFormat { isatty(2) != 0 ? .text : .json }
}

/// A swift-log handler that writes one structured line per event to standard error.
///
/// Each line is built in full and written with one `write(2)` under a process-wide lock, so lines
/// from concurrent tasks never interleave. Metadata is written as given: callers must not put
/// payloads, names or personal codes in it (the Tilts rule; see ``CallObserver`` for the call log).
///
/// ```swift
/// LoggingSystem.bootstrap { label in StructuredLogHandler(label: label, format: .json, level: .info) }
/// ```
///
/// Thread-safe: a value type; the shared writer serialises output.
public struct StructuredLogHandler: LogHandler {
    public let label: String
    public let format: LogFormat
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?

    public init(label: String, format: LogFormat, level: Logger.Level, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.format = format
        self.logLevel = level
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = self.metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty {
            merged.merge(provided) { _, new in new }
        }
        if let explicit = event.metadata, !explicit.isEmpty {
            merged.merge(explicit) { _, new in new }
        }
        if let error = event.error {
            // The type only: an error's description may quote input.
            merged["error_type"] = .string(String(reflecting: type(of: error)))
        }
        let line = Self.render(
            format: format, timestamp: Self.timestamp(), level: event.level, label: label,
            message: event.message.description, metadata: merged)
        StandardErrorWriter.write(line)
    }

    /// One complete line, newline included.
    static func render(
        format: LogFormat, timestamp: String, level: Logger.Level, label: String, message: String,
        metadata: Logger.Metadata
    ) -> String {
        var out = ""
        out.reserveCapacity(128 + message.utf8.count)
        switch format {
        case .json:
            out += "{\"ts\":\"\(timestamp)\",\"level\":\"\(level.rawValue)\",\"label\":"
            LogEncoding.appendJSONString(label, to: &out)
            out += ",\"msg\":"
            LogEncoding.appendJSONString(message, to: &out)
            for key in metadata.keys.sorted() {
                out += ","
                LogEncoding.appendJSONString(Self.reserved.contains(key) ? "_" + key : key, to: &out)
                out += ":"
                LogEncoding.appendJSON(metadata[key]!, to: &out)
            }
            out += "}\n"
        case .text:
            out += "\(timestamp) \(level.rawValue) \(label): "
            LogEncoding.appendSingleLine(message, to: &out)
            for key in metadata.keys.sorted() {
                out += " \(key)="
                LogEncoding.appendLogfmtValue(metadata[key]!, to: &out)
            }
            out += "\n"
        }
        return out
    }

    private static let reserved: Set<String> = ["ts", "level", "label", "msg"]

    /// Now in UTC as `2026-03-02T09:15:04.123Z`, without Foundation's formatters.
    static func timestamp() -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        var seconds = spec.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))."
            + "\(pad(Int32(spec.tv_nsec / 1_000_000), 3))Z"
    }
}

/// Writes whole lines to fd 2, one `write` per line, serialised across threads.
enum StandardErrorWriter {
    private static let lock = Mutex(())

    static func write(_ line: String) {
        var line = line
        lock.withLock { _ in
            line.withUTF8 { bytes in
                var offset = 0
                while offset < bytes.count {
                    #if canImport(Glibc)
                    let written = Glibc.write(2, bytes.baseAddress! + offset, bytes.count - offset)
                    #else
                    let written = Darwin.write(2, bytes.baseAddress! + offset, bytes.count - offset)
                    #endif
                    if written < 0 {
                        if errno == EINTR { continue }
                        return
                    }
                    offset += written
                }
            }
        }
    }
}
