internal import TiltsRPC

/// The reporting service's per-call errors, each with the status and message an integrator sees.
struct ReportingError: Error, RPCErrorConvertible, Sendable {
    let rpcError: RPCError

    static func invalid(_ field: String, _ reason: String) -> ReportingError {
        var violations = FieldViolations()
        violations.add(field, reason)
        return ReportingError(rpcError: violations.error!)
    }
}
