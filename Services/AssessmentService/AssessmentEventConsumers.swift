internal import GRDB
internal import Logging
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsServiceKit
internal import TiltsStore
internal import TiltsTransport

/// The facts the assessment service learns from its neighbours' event streams (DESIGN section 3):
/// - referral → assessment: `CaseAdmitted` makes a case known here (municipality, timeline);
///   `CaseEnded` closes it;
/// - meeting → assessment: `MeetingHeld` of meetings 1–3 (the shared `tilts.meeting.v1` type) allows
///   ApprovePlan (see ``PlanRules``).
///
/// Each consumer applies an event in the same transaction that stores its cursor (TiltsStore's
/// `EventConsumer`), so a restart of either side neither loses nor repeats a fact. The consumers
/// run as background services next to the gRPC server and stop when it drains.
enum AssessmentEventConsumers {
    static let principal: Principal = {
        var principal = Principal()
        principal.institution = .operator
        principal.subject = "service:assessment-service"
        return principal
    }()

    /// The consumers for the links configured (`referral_socket`/`_address`, `meeting_socket`/`_address`).
    static func make(
        referral: GRPCClientConnection.Target?, meeting: GRPCClientConnection.Target?, database: ServiceDatabase,
        logger: Logger
    ) throws -> [BackgroundService] {
        var services: [BackgroundService] = []
        if let referral {
            var consumer = EventConsumer(
                name: "referral",
                source: MethodDescriptor(service: "tilts.referral.v1.ReferralService", method: "WatchEvents"),
                transport: try GRPCClientConnection(target: referral), database: database,
                kinds: ["CaseAdmitted", "CaseEnded"], principal: principal, logger: logger, apply: applyReferralEvent)
            consumer.onProgress = ServiceMetrics.eventConsumerObserver(name: consumer.name)
            services.append(BackgroundService(name: "referral-events") { [consumer] in await consumer.run() })
        }
        if let meeting {
            var consumer = EventConsumer(
                name: "meeting", source: MethodDescriptor(service: "tilts.meeting.v1.MeetingService", method: "WatchEvents"),
                transport: try GRPCClientConnection(target: meeting), database: database,
                kinds: ["MeetingHeld"], principal: principal, logger: logger, apply: applyMeetingEvent)
            consumer.onProgress = ServiceMetrics.eventConsumerObserver(name: consumer.name)
            services.append(BackgroundService(name: "meeting-events") { [consumer] in await consumer.run() })
        }
        return services
    }

    @Sendable static func applyReferralEvent(_ event: Event, _ db: Database) throws {
        switch event.kind {
        case "CaseAdmitted":
            try AssessmentStore.applyCaseAdmitted(try CaseAdmitted(serializedBytes: event.payload), db)
        case "CaseEnded":
            try AssessmentStore.applyCaseEnded(try CaseEnded(serializedBytes: event.payload), db)
        default:
            return
        }
    }

    @Sendable static func applyMeetingEvent(_ event: Event, _ db: Database) throws {
        guard event.kind == "MeetingHeld" else { return }
        try AssessmentStore.applyMeetingHeld(try MeetingHeld(serializedBytes: event.payload), db)
    }
}
