internal import Logging
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsServiceKit
internal import TiltsStore
internal import TiltsTransport

/// The meeting service's long-lived tasks, run next to its gRPC server (they stop first on shutdown):
/// - the consumer "referral", which follows `tilts.referral.v1.ReferralService/WatchEvents` and
///   applies each event with ``MeetingStore/applyReferralEvent(_:_:)`` in the transaction that
///   stores its cursor (TiltsStore's `EventConsumer`: restart-safe, exactly once in effect);
/// - the missed-requirement sweep, at start and then every `missed_sweep_seconds`.
enum MeetingBackgroundServices {
    static let principal: Principal = {
        var principal = Principal()
        principal.institution = .operator
        principal.subject = MeetingStore.serviceSubject
        return principal
    }()

    static func make(
        settings: MeetingSettings, store: MeetingStore, clock: @escaping @Sendable () -> MeetingStore.Moment, logger: Logger
    ) throws -> [BackgroundService] {
        var services: [BackgroundService] = []
        if let target = settings.referral {
            var consumer = EventConsumer(
                name: "referral",
                source: MethodDescriptor(service: "tilts.referral.v1.ReferralService", method: "WatchEvents"),
                transport: try GRPCClientConnection(target: target), database: store.database,
                kinds: MeetingStore.eventKinds, principal: principal, logger: logger, apply: MeetingStore.applyReferralEvent)
            consumer.onProgress = ServiceMetrics.eventConsumerObserver(name: consumer.name)
            services.append(BackgroundService(name: "referral-events") { [consumer] in await consumer.run() })
        }
        let interval = settings.missedSweepInterval
        services.append(
            BackgroundService(name: "missed-requirements") {
                while !Task.isCancelled {
                    do {
                        let moment = clock()
                        let reported = try await store.reportMissed(asOf: moment.today, at: moment.timestamp)
                        if reported > 0 { logger.info("missed requirements reported", metadata: ["count": "\(reported)"]) }
                    } catch {
                        logger.warning("missed-requirement sweep failed; will retry", metadata: ["error": "\(type(of: error))"])
                    }
                    try? await Task.sleep(for: interval)
                }
            })
        return services
    }
}
