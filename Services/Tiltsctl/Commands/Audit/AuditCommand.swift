internal import ArgumentParser
internal import TiltsMessages
internal import TiltsRPC

/// `tiltsctl audit …`: the gateway's audit log, for the data protection officer.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Query and verify the gateway's audit log (DPO or local operator).",
        subcommands: [AuditQueryCommand.self, AuditVerifyCommand.self])

    static let service = GatewayAPI.auditServiceName

    static func table(_ entries: [AuditEntry]) -> String {
        var table = Table(["SEQ", "TIME", "SUBJECT", "INSTITUTION", "MUNICIPALITY", "METHOD", "RECORDS", "STATUS", "MICROS"])
        for entry in entries {
            table.add([
                String(entry.sequence), entry.time.text, entry.subject, entry.institution == .unspecified ? "" : entry.institution.description,
                entry.municipality, entry.method, entry.recordIDs.joined(separator: ","),
                StatusCode(rawValue: Int(entry.statusCode)).description, String(entry.durationMicros),
            ])
        }
        return table.text
    }
}
