internal import TiltsRPC

/// The referral service's domain errors, each with the status and message an integrator sees.
struct ReferralError: Error, RPCErrorConvertible, Sendable {
    let rpcError: RPCError

    static func notFound(_ what: String, _ id: String) -> ReferralError {
        ReferralError(rpcError: RPCError(code: .notFound, message: "\(what) \(id) was not found"))
    }

    static func duplicate(referralID: String) -> ReferralError {
        ReferralError(
            rpcError: RPCError(
                code: .alreadyExists,
                message: "the child already has an active referral \(referralID); withdraw it before sending another",
                metadata: ["tilts-existing-referral-id": .string(referralID)]))
    }

    static func precondition(_ message: String) -> ReferralError {
        ReferralError(rpcError: RPCError(code: .failedPrecondition, message: message))
    }

    static func invalid(_ field: String, _ reason: String) -> ReferralError {
        var violations = FieldViolations()
        violations.add(field, reason)
        return ReferralError(rpcError: violations.error!)
    }
}
