internal import TiltsRPC

/// The meeting service's domain errors, each with the status and message an integrator sees.
struct MeetingError: Error, RPCErrorConvertible, Sendable {
    let rpcError: RPCError

    static func notFound(_ what: String, _ id: String) -> MeetingError {
        MeetingError(rpcError: RPCError(code: .notFound, message: "\(what) \(id) was not found"))
    }

    /// A referral or case this service has not learned of (yet) from the referral service.
    static func unknownSubject(_ what: String, _ id: String) -> MeetingError {
        MeetingError(
            rpcError: RPCError(
                code: .notFound,
                message: "\(what) \(id) was not found: the meeting service knows the referrals and cases the referral "
                    + "service has reported; check the id, or retry in a moment if it was created just now"))
    }

    static func precondition(_ message: String) -> MeetingError {
        MeetingError(rpcError: RPCError(code: .failedPrecondition, message: message))
    }

    static func alreadyExists(meetingID: String, _ message: String) -> MeetingError {
        MeetingError(
            rpcError: RPCError(
                code: .alreadyExists, message: message, metadata: ["tilts-existing-meeting-id": .string(meetingID)]))
    }

    static func permissionDenied(_ message: String) -> MeetingError {
        MeetingError(rpcError: RPCError(code: .permissionDenied, message: message))
    }

    static func invalid(_ field: String, _ reason: String) -> MeetingError {
        var violations = FieldViolations()
        violations.add(field, reason)
        return MeetingError(rpcError: violations.error!)
    }
}
