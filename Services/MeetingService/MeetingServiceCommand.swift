internal import ArgumentParser
internal import Foundation
internal import TiltsDomain
internal import TiltsServiceKit
internal import TiltsStore
internal import TiltsTransport
internal import TiltsWire

/// `meeting-service`: the pilot's inter-institutional meetings, their windows, minutes and
/// overdue steps (`tilts.meeting.v1.MeetingService`).
///
/// Settings beyond the common ones (config file keys, or `TILTS_<KEY>` environment variables):
/// - `referral_socket` (or `referral_address` for TCP + mutual TLS, see `ServiceConfiguration.peerTarget`):
///   the referral service; when set, the consumer "referral" follows
///   its events (requirements open and close with referrals and cases);
/// - `pilot_start`, `pilot_end`: the pilot period (default 2026-03-01 … 2027-02-28), for quarters;
/// - `centre_name`: the centre's name in quarterly-review invitations;
/// - `missed_sweep_seconds`: how often missed requirements are reported (default 3600).
@main
struct MeetingServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting-service", abstract: "Inter-institutional meetings, their windows and minutes.")

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        let runner = try ServiceRunner(name: "meeting-service", options: options)
        let settings = try MeetingSettings(runner.configuration)
        let database = try ServiceDatabase(
            path: runner.configuration.dataDirectory + "/meeting.sqlite", migrator: MeetingSchema.migrator,
            logger: runner.logger)
        let store = MeetingStore(database: database, pilot: settings.pilot)
        let handlers = MeetingHandlers(store: store, settings: settings, clock: WriteMoment.now)
        let background = try MeetingBackgroundServices.make(
            settings: settings, store: store, clock: WriteMoment.now, logger: runner.logger)
        try await runner.run(
            serviceName: MeetingHandlers.service, services: [handlers], background: background,
            onDrain: { database.events.shutDown() })
    }
}

/// The meeting service's own settings.
struct MeetingSettings: Sendable {
    /// Where the referral service is (`referral_socket` or `referral_address`).
    var referral: GRPCClientConnection.Target?
    var pilot = PilotCalendar.default
    var centreName = "Ģimenes atbalsta centrs"
    var missedSweepInterval: Duration = .seconds(3600)

    init() {}

    init(_ configuration: ServiceConfiguration) throws {
        let environment = ProcessInfo.processInfo.environment
        func value(_ key: String) -> String? { environment["TILTS_\(key.uppercased())"] ?? configuration.values[key] }
        referral = try configuration.peerTarget("referral")
        if value("pilot_start") != nil || value("pilot_end") != nil {
            let startText = value("pilot_start") ?? PilotCalendar.default.start.description
            let endText = value("pilot_end") ?? PilotCalendar.default.end.description
            guard let start = CalendarDay(iso: startText), let end = CalendarDay(iso: endText), start <= end else {
                throw ServiceConfigurationError(
                    "pilot_start and pilot_end must be days YYYY-MM-DD, the start not after the end ('\(startText)', '\(endText)')")
            }
            pilot = PilotCalendar(start: start, end: end)
        }
        if let name = value("centre_name"), !name.isEmpty { centreName = name }
        if let text = value("missed_sweep_seconds") {
            guard let seconds = Int(text), seconds > 0 else {
                throw ServiceConfigurationError("missed_sweep_seconds must be a positive number, not '\(text)'")
            }
            missedSweepInterval = .seconds(seconds)
        }
    }
}
