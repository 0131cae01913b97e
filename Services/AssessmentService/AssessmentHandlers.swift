internal import TiltsDomain
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore
internal import TiltsWire

/// `tilts.assessment.v1.AssessmentService`: decodes who is calling, checks the access policy and
/// the input, and hands the intent to ``AssessmentStore``.
///
/// Every response that concerns one case carries its id in the `tilts-record-id` response header,
/// which the gateway writes to the audit log.
struct AssessmentHandlers: RPCService {
    let store: AssessmentStore
    let clock: @Sendable () -> AssessmentStore.Moment

    static let service = AssessmentAPI.serviceName
    static func method(_ name: String) -> MethodDescriptor { MethodDescriptor(service: service, method: name) }

    var methods: [ServerMethod] {
        [
            .unary(Self.method("ListInstruments"), listInstruments),
            .unary(Self.method("GetInstrument"), getInstrument),
            .unary(Self.method("ListServiceTypes"), listServiceTypes),
            .unary(Self.method("RecordObservation"), recordObservation),
            .unary(Self.method("RecordAssessment"), recordAssessment),
            .unary(Self.method("DraftPlan"), draftPlan),
            .unary(Self.method("UpdatePlan"), updatePlan),
            .unary(Self.method("ApprovePlan"), approvePlan),
            .unary(Self.method("GetPlan"), getPlan),
            .unary(Self.method("LogSession"), logSession),
            .unary(Self.method("IssueFinalSummary"), issueFinalSummary),
            .unary(Self.method("GetFinalSummary"), getFinalSummary),
            .unary(Self.method("RenderFinalSummary"), renderFinalSummary),
            .unary(Self.method("GetCaseRecord"), getCaseRecord),
            .serverStreaming(Self.method("WatchEvents"), watchEvents),
        ]
    }

    // MARK: - Instruments and catalogue

    @Sendable func listInstruments(_ request: ListInstrumentsRequest, _ call: ServerCall) async throws -> ListInstrumentsResponse {
        let principal = try PrincipalMetadata.principal(of: call)
        try AssessmentAccessPolicy.referenceData(principal, "ListInstruments")
        let scope = "ListInstruments"
        let (size, after) = (try PageToken.pageSize(request.pageSize), try PageToken.decode(request.pageToken, scope: scope))
        let all = store.instruments.instruments
        let start = after.flatMap { token in
            all.firstIndex { [$0.instrumentID, String($0.version)] == token.after }.map { $0 + 1 }
        } ?? 0
        let page = Page(fetched: Array(all[min(start, all.count)...].prefix(size + 1)), pageSize: size, scope: scope) {
            [$0.instrumentID, String($0.version)]
        }
        var response = ListInstrumentsResponse()
        response.instruments = page.items
        response.nextPageToken = page.nextPageToken
        return response
    }

    @Sendable func getInstrument(_ request: GetInstrumentRequest, _ call: ServerCall) async throws -> Instrument {
        let principal = try PrincipalMetadata.principal(of: call)
        try AssessmentAccessPolicy.referenceData(principal, "GetInstrument")
        var violations = FieldViolations()
        violations.require(!request.instrumentID.isEmpty, "instrument_id", "is required")
        violations.require(request.version >= 0, "version", "must be 0 (latest) or a version")
        try violations.check()
        return try resolveInstrument(request.instrumentID, version: request.version)
    }

    @Sendable func listServiceTypes(_ request: ListServiceTypesRequest, _ call: ServerCall) async throws -> ListServiceTypesResponse {
        let principal = try PrincipalMetadata.principal(of: call)
        try AssessmentAccessPolicy.referenceData(principal, "ListServiceTypes")
        let scope = "ListServiceTypes"
        let (size, after) = (try PageToken.pageSize(request.pageSize), try PageToken.decode(request.pageToken, scope: scope))
        let all = ServiceCatalogue.table
        let start = after.flatMap { token in all.firstIndex { [$0.code] == token.after }.map { $0 + 1 } } ?? 0
        let page = Page(fetched: Array(all[min(start, all.count)...].prefix(size + 1)), pageSize: size, scope: scope) { [$0.code] }
        var response = ListServiceTypesResponse()
        response.serviceTypes = page.items
        response.nextPageToken = page.nextPageToken
        return response
    }

    // MARK: - Observations and assessments

    @Sendable func recordObservation(_ request: RecordObservationRequest, _ call: ServerCall) async throws -> MappingObservation {
        let writer = try centreWriter(call, "RecordObservation")
        let day = try AssessmentValidation.observation(request)
        Self.tag(call, request.caseID)
        return try await store.recordObservation(request, day: day, by: writer)
    }

    @Sendable func recordAssessment(_ request: RecordAssessmentRequest, _ call: ServerCall) async throws -> Assessment {
        let writer = try centreWriter(call, "RecordAssessment")
        let day = try AssessmentValidation.assessmentRequest(request)
        let instrument = try resolveInstrument(request.instrumentID, version: request.instrumentVersion)
        try AssessmentValidation.assessment(request, instrument: instrument)
        Self.tag(call, request.caseID)
        return try await store.recordAssessment(request, instrument: instrument, day: day, by: writer)
    }

    @Sendable func getCaseRecord(_ request: GetCaseRecordRequest, _ call: ServerCall) async throws -> AssessmentCaseRecord {
        let principal = try PrincipalMetadata.principal(of: call)
        try AccessRules.require(principal, isOneOf: [.centre], toCall: "GetCaseRecord (SD and BT read GetPlan and GetFinalSummary)")
        Self.tag(call, request.caseID)
        guard let record = try await store.caseRecord(request.caseID) else { throw AssessmentError.unknownCase(request.caseID) }
        return record
    }

    // MARK: - Events

    @Sendable func watchEvents(_ request: WatchEventsRequest, _ call: ServerCall, _ writer: ResponseWriter<Event>) async throws {
        let principal = try PrincipalMetadata.principal(of: call)
        try AssessmentAccessPolicy.watchEvents(principal)
        try await EventStreamer.serve(request, database: store.database, writer: writer)
    }

    // MARK: - Helpers

    /// The calling centre principal as the store's writer, at the clock's moment.
    func centreWriter(_ call: ServerCall, _ method: String) throws -> AssessmentStore.Writer {
        let principal = try PrincipalMetadata.principal(of: call)
        try AssessmentAccessPolicy.centreOnly(principal, method)
        return AssessmentStore.Writer(subject: principal.subject, moment: clock())
    }

    /// The instrument at `version` (0: latest).
    /// - Throws: NOT_FOUND naming the versions that exist.
    func resolveInstrument(_ id: String, version: Int32) throws -> Instrument {
        if let instrument = store.instruments.instrument(id, version: version) { return instrument }
        let versions = store.instruments.versions(of: id)
        if versions.isEmpty {
            let known = Set(store.instruments.instruments.map(\.instrumentID)).sorted().joined(separator: ", ")
            throw AssessmentError.notFound("instrument", "'\(id)' (instruments: \(known))")
        }
        throw AssessmentError.notFound(
            "instrument", "'\(id)' version \(version) (versions: \(versions.map(String.init).joined(separator: ", ")))")
    }

    /// Names the record a response concerns, for the gateway's audit log.
    static func tag(_ call: ServerCall, _ id: String) {
        call.setInitialMetadata(["tilts-record-id": .string(id)])
    }
}
