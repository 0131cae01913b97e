internal import Foundation
@testable internal import AssessmentService
internal import TiltsDomain
internal import TiltsMessages
internal import TiltsStore
internal import TiltsWire

/// Test data shared by the suites: the committed `Fixtures/` folder, the example instrument, a
/// store on a temporary database with a fixed clock, and an admitted case.
enum AssessmentFixtures {
    /// The `Fixtures` folder copied into the test bundle.
    static var folder: URL {
        get throws {
            guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
                throw CocoaError(.fileNoSuchFile)
            }
            return url
        }
    }

    static func exampleInstrument() throws -> Instrument {
        let url = try folder.appendingPathComponent("instruments/example-questionnaire.json")
        return try Instrument(jsonString: String(contentsOf: url, encoding: .utf8))
    }

    static func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }

    /// A moment on `day` at noon Riga time.
    static func moment(_ text: String) -> AssessmentStore.Moment {
        let day = day(text)
        let seconds = RigaTime.startOfDayUnixSeconds(day) + 12 * 3600
        return AssessmentStore.Moment(timestamp: Timestamp(seconds: seconds), today: day)
    }

    static func writer(on text: String) -> AssessmentStore.Writer {
        AssessmentStore.Writer(subject: "centre:test", moment: moment(text))
    }

    /// A store on an empty temporary database.
    static func store() throws -> AssessmentStore {
        let database = try ServiceDatabase.temporary(migrator: AssessmentSchema.migrator)
        return AssessmentStore(database: database, instruments: try InstrumentLibrary(extra: [exampleInstrument()]))
    }

    /// Applies a referral `CaseAdmitted` for a 40-day course from `admission`.
    static func admit(_ caseID: String, on admission: String, municipality: String = "riga", in store: AssessmentStore) async throws {
        let timeline = CaseTimeline(admission: day(admission), length: .days40)
        var admitted = CaseAdmitted()
        admitted.caseID = caseID
        admitted.referralID = "ref-\(caseID)"
        admitted.municipality = municipality
        admitted.timeline = Timeline(
            admissionDate: timeline.admission.description, courseLengthDays: 40,
            mappingEnd: timeline.mappingWindow.last.description,
            meeting1: DateWindow(first: timeline.meeting1.first.description, last: timeline.meeting1.last.description),
            lastDay: timeline.lastDay.description)
        let fact = admitted
        try await store.database.write { db in try AssessmentStore.applyCaseAdmitted(fact, db) }
    }

    /// Applies a `MeetingHeld` of the meeting service.
    static func holdMeeting(_ meetingID: String, kind: Int32, caseID: String, on heldOn: String, planApproved: Bool, in store: AssessmentStore)
        async throws
    {
        var held = MeetingHeld()
        held.meetingID = meetingID
        held.kind = MeetingKind(rawValue: kind)
        held.caseID = caseID
        held.heldOn = heldOn
        held.planApproved = planApproved
        let fact = held
        try await store.database.write { db in try AssessmentStore.applyMeetingHeld(fact, db) }
    }

    /// A pilot-instrument assessment request rating every area `rating` (or per area from `ratings`).
    static func pilotAssessment(
        _ caseID: String, _ timePoint: TimePoint, on day: String, ratings: [Int32] = [3, 3, 3, 3, 3, 3], lateReason: String = ""
    ) -> RecordAssessmentRequest {
        var request = RecordAssessmentRequest()
        request.requestID = UUID().uuidString
        request.caseID = caseID
        request.instrumentID = PilotMappingInstrument.instrumentID
        request.timePoint = timePoint
        request.assessedOn = day
        request.lateReason = lateReason
        request.assessorRole = .clinicalPsychologist
        for (area, rating) in zip(PilotMappingInstrument.areas, ratings) {
            request.ratings.append(ItemRating(itemID: PilotMappingInstrument.itemID(area.id), rating: rating))
            request.areaNarratives.append(AreaNarrative(areaID: area.id, text: "Apraksts: \(area.name)"))
        }
        return request
    }

    /// A valid draft with one goal (`g1`) and one intervention (`i1`, psychologist), ids assigned.
    static func plan(_ caseID: String) -> DraftPlanRequest {
        var request = DraftPlanRequest()
        request.requestID = UUID().uuidString
        request.caseID = caseID
        request.goals = [PlanGoal(area: .emotional, description: "Mazināt trauksmi", indicator: "Trauksmes vērtējums ≥ 4")]
        var intervention = PlanIntervention()
        intervention.serviceType = "psychologist"
        intervention.specialistRole = .clinicalPsychologist
        intervention.frequency = InterventionFrequency(times: 2, period: .perWeek)
        intervention.minutesPerSession = 45
        intervention.goalIDs = ["g1"]
        request.interventions = [intervention]
        (request.goals, request.interventions) = try! AssessmentValidation.planContents(request.goals, request.interventions)
        return request
    }

    static func summaryRequest(_ caseID: String, on day: String) -> IssueFinalSummaryRequest {
        var request = IssueFinalSummaryRequest()
        request.requestID = UUID().uuidString
        request.caseID = caseID
        request.issuedOn = day
        request.narrative = "Bērns kursa laikā ir kļuvis mierīgāks."
        request.recommendations = [
            Recommendation(addressee: .socialService, text: "Turpināt psihologa konsultācijas"),
            Recommendation(addressee: .family, text: "Ievērot dienas režīmu"),
        ]
        request.destination = .home
        request.followUpPlan = "Sociālais dienests sazinās ar ģimeni mēneša laikā."
        return request
    }
}
