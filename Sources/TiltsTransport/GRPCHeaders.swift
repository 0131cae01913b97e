public import TiltsHTTP2
public import TiltsRPC

/// Builds and reads the HTTP/2 header blocks of gRPC (PROTOCOL-HTTP2), for both ends.
public enum GRPCHeaders {
    /// The content type Tilts sends; any `application/grpc` variant is accepted.
    public static let contentType = "application/grpc"

    /// Whether a request's content-type names gRPC (`application/grpc`, `+proto`, `;params`).
    public static func isGRPCContentType(_ value: String?) -> Bool {
        guard let value else { return false }
        guard value.hasPrefix(contentType) else { return false }
        let rest = value.dropFirst(contentType.count)
        return rest.isEmpty || rest.first == "+" || rest.first == ";"
    }

    /// Response headers that start a normal response.
    public static func responseHeaders(metadata: Metadata) -> [HTTP2Header] {
        var headers = [
            HTTP2Header(":status", "200"), HTTP2Header("content-type", contentType),
            HTTP2Header("grpc-accept-encoding", "identity"),
        ]
        append(metadata, to: &headers)
        return headers
    }

    /// The trailers that end a response with `status`.
    public static func trailers(status: Status, metadata: Metadata) -> [HTTP2Header] {
        var headers = [HTTP2Header("grpc-status", String(status.code.rawValue))]
        if !status.message.isEmpty {
            headers.append(HTTP2Header("grpc-message", PercentEncoding.encode(status.message)))
        }
        append(metadata, to: &headers)
        return headers
    }

    /// A Trailers-Only response: one HEADERS frame with the status, ending the stream.
    public static func trailersOnly(status: Status, metadata: Metadata) -> [HTTP2Header] {
        var headers = [HTTP2Header(":status", "200"), HTTP2Header("content-type", contentType)]
        headers.append(contentsOf: trailers(status: status, metadata: metadata))
        return headers
    }

    /// Request headers for a call.
    public static func requestHeaders(
        path: String, authority: String, scheme: String, timeout: Duration?, metadata: Metadata
    ) -> [HTTP2Header] {
        var headers = [
            HTTP2Header(":method", "POST"), HTTP2Header(":scheme", scheme), HTTP2Header(":path", path),
            HTTP2Header(":authority", authority), HTTP2Header("content-type", contentType),
            HTTP2Header("te", "trailers"), HTTP2Header("user-agent", "tilts-grpc/1"),
            HTTP2Header("grpc-accept-encoding", "identity"),
        ]
        if let timeout {
            headers.append(HTTP2Header("grpc-timeout", GRPCTimeout.format(timeout)))
        }
        append(metadata, to: &headers)
        return headers
    }

    /// Reads the status from trailers (or a Trailers-Only HEADERS block).
    public static func status(from headers: [HTTP2Header]) -> Status {
        guard let codeText = headers.first("grpc-status") else {
            if let httpStatus = headers.first(":status"), httpStatus != "200" {
                return status(forHTTPStatus: httpStatus)
            }
            return Status(code: .internal, message: "the server's response ended without a grpc-status")
        }
        guard let code = Int(codeText) else {
            return Status(code: .internal, message: "the server sent an unreadable grpc-status '\(codeText)'")
        }
        let message = headers.first("grpc-message").map(PercentEncoding.decode) ?? ""
        return Status(code: StatusCode(rawValue: code), message: message)
    }

    /// The gRPC status for a non-200 HTTP response (PROTOCOL-HTTP2's mapping, http-grpc-status-mapping.md).
    public static func status(forHTTPStatus value: String) -> Status {
        let code: StatusCode
        switch value {
        case "400": code = .internal
        case "401": code = .unauthenticated
        case "403": code = .permissionDenied
        case "404": code = .unimplemented
        case "429", "502", "503", "504": code = .unavailable
        default: code = .unknown
        }
        return Status(code: code, message: "the server answered HTTP status \(value)")
    }

    /// The metadata carried in a header block.
    public static func metadata(from headers: [HTTP2Header]) throws -> Metadata {
        var metadata = Metadata()
        for header in headers {
            try metadata.appendReceived(name: header.name, value: header.value)
        }
        return metadata
    }

    private static func append(_ metadata: Metadata, to headers: inout [HTTP2Header]) {
        for (name, value) in metadata.headerFields() where !name.hasPrefix(":") {
            headers.append(HTTP2Header(name, value))
        }
    }
}
