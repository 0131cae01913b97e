internal import ArgumentParser
internal import Foundation
internal import Logging
internal import TiltsDomain
internal import TiltsServiceKit
internal import TiltsStore
internal import TiltsWire

/// `referral-service`: referrals, the waiting list, admissions and cases of the pilot.
///
/// Settings beyond the common ones (config file keys, or `TILTS_<KEY>` environment variables):
/// - `capacity`: places at the centre (default 12);
/// - `allocation`: `requested` (default), `centre` or `randomized`;
/// - `allocation_seed`: the randomization seed (required with `randomized`);
/// - `meeting_socket` / `meeting_address`, `assessment_socket` / `assessment_address`: where to
///   follow those services' events (see `ServiceConfiguration.peerTarget`).
@main
struct ReferralServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referral-service", abstract: "Referrals, admissions and cases of the pilot.")

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        let runner = try ServiceRunner(name: "referral-service", options: options)
        let settings = try ReferralSettings(runner.configuration)
        let database = try ServiceDatabase(
            path: runner.configuration.dataDirectory + "/referral.sqlite", migrator: ReferralSchema.migrator,
            logger: runner.logger)
        let store = ReferralStore(database: database)
        let handlers = ReferralHandlers(store: store, policy: settings.admission, clock: WriteMoment.now)
        let consumers = try ReferralEventConsumers.make(
            meeting: try runner.configuration.peerTarget("meeting"),
            assessment: try runner.configuration.peerTarget("assessment"), store: store, logger: runner.logger)
        try await runner.run(
            serviceName: ReferralHandlers.service, services: [handlers], background: consumers,
            onDrain: { database.events.shutDown() })
    }
}

/// The referral service's own settings.
struct ReferralSettings {
    var admission: ReferralStore.AdmissionPolicy

    init(_ configuration: ServiceConfiguration) throws {
        func value(_ key: String) -> String? { configuration.value(key) }
        let capacityText = value("capacity") ?? "12"
        guard let capacity = Int(capacityText), capacity > 0 else {
            throw ServiceConfigurationError("capacity must be a positive number of places, not '\(capacityText)'")
        }
        let allocationText = value("allocation") ?? "requested"
        guard let allocation = AdmissionRules.AllocationPolicy(rawValue: allocationText) else {
            throw ServiceConfigurationError("allocation must be requested, centre or randomized, not '\(allocationText)'")
        }
        var seed: UInt64 = 0
        if allocation == .randomized {
            guard let text = value("allocation_seed"), let parsed = UInt64(text) else {
                throw ServiceConfigurationError("allocation = randomized needs allocation_seed, a number")
            }
            seed = parsed
        }
        admission = ReferralStore.AdmissionPolicy(capacity: capacity, allocation: allocation, randomizer: BlockRandomizer(seed: seed))
    }
}
