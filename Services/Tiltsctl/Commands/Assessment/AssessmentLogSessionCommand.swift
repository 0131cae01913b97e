internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl assessment log-session --file request.json`: LogSession.
struct AssessmentLogSessionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log-session", abstract: "Log a session delivered from a JSON file (LogSessionRequest).")

    @OptionGroup var gateway: GatewayOptions
    @OptionGroup var input: FileRequestOptions

    func run() async throws {
        let request = try input.load(LogSessionRequest.self)
        try await gateway.run { client in
            let response: RehabilitationSession = try await client.call(AssessmentCommand.service, "LogSession", request)
            client.emit(response) { Table.fields([("session", $0.sessionID), ("case", $0.caseID), ("held on", $0.heldOn), ("course day", String($0.courseDay)), ("service type", $0.serviceType), ("minutes", String($0.minutes))]) }
        }
    }
}
