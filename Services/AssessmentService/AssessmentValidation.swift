internal import TiltsDomain
internal import TiltsMessages
internal import TiltsRPC

/// Checks requests before anything is stored. Pure.
///
/// Every bad field is reported at once (``FieldViolations``), named by its proto path; messages
/// never repeat notes or narratives. Rules that depend on the case (its days, its plan, its
/// summary) are checked by the store inside the write's transaction.
enum AssessmentValidation {
    static func requireKeys(_ requestID: String, _ caseID: String, _ violations: inout FieldViolations) {
        violations.require(!requestID.isEmpty, "request_id", "is required (a client-chosen idempotency key)")
        violations.require(!caseID.isEmpty, "case_id", "is required")
    }

    static func observation(_ request: RecordObservationRequest) throws -> CalendarDay? {
        var violations = FieldViolations()
        requireKeys(request.requestID, request.caseID, &violations)
        let day = Self.day(request.observedOn, "observed_on", required: false, &violations)
        area(request.area, "area", &violations)
        role(request.observerRole, "observer_role", required: true, &violations)
        violations.require(!request.note.isEmpty, "note", "is required")
        try violations.check()
        return day
    }

    /// The request's own fields; the ratings are checked against the instrument by
    /// ``assessment(_:instrument:)`` once it is resolved.
    static func assessmentRequest(_ request: RecordAssessmentRequest) throws -> CalendarDay? {
        var violations = FieldViolations()
        requireKeys(request.requestID, request.caseID, &violations)
        violations.require(!request.instrumentID.isEmpty, "instrument_id", "is required, e.g. \"pilot-mapping\"")
        violations.require(request.instrumentVersion >= 0, "instrument_version", "must be 0 (latest) or a version")
        violations.require(
            [TimePoint.baseline, .mid, .final].contains(request.timePoint), "time_point", "must be BASELINE, MID or FINAL")
        let day = Self.day(request.assessedOn, "assessed_on", required: false, &violations)
        violations.require(!request.ratings.isEmpty, "ratings", "needs at least one item rating")
        role(request.assessorRole, "assessor_role", required: false, &violations)
        try violations.check()
        return day
    }

    static func assessment(_ request: RecordAssessmentRequest, instrument: Instrument) throws {
        var violations = FieldViolations()
        for problem in InstrumentScoring.validate(request.ratings, in: instrument) {
            violations.add(problem.field, problem.reason)
        }
        let areas = Set(instrument.areas.map(\.areaID))
        var narrated: Set<String> = []
        for (index, narrative) in request.areaNarratives.enumerated() {
            if !areas.contains(narrative.areaID) {
                violations.add("area_narratives[\(index)].area_id", "'\(narrative.areaID)' is not an area of \(instrument.instrumentID)")
            } else if !narrated.insert(narrative.areaID).inserted {
                violations.add("area_narratives[\(index)].area_id", "'\(narrative.areaID)' has more than one narrative")
            }
            violations.require(!narrative.text.isEmpty, "area_narratives[\(index)].text", "is required")
        }
        if instrument.areaNarrativesRequired {
            let missing = instrument.areas.map(\.areaID).filter { !narrated.contains($0) }
            violations.require(
                missing.isEmpty, "area_narratives",
                "\(instrument.instrumentID) needs a narrative for every area; missing: \(missing.joined(separator: ", "))")
        }
        try violations.check()
    }

    /// Checks goals and interventions and gives unnamed ones ids (`g1`…, `i1`…).
    static func planContents(_ goals: [PlanGoal], _ interventions: [PlanIntervention]) throws -> ([PlanGoal], [PlanIntervention]) {
        var violations = FieldViolations()
        var goals = goals
        var interventions = interventions
        assignIDs(&goals, \.goalID, prefix: "g")
        assignIDs(&interventions, \.interventionID, prefix: "i")
        var goalIDs: Set<String> = []
        for (index, goal) in goals.enumerated() {
            let path = "goals[\(index)]"
            violations.require(goalIDs.insert(goal.goalID).inserted, "\(path).goal_id", "is used by another goal")
            area(goal.area, "\(path).area", &violations)
            violations.require(!goal.description.isEmpty, "\(path).description", "is required")
            violations.require(!goal.indicator.isEmpty, "\(path).indicator", "is required: how achievement is measured")
        }
        var interventionIDs: Set<String> = []
        for (index, intervention) in interventions.enumerated() {
            let path = "interventions[\(index)]"
            violations.require(
                interventionIDs.insert(intervention.interventionID).inserted, "\(path).intervention_id",
                "is used by another intervention")
            violations.require(
                ServiceCatalogue.contains(intervention.serviceType), "\(path).service_type",
                "must be a code from ListServiceTypes, e.g. \"psychologist\" or \"family_therapy\"")
            role(intervention.specialistRole, "\(path).specialist_role", required: true, &violations)
            if let frequency = intervention.frequency {
                violations.require(frequency.times > 0, "\(path).frequency.times", "must be 1 or more")
                violations.require(
                    [FrequencyPeriod.perDay, .perWeek, .perCourse].contains(frequency.period), "\(path).frequency.period",
                    "must be PER_DAY, PER_WEEK or PER_COURSE")
            } else {
                violations.add("\(path).frequency", "is required")
            }
            violations.require(
                (0...600).contains(intervention.minutesPerSession), "\(path).minutes_per_session", "must be 0 to 600")
            for (goalIndex, goalID) in intervention.goalIDs.enumerated() where !goalIDs.contains(goalID) {
                violations.add("\(path).goal_ids[\(goalIndex)]", "'\(goalID)' is not a goal of this plan")
            }
        }
        try violations.check()
        return (goals, interventions)
    }

