internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl referral submit --file referral.json`: sends a referral from a JSON file.
///
/// The file holds a `SubmitReferralRequest` or just its `ReferralDetails`, in proto3 JSON.
struct ReferralSubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit", abstract: "Submit a referral from a JSON file (SubmitReferralRequest or ReferralDetails).")

    @OptionGroup var gateway: GatewayOptions

    @Option(help: "The JSON file, or - for standard input.")
    var file: String

    @Option(help: "Idempotency key; reuse it to retry safely (default: a new UUID, or the file's requestId).")
    var requestID: String?

    func run() async throws {
        let text = try Input.text(file)
        var request: SubmitReferralRequest
        if let whole = try? SubmitReferralRequest(jsonString: text), whole.details != nil {
            request = whole
        } else {
            do {
                request = SubmitReferralRequest()
                request.details = try ReferralDetails(jsonString: text)
            } catch {
                throw ValidationError("\(file) is neither a SubmitReferralRequest nor a ReferralDetails in proto3 JSON: \(error)")
            }
        }
        if let requestID {
            request.requestID = requestID
        } else if request.requestID.isEmpty {
            request.requestID = Input.requestID(nil)
        }
        try await gateway.run { client in
            let referral: Referral = try await client.call(ReferralCommand.service, "SubmitReferral", request)
            client.emit(referral) { ReferralCommand.detail($0) }
        }
    }
}
