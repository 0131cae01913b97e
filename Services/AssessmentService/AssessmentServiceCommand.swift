internal import ArgumentParser
internal import Foundation
internal import Logging
internal import TiltsDomain
internal import TiltsServiceKit
internal import TiltsStore
internal import TiltsTransport
internal import TiltsWire

/// `assessment-service`: mapping, assessments, rehabilitation plans, sessions and final summaries.
///
/// Settings beyond the common ones (config file keys, or `TILTS_<KEY>` environment variables):
/// - `referral_socket` / `referral_address`: follow the referral service's events (cases admitted
///   and ended);
/// - `meeting_socket` / `meeting_address`: follow the meeting service's events (meetings held, plan
///   approved); see `ServiceConfiguration.peerTarget` for the address form;
/// - `instruments_dir`: a folder of further instrument definitions, one JSON file each.
@main
struct AssessmentServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assessment-service", abstract: "Mapping, rehabilitation plans, sessions and final summaries.")

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        let runner = try ServiceRunner(name: "assessment-service", options: options)
        let settings = try AssessmentSettings(runner.configuration)
        let instruments: InstrumentLibrary
        do {
            instruments = try InstrumentLibrary.loading(directory: settings.instrumentsDirectory)
        } catch let error as InstrumentLibraryError {
            throw ServiceConfigurationError(error.description)
        }
        runner.logger.info("instruments loaded", metadata: ["count": "\(instruments.instruments.count)"])
        let database = try ServiceDatabase(
            path: runner.configuration.dataDirectory + "/assessment.sqlite", migrator: AssessmentSchema.migrator,
            logger: runner.logger)
        let handlers = AssessmentHandlers(
            store: AssessmentStore(database: database, instruments: instruments), clock: WriteMoment.now)
        let consumers = try AssessmentEventConsumers.make(
            referral: settings.referral, meeting: settings.meeting, database: database,
            logger: runner.logger)
        try await runner.run(
            serviceName: AssessmentHandlers.service, services: [handlers], background: consumers,
            onDrain: { database.events.shutDown() })
    }
}

/// The assessment service's own settings.
struct AssessmentSettings {
    /// Where the followed services are; nil when the link is not configured.
    var referral: GRPCClientConnection.Target?
    var meeting: GRPCClientConnection.Target?
    var instrumentsDirectory: String?

    /// - Throws: ``ServiceConfigurationError`` for a malformed peer address.
    init(_ configuration: ServiceConfiguration) throws {
        referral = try configuration.peerTarget("referral")
        meeting = try configuration.peerTarget("meeting")
        instrumentsDirectory = configuration.value("instruments_dir").flatMap { $0.isEmpty ? nil : $0 }
    }
}
