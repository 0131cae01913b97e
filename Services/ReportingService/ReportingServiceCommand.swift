internal import ArgumentParser
internal import Foundation
internal import TiltsDomain
internal import TiltsServiceKit
internal import TiltsStore

/// `reporting-service`: de-identified evaluation, quarterly and operational reports.
///
/// Follows the referral, meeting and assessment services' events into its own analytical store
/// (`reporting.sqlite` in the data folder) and serves `tilts.reporting.v1.ReportingService`. See
/// ``ReportingSettings`` for its configuration keys; `pseudonym_secret` is required.
@main
struct ReportingServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reporting-service", abstract: "De-identified evaluation, quarterly and operational reports.")

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        let runner = try ServiceRunner(name: "reporting-service", options: options)
        let settings = try ReportingSettings(runner.configuration)
        runner.logger.info("settings", metadata: ["reporting": "\(settings)"])
        let database = try ServiceDatabase(
            path: runner.configuration.dataDirectory + "/reporting.sqlite", migrator: ReportingSchema.migrator,
            logger: runner.logger)
        let store = try ReportingStore(database: database, pseudonyms: settings.pseudonyms, instrumentID: settings.instrumentID)
        let handlers = ReportingHandlers(
            store: store,
            settings: ReportingHandlers.Settings(
                pilot: settings.pilot, capacity: settings.capacity, dailyRateEur: settings.dailyRateEur,
                instrumentID: settings.instrumentID),
            today: { RigaTime.calendarDay(ofUnixSeconds: Int64(Date().timeIntervalSince1970)) })
        let consumers = try ReportingEventConsumers.make(settings: settings, store: store, logger: runner.logger)
        let logger = runner.logger
        let refresh = BackgroundService(name: "fact-model") {
            await store.keepModelCurrent(every: settings.modelRefresh, logger: logger)
        }
        try await runner.run(
            serviceName: ReportingHandlers.service, services: [handlers], background: consumers + [refresh],
            onDrain: { database.events.shutDown() })
    }
}
