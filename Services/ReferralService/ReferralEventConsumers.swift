internal import GRDB
internal import Logging
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsServiceKit
internal import TiltsStore
internal import TiltsTransport

/// The facts the referral service learns from its neighbours' event streams (DESIGN section 3):
/// - meeting → referral: a PRE_PLACEMENT `MeetingHeld` marks the referral's pre-placement meeting held;
/// - assessment → referral: `FinalSummaryIssued` allows the case to be completed.
///
/// Each consumer applies an event in the same transaction that stores its cursor (TiltsStore's
/// `EventConsumer`), so a restart of either side neither loses nor repeats a fact.
enum ReferralEventConsumers {
    static let principal: Principal = {
        var principal = Principal()
        principal.institution = .operator
        principal.subject = "service:referral-service"
        return principal
    }()

    /// The consumers for the links configured (`meeting_socket`/`_address`, `assessment_socket`/`_address`).
    static func make(
        meeting: GRPCClientConnection.Target?, assessment: GRPCClientConnection.Target?, store: ReferralStore,
        logger: Logger
    ) throws -> [BackgroundService] {
        let database = store.database
        var services: [BackgroundService] = []
        if let meeting {
            var consumer = EventConsumer(
                name: "meeting", source: MethodDescriptor(service: "tilts.meeting.v1.MeetingService", method: "WatchEvents"),
                transport: try GRPCClientConnection(target: meeting), database: database,
                kinds: ["MeetingHeld"], principal: principal, logger: logger
            ) { event, db in try applyMeetingEvent(event, store: store, db) }
            consumer.onProgress = ServiceMetrics.eventConsumerObserver(name: consumer.name)
            services.append(BackgroundService(name: "meeting-events") { [consumer] in await consumer.run() })
        }
        if let assessment {
            var consumer = EventConsumer(
                name: "assessment",
                source: MethodDescriptor(service: "tilts.assessment.v1.AssessmentService", method: "WatchEvents"),
                transport: try GRPCClientConnection(target: assessment), database: database,
                kinds: ["FinalSummaryIssued"], principal: principal, logger: logger
            ) { event, db in try applyAssessmentEvent(event, store: store, db) }
            consumer.onProgress = ServiceMetrics.eventConsumerObserver(name: consumer.name)
            services.append(BackgroundService(name: "assessment-events") { [consumer] in await consumer.run() })
        }
        return services
    }

    static func applyMeetingEvent(_ event: Event, store: ReferralStore, _ db: Database) throws {
        guard event.kind == "MeetingHeld" else { return }
        let held = try MeetingHeld(serializedBytes: event.payload)
        guard held.kind == .prePlacement, !held.referralID.isEmpty else { return }
        try store.applyPrePlacementMeeting(referralID: held.referralID, heldOn: held.heldOn, db)
    }

    static func applyAssessmentEvent(_ event: Event, store: ReferralStore, _ db: Database) throws {
        guard event.kind == "FinalSummaryIssued" else { return }
        let issued = try FinalSummaryIssued(serializedBytes: event.payload)
        try store.applyFinalSummary(caseID: issued.caseID, issuedOn: issued.issuedOn, db)
    }
}
