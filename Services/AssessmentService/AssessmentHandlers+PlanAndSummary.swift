internal import TiltsDomain
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore

/// The plan, sessions and final summary methods of ``AssessmentHandlers``.
extension AssessmentHandlers {
    @Sendable func draftPlan(_ request: DraftPlanRequest, _ call: ServerCall) async throws -> RehabilitationPlan {
        let writer = try centreWriter(call, "DraftPlan")
        var violations = FieldViolations()
        AssessmentValidation.requireKeys(request.requestID, request.caseID, &violations)
        try violations.check()
        let (goals, interventions) = try AssessmentValidation.planContents(request.goals, request.interventions)
        Self.tag(call, request.caseID)
        return try await store.draftPlan(request, goals: goals, interventions: interventions, by: writer)
    }

    @Sendable func updatePlan(_ request: UpdatePlanRequest, _ call: ServerCall) async throws -> RehabilitationPlan {
        let writer = try centreWriter(call, "UpdatePlan")
        var violations = FieldViolations()
        AssessmentValidation.requireKeys(request.requestID, request.caseID, &violations)
        violations.require(request.version > 0, "version", "is required: the draft version being edited")
        try violations.check()
        let (goals, interventions) = try AssessmentValidation.planContents(request.goals, request.interventions)
        Self.tag(call, request.caseID)
        return try await store.updatePlan(request, goals: goals, interventions: interventions, by: writer)
    }

    @Sendable func approvePlan(_ request: ApprovePlanRequest, _ call: ServerCall) async throws -> RehabilitationPlan {
        let writer = try centreWriter(call, "ApprovePlan")
        var violations = FieldViolations()
        AssessmentValidation.requireKeys(request.requestID, request.caseID, &violations)
        violations.require(request.version > 0, "version", "is required: the draft version to approve")
        try violations.check()
        Self.tag(call, request.caseID)
        return try await store.approvePlan(request, by: writer)
    }

    @Sendable func getPlan(_ request: GetPlanRequest, _ call: ServerCall) async throws -> RehabilitationPlan {
        let principal = try PrincipalMetadata.principal(of: call)
        try AssessmentAccessPolicy.planOrSummary(principal, "GetPlan")
        Self.tag(call, request.caseID)
        try await requireVisibleCase(request.caseID, to: principal)
        let drafts = AssessmentAccessPolicy.seesDrafts(principal)
        guard let plan = try await store.plan(request.caseID, version: request.version, withDrafts: drafts) else {
            let what = request.version == 0 ? (drafts ? "plan" : "approved plan") : "plan version \(request.version)"
            throw AssessmentError.notFound("\(what) of case", request.caseID)
        }
        return plan
    }

    @Sendable func logSession(_ request: LogSessionRequest, _ call: ServerCall) async throws -> RehabilitationSession {
        let writer = try centreWriter(call, "LogSession")
        let day = try AssessmentValidation.session(request)
        Self.tag(call, request.caseID)
        return try await store.logSession(request, day: day, by: writer)
    }

    @Sendable func issueFinalSummary(_ request: IssueFinalSummaryRequest, _ call: ServerCall) async throws -> FinalSummary {
        let writer = try centreWriter(call, "IssueFinalSummary")
        let day = try AssessmentValidation.summary(request)
        Self.tag(call, request.caseID)
        return try await store.issueSummary(request, day: day, by: writer)
    }

    @Sendable func getFinalSummary(_ request: GetFinalSummaryRequest, _ call: ServerCall) async throws -> FinalSummary {
        try await visibleSummary(request.caseID, call, "GetFinalSummary")
    }

    @Sendable func renderFinalSummary(_ request: RenderFinalSummaryRequest, _ call: ServerCall) async throws
        -> RenderedFinalSummary
    {
        let summary = try await visibleSummary(request.caseID, call, "RenderFinalSummary")
        let name = store.instruments.instrument(summary.instrumentID, version: summary.instrumentVersion)?.name
            ?? summary.instrumentID
        let renderer = FinalSummaryRenderer(summary: summary, instrumentName: name)
        var rendered = RenderedFinalSummary()
        rendered.caseID = summary.caseID
        rendered.title = FinalSummaryRenderer.title
        rendered.markdown = renderer.markdown()
        rendered.html = renderer.html()
        return rendered
    }

    // MARK: - Helpers

    private func visibleSummary(_ caseID: String, _ call: ServerCall, _ method: String) async throws -> FinalSummary {
        let principal = try PrincipalMetadata.principal(of: call)
        try AssessmentAccessPolicy.planOrSummary(principal, method)
        Self.tag(call, caseID)
        try await requireVisibleCase(caseID, to: principal)
        guard let summary = try await store.summary(caseID) else {
            throw AssessmentError.notFound("final summary of case", caseID)
        }
        return summary
    }

    /// NOT_FOUND unless the case is known and the principal may see its municipality.
    private func requireVisibleCase(_ caseID: String, to principal: Principal) async throws {
        guard let file = try await store.caseFile(caseID) else { throw AssessmentError.unknownCase(caseID) }
        try AssessmentAccessPolicy.see(principal, caseID: caseID, municipality: file.municipality)
    }
}
