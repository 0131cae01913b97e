internal import ArgumentParser

/// `tiltsctl`: the command-line client of the Tilts gateway.
///
/// Every command names the gateway (`--address` with TLS, or `--socket` for the local operator),
/// authenticates with `--token`/`TILTS_TOKEN` or `--cert`/`--key`, prints tables (or proto3 JSON with
/// `--json`), and on failure prints `CODE: message` to standard error and exits non-zero.
@main
struct TiltsctlCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tiltsctl",
        abstract: "Command-line client of the Tilts gateway.",
        subcommands: [
            HealthCommand.self, ReferralCommand.self, WaitingListCommand.self, CaseCommand.self, MeetingCommand.self,
            AssessmentCommand.self, ReportCommand.self,
            TokenCommand.self, AuditCommand.self,
        ])
}
