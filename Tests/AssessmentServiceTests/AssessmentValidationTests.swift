internal import Testing
@testable internal import AssessmentService
internal import TiltsMessages
internal import TiltsRPC

/// Request checks name every bad field by its proto path, at once.
@Suite struct AssessmentValidationTests {
    func fields(_ body: () throws -> Any) -> [String] {
        do {
            _ = try body()
            return []
        } catch {
            let rpc = RPCError.from(error)
            #expect(rpc.code == .invalidArgument)
            return rpc.metadata.compactMap { entry -> String? in
                guard entry.key == "tilts-field-violation", case .string(let field) = entry.value else { return nil }
                return field
            }
        }
    }

    @Test func observationNeedsItsFields() {
        #expect(fields { try AssessmentValidation.observation(RecordObservationRequest()) }
            == ["request_id", "case_id", "area", "observer_role", "note"])
        var request = RecordObservationRequest()
        request.requestID = "r"
        request.caseID = "c"
        request.observedOn = "2026-02-30"
        request.area = .physical
        request.observerRole = .socialEducator
        request.note = "n"
        #expect(fields { try AssessmentValidation.observation(request) } == ["observed_on"])
        request.observedOn = "2026-02-28"
        #expect(fields { try AssessmentValidation.observation(request) }.isEmpty)
    }

    @Test func assessmentRequestAndItsRatingsAgainstTheInstrument() throws {
        var request = RecordAssessmentRequest()
        request.timePoint = TimePoint(rawValue: 9)
        #expect(fields { try AssessmentValidation.assessmentRequest(request) }
            == ["request_id", "case_id", "instrument_id", "time_point", "ratings"])

        let pilot = PilotMappingInstrument.version1
        request = AssessmentFixtures.pilotAssessment("c", .baseline, on: "2026-03-30")
        request.ratings[1].rating = 6
        request.ratings[2].itemID = "mood.rating"
        request.areaNarratives.removeLast()
        request.areaNarratives.append(AreaNarrative(areaID: "emotional", text: "again"))
        #expect(fields { try AssessmentValidation.assessment(request, instrument: pilot) }
            == ["ratings[1].rating", "ratings[2].item_id", "area_narratives[5].area_id", "area_narratives"])
    }

    @Test func planContentsAreCheckedAndGetIDs() throws {
        let request = AssessmentFixtures.plan("c")
        var goals = request.goals
        goals.append(PlanGoal(area: .social, description: "Draugi", indicator: "2 draugi"))
        goals[0].goalID = ""
        var interventions = request.interventions
        interventions[0].interventionID = ""
        interventions[0].goalIDs = ["g2"]
        let (named, planned) = try AssessmentValidation.planContents(goals, interventions)
        #expect(named.map(\.goalID) == ["g1", "g2"])
        #expect(planned.map(\.interventionID) == ["i1"])

        var bad = PlanIntervention()
        bad.serviceType = "astrology"
        bad.frequency = InterventionFrequency(times: 0, period: .unspecified)
        bad.goalIDs = ["g7"]
        bad.minutesPerSession = 700
        #expect(fields { try AssessmentValidation.planContents([PlanGoal(area: .unspecified, description: "", indicator: "")], [bad]) }
            == [
                "goals[0].area", "goals[0].description", "goals[0].indicator", "interventions[0].service_type",
                "interventions[0].specialist_role", "interventions[0].frequency.times", "interventions[0].frequency.period",
                "interventions[0].minutes_per_session", "interventions[0].goal_ids[0]",
            ])
    }

    @Test func summaryNeedsARecommendationToTheSocialServiceAndADestination() {
        var request = AssessmentFixtures.summaryRequest("c", on: "2026-05-03")
        #expect(fields { try AssessmentValidation.summary(request) }.isEmpty)
        request.recommendations = [Recommendation(addressee: .school, text: "x"), Recommendation(addressee: .unspecified, text: "")]
        request.destination = .other
        request.followUpPlan = ""
        #expect(fields { try AssessmentValidation.summary(request) }
            == ["recommendations[1].addressee", "recommendations[1].text", "recommendations", "destination_note", "follow_up_plan"])
    }

    @Test func sessionNeedsATypeOrAPlannedIntervention() {
        var request = LogSessionRequest()
        request.requestID = "r"
        request.caseID = "c"
        request.heldOn = "2026-04-01"
        request.specialistRole = .socialWorker
        request.minutes = 0
        request.participants = .child
        #expect(fields { try AssessmentValidation.session(request) } == ["service_type", "minutes"])
        request.interventionID = "i1"
        request.minutes = 30
        #expect(fields { try AssessmentValidation.session(request) }.isEmpty)
    }
}
