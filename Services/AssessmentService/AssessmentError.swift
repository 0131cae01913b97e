internal import TiltsRPC

/// The assessment service's domain errors, each with the status and message an integrator sees.
/// Messages name records by id and fields by proto path; they never repeat notes or narratives.
struct AssessmentError: Error, RPCErrorConvertible, Sendable {
    let rpcError: RPCError

    static func notFound(_ what: String, _ id: String) -> AssessmentError {
        AssessmentError(rpcError: RPCError(code: .notFound, message: "\(what) \(id) was not found"))
    }

    /// A case id the referral service has not reported admitted (or not yet).
    static func unknownCase(_ caseID: String) -> AssessmentError {
        AssessmentError(
            rpcError: RPCError(
                code: .notFound,
                message: "case \(caseID) is not an admitted case: the assessment service learns of a case when the "
                    + "referral service admits it (AdmitCase)"))
    }

    static func alreadyExists(_ message: String, id: String) -> AssessmentError {
        AssessmentError(
            rpcError: RPCError(code: .alreadyExists, message: message, metadata: ["tilts-existing-record-id": .string(id)]))
    }

    static func precondition(_ message: String) -> AssessmentError {
        AssessmentError(rpcError: RPCError(code: .failedPrecondition, message: message))
    }

    static func invalid(_ field: String, _ reason: String) -> AssessmentError {
        var violations = FieldViolations()
        violations.add(field, reason)
        return AssessmentError(rpcError: violations.error!)
    }
}
