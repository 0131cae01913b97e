internal import ArgumentParser
internal import TiltsMessages
internal import TiltsWire

/// A write request with a client idempotency key (`request_id`).
protocol IdempotentRequest: Message {
    var requestID: String { get set }
}

extension IdempotentRequest {
    /// The request in the JSON file `path`, with `requestID` set from `given`, else kept from the
    /// file, else a new UUID.
    static func load(from path: String, requestID given: String?) throws -> Self {
        var request = try Input.message(Self.self, from: path)
        if let given {
            request.requestID = given
        } else if request.requestID.isEmpty {
            request.requestID = Input.requestID(nil)
        }
        return request
    }
}

extension ScheduleMeetingRequest: IdempotentRequest {}
extension RescheduleMeetingRequest: IdempotentRequest {}
extension RecordMinutesRequest: IdempotentRequest {}
extension PlanQuarterlyReviewRequest: IdempotentRequest {}
extension RecordObservationRequest: IdempotentRequest {}
extension RecordAssessmentRequest: IdempotentRequest {}
extension DraftPlanRequest: IdempotentRequest {}
extension UpdatePlanRequest: IdempotentRequest {}
extension LogSessionRequest: IdempotentRequest {}
extension IssueFinalSummaryRequest: IdempotentRequest {}

/// The options of a command that sends a request from a JSON file.
struct FileRequestOptions: ParsableArguments {
    @Option(help: "The request in proto3 JSON, or - for standard input.")
    var file: String

    @Option(help: "Idempotency key; reuse it to retry safely (default: the file's requestId, else a new UUID).")
    var requestID: String?

    func load<R: IdempotentRequest>(_ type: R.Type) throws -> R {
        try R.load(from: file, requestID: requestID)
    }
}
