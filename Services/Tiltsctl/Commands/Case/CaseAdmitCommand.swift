internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl case admit REFERRAL --date … --length 40|70` (the centre).
struct CaseAdmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "admit", abstract: "Admit a referred child (centre).")

    @OptionGroup var gateway: GatewayOptions

    @Argument(help: "The referral id.")
    var referralID: String

    @Option(help: "Admission day, day 1 (YYYY-MM-DD).")
    var date: String

    @Option(help: "Course length in days: 40 or 70 (ignored under randomized allocation).")
    var length: Int32 = 0

    @Option(help: "The pre-placement meeting's day, when the meeting service has not reported it.")
    var prePlacementHeldOn: String = ""

    @Option(help: "Why the child is admitted without a pre-placement meeting (recorded as a deviation).")
    var urgentJustification: String = ""

    @Option(help: "Idempotency key (default: a new UUID).")
    var requestID: String?

    func run() async throws {
        var request = AdmitCaseRequest()
        request.requestID = Input.requestID(requestID)
        request.referralID = referralID
        request.admissionDate = date
        request.courseLengthDays = length
        request.prePlacementMeetingHeldOn = prePlacementHeldOn
        request.urgentJustification = urgentJustification
        try await gateway.run { client in
            let value: Case = try await client.call(CaseCommand.service, "AdmitCase", request)
            client.emit(value) { CaseCommand.detail($0) }
        }
    }
}
