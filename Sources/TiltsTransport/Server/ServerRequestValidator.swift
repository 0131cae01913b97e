internal import TiltsHTTP2
internal import TiltsRPC

/// Decides what to do with a new request stream from its headers alone (PROTOCOL-HTTP2, "Requests").
enum ServerRequestValidator {
    enum Outcome {
        /// Not a gRPC request: answer with this HTTP status and no gRPC status.
        case reject(httpStatus: String)
        /// A gRPC request that fails before any handler runs: Trailers-Only with this status.
        case fail(Status)
        /// Serve it.
        case accept(ServerMethod, Metadata, timeout: Duration?)
    }

    static func validate(_ headers: [HTTP2Header], router: RPCRouter) -> Outcome {
        var method: String?
        var path: String?
        var contentType: String?
        var timeout: String?
        var encoding: String?
        for header in headers {
            switch header.name {
            case ":method": method = header.value
            case ":path": path = header.value
            case "content-type": contentType = header.value
            case "grpc-timeout": timeout = header.value
            case "grpc-encoding": encoding = header.value
            default: break
            }
        }
        guard method == "POST" else { return .reject(httpStatus: "405") }
        guard GRPCHeaders.isGRPCContentType(contentType) else { return .reject(httpStatus: "415") }
        guard let path, let serverMethod = router.method(forPath: path) else {
            return .fail(Status(code: .unimplemented, message: "method \(path ?? "(none)") is not implemented by this server"))
        }
        if let encoding, encoding != "identity" {
            return .fail(Status(code: .unimplemented, message: "message compression '\(encoding)' is not supported; send uncompressed messages"))
        }
        var duration: Duration?
        if let timeout {
            guard let parsed = GRPCTimeout.parse(timeout) else {
                return .fail(Status(code: .invalidArgument, message: "grpc-timeout '\(timeout)' is malformed"))
            }
            duration = parsed
        }
        do {
            let metadata = try GRPCHeaders.metadata(from: headers)
            return .accept(serverMethod, metadata, timeout: duration)
        } catch {
            return .fail(RPCError.from(error).status)
        }
    }
}
