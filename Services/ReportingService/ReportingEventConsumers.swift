internal import GRDB
internal import Logging
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsServiceKit
internal import TiltsStore
internal import TiltsTransport

/// The reporting service follows every other service's events (DESIGN section 3: "all →
/// reporting"): referral (referrals, admissions, endings), meeting (meetings held with their agreed
/// actions, actions completed) and assessment (scores, plan approval, sessions, final summaries).
///
/// Each stream has its own `EventConsumer`, cursor named after the source, which hands each batch
/// of events to ``FactProjector`` (which sums its sessions before writing) in the transaction that
/// advances the cursor: a restart of any side resumes where it stopped, and nothing is applied twice. A new, empty store has every
/// cursor at 0, so it rebuilds itself from the start of every stream (backfill) with the same code.
enum ReportingEventConsumers {
    static let principal: Principal = {
        var principal = Principal()
        principal.institution = .operator
        principal.subject = "service:reporting-service"
        return principal
    }()

    /// The consumers for the links configured.
    static func make(settings: ReportingSettings, store: ReportingStore, logger: Logger) throws -> [BackgroundService] {
        let links: [(String, String, GRPCClientConnection.Target?, [String])] = [
            ("referral", "tilts.referral.v1.ReferralService", settings.referral, FactProjector.referralKinds),
            ("meeting", "tilts.meeting.v1.MeetingService", settings.meeting, FactProjector.meetingKinds),
            ("assessment", "tilts.assessment.v1.AssessmentService", settings.assessment, FactProjector.assessmentKinds),
        ]
        let projector = store.projector
        var services: [BackgroundService] = []
        for (name, service, target, kinds) in links {
            guard let target else {
                logger.warning("not following a stream: its link is not configured", metadata: ["source": "\(name)"])
                continue
            }
            var consumer = EventConsumer(
                name: name, source: MethodDescriptor(service: service, method: "WatchEvents"),
                transport: try GRPCClientConnection(target: target), database: store.database, kinds: kinds,
                principal: principal, logger: logger, applyingBatches: { events, db in try projector.apply(events, db) })
            // A backfill reads millions of events. Each commit writes every page it dirtied to the
            // WAL, and the keys are HMACs, so a batch's rows land on pages all over the key indexes:
            // bigger transactions write each of those pages (and the tallies, the cursor) fewer times
            // per event, and a batch sums more of a child's sessions. 8,192 events commit in about
            // 0.1 s; a live tail's batches are as small as what arrived, so its latency is unchanged.
            consumer.maximumBatch = 8192
            consumer.onProgress = ServiceMetrics.eventConsumerObserver(name: consumer.name)
            services.append(BackgroundService(name: "\(name)-events") { [consumer] in await consumer.run() })
        }
        return services
    }
}