    static func session(_ request: LogSessionRequest) throws -> CalendarDay {
        var violations = FieldViolations()
        requireKeys(request.requestID, request.caseID, &violations)
        let day = Self.day(request.heldOn, "held_on", required: true, &violations)
        if !request.serviceType.isEmpty {
            violations.require(
                ServiceCatalogue.contains(request.serviceType), "service_type", "must be a code from ListServiceTypes")
        } else {
            violations.require(
                !request.interventionID.isEmpty, "service_type", "is required unless intervention_id names a planned intervention")
        }
        role(request.specialistRole, "specialist_role", required: true, &violations)
        violations.require((1...600).contains(request.minutes), "minutes", "must be 1 to 600")
        violations.require(
            [SessionParticipants.child, .parent, .childAndParent].contains(request.participants), "participants",
            "must be CHILD, PARENT or CHILD_AND_PARENT")
        try violations.check()
        return day!
    }

    static func summary(_ request: IssueFinalSummaryRequest) throws -> CalendarDay? {
        var violations = FieldViolations()
        requireKeys(request.requestID, request.caseID, &violations)
        let day = Self.day(request.issuedOn, "issued_on", required: false, &violations)
        violations.require(!request.narrative.isEmpty, "narrative", "is required")
        violations.require(!request.recommendations.isEmpty, "recommendations", "needs at least one recommendation")
        for (index, recommendation) in request.recommendations.enumerated() {
            violations.require(
                FinalSummaryRenderer.addressees.contains { $0.0 == recommendation.addressee }, "recommendations[\(index)].addressee",
                "must be ADDRESSEE_SOCIAL_SERVICE, ADDRESSEE_ORPHANS_COURT, ADDRESSEE_SCHOOL or ADDRESSEE_FAMILY")
            violations.require(!recommendation.text.isEmpty, "recommendations[\(index)].text", "is required")
        }
        if !request.recommendations.isEmpty {
            violations.require(
                request.recommendations.contains { $0.addressee == .socialService }, "recommendations",
                "needs at least one recommendation to the social service, which takes over the follow-up")
        }
        violations.require(
            [Destination.home, .fosterFamily, .guardian, .otherInstitution, .other].contains(request.destination), "destination",
            "must be HOME, FOSTER_FAMILY, GUARDIAN, OTHER_INSTITUTION or OTHER")
        if request.destination == .otherInstitution || request.destination == .other {
            violations.require(!request.destinationNote.isEmpty, "destination_note", "is required for OTHER_INSTITUTION and OTHER")
        }
        violations.require(!request.followUpPlan.isEmpty, "follow_up_plan", "is required")
        try violations.check()
        return day
    }

    // MARK: - Fields

    /// Parses a `YYYY-MM-DD` field, recording a violation when it is malformed (or missing and required).
    static func day(_ text: String, _ field: String, required: Bool, _ violations: inout FieldViolations) -> CalendarDay? {
        if text.isEmpty {
            if required { violations.add(field, "is required") }
            return nil
        }
        guard let day = CalendarDay(iso: text) else {
            violations.add(field, "must be a date YYYY-MM-DD")
            return nil
        }
        return day
    }

    static func area(_ area: AssessmentArea, _ field: String, _ violations: inout FieldViolations) {
        violations.require(
            AssessmentArea.allCases.contains(area), field,
            "must be EMOTIONAL, SOCIAL, BEHAVIOURAL, COGNITIVE, PHYSICAL or ENVIRONMENT_AND_RELATIONSHIPS")
    }

    static func role(_ role: SpecialistRole, _ field: String, required: Bool, _ violations: inout FieldViolations) {
        if role == .unspecified && !required { return }
        violations.require(
            [SpecialistRole.socialWorker, .clinicalPsychologist, .socialEducator, .otherSpecialist].contains(role), field,
            "must be SOCIAL_WORKER, CLINICAL_PSYCHOLOGIST, SOCIAL_EDUCATOR or OTHER_SPECIALIST")
    }

    private static func assignIDs<T>(_ items: inout [T], _ key: WritableKeyPath<T, String>, prefix: String) {
        var used = Set(items.map { $0[keyPath: key] })
        var next = 1
        for index in items.indices where items[index][keyPath: key].isEmpty {
            while used.contains("\(prefix)\(next)") { next += 1 }
            items[index][keyPath: key] = "\(prefix)\(next)"
            used.insert("\(prefix)\(next)")
        }
    }
}
