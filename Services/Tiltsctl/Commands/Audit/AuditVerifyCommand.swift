internal import ArgumentParser
internal import TiltsMessages
internal import TiltsTLS

/// `tiltsctl audit verify`: recomputes the chain; exits 2 when it is broken.
struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Verify the audit log's hash chain (exit status 2 when broken).")

    @OptionGroup var gateway: GatewayOptions

    func run() async throws {
        var intact = true
        try await gateway.run { client in
            let result: VerifyAuditChainResponse = try await client.call(AuditCommand.service, "VerifyAuditChain", VerifyAuditChainRequest())
            intact = result.intact
            client.emit(result) { result in
                if result.intact {
                    return Table.fields([
                        ("chain", "intact"), ("entries checked", String(result.entriesChecked)),
                        ("last entry", String(result.lastSequence)), ("head hash", Digest.hex(result.headHash)),
                    ])
                }
                return Table.fields([
                    ("chain", "BROKEN"), ("first broken entry", String(result.firstBrokenSequence)),
                    ("problem", result.problem), ("entries checked", String(result.entriesChecked)),
                ])
            }
        }
        if !intact { throw ExitCode(2) }
    }
}
