internal import TiltsDomain
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore

/// `tilts.reporting.v1.ReportingService`: decodes who is calling, checks the access policy and the
/// request, catches the fact model up (``ReportingStore/model()``) and hands it to the report
/// builders, with suppression for every caller outside the centre.
struct ReportingHandlers: RPCService {
    /// What the reports need from configuration.
    struct Settings: Sendable {
        var pilot: PilotCalendar
        var capacity: Int
        var dailyRateEur: Double?
        var instrumentID: String
    }

    let store: ReportingStore
    let settings: Settings
    /// Today in Riga; tests pass a fixed day.
    let today: @Sendable () -> CalendarDay

    static let service = ReportingAPI.serviceName
    static func method(_ name: String) -> MethodDescriptor { MethodDescriptor(service: service, method: name) }

    var methods: [ServerMethod] {
        [
            .unary(Self.method("GetPilotEvaluation"), getPilotEvaluation),
            .unary(Self.method("GetQuarterlyReport"), getQuarterlyReport),
            .unary(Self.method("GetOperationalSnapshot"), getOperationalSnapshot),
            .serverStreaming(Self.method("ExportReport"), exportReport),
            .unary(Self.method("GetIngestionStatus"), getIngestionStatus),
        ]
    }

    @Sendable func getPilotEvaluation(_ request: GetPilotEvaluationRequest, _ call: ServerCall) async throws -> PilotEvaluation {
        let principal = try PrincipalMetadata.principal(of: call)
        try ReportingAccessPolicy.readReports(principal, "GetPilotEvaluation")
        return try await evaluation(period: try period(request.period, "period"), for: principal)
    }

    @Sendable func getQuarterlyReport(_ request: GetQuarterlyReportRequest, _ call: ServerCall) async throws -> QuarterlyReport {
        let principal = try PrincipalMetadata.principal(of: call)
        let scope = try ReportingAccessPolicy.quarterlyScope(principal, "GetQuarterlyReport")
        return try await quarterly(quarter: try quarter(request.quarter, "quarter"), scope: scope, for: principal)
    }

    @Sendable func getOperationalSnapshot(
        _ request: GetOperationalSnapshotRequest, _ call: ServerCall
    ) async throws -> OperationalSnapshot {
        let principal = try PrincipalMetadata.principal(of: call)
        try ReportingAccessPolicy.readReports(principal, "GetOperationalSnapshot")
        return try await snapshot(asOf: try day(request.asOf, "as_of"), for: principal)
    }

    @Sendable func getIngestionStatus(_ request: GetIngestionStatusRequest, _ call: ServerCall) async throws -> IngestionStatus {
        try ReportingAccessPolicy.ingestionStatus(try PrincipalMetadata.principal(of: call))
        let (cursors, referrals, cases) = try await store.ingestionStatus()
        var status = IngestionStatus()
        status.streams = cursors.map { StreamPosition(source: $0.0, sequence: $0.1) }
        status.referrals = referrals
        status.cases = cases
        return status
    }

    // MARK: - Reports

    func evaluation(period: DayWindow, for principal: Principal) async throws -> PilotEvaluation {
        let model = try await store.model()
        let sessionTypes = try await store.sessionTypes(admittedFrom: period.first.dayNumber, through: period.last.dayNumber)
        let builder = PilotEvaluationBuilder(period: period, today: today(), instrumentID: settings.instrumentID)
        return builder.build(
            model: model, sessionTypes: sessionTypes, suppressing: ReportingAccessPolicy.suppresses(principal))
    }

    func quarterly(quarter: Int, scope: String?, for principal: Principal) async throws -> QuarterlyReport {
        let model = try await store.model()
        let builder = QuarterlyReportBuilder(
            quarter: quarter, window: settings.pilot.range(ofQuarter: quarter)!, today: today(), capacity: settings.capacity,
            dailyRateEur: settings.dailyRateEur, municipality: scope)
        return builder.build(model: model, suppressing: ReportingAccessPolicy.suppresses(principal))
    }

    func snapshot(asOf: CalendarDay?, for principal: Principal) async throws -> OperationalSnapshot {
        let model = try await store.model()
        let builder = OperationalSnapshotBuilder(asOf: asOf ?? today(), capacity: settings.capacity)
        return builder.build(model: model, suppressing: ReportingAccessPolicy.suppresses(principal))
    }

    // MARK: - Request fields

    /// The period asked for, or the pilot period when absent.
    func period(_ window: DateWindow?, _ field: String) throws -> DayWindow {
        guard let window, !(window.first.isEmpty && window.last.isEmpty) else { return settings.pilot.period }
        var violations = FieldViolations()
        let first = CalendarDay(iso: window.first)
        let last = CalendarDay(iso: window.last)
        violations.require(first != nil, "\(field).first", "must be a date YYYY-MM-DD")
        violations.require(last != nil, "\(field).last", "must be a date YYYY-MM-DD")
        if let first, let last {
            violations.require(first <= last, "\(field).last", "must not be before \(field).first")
        }
        try violations.check()
        return DayWindow(first: first!, last: last!)
    }

    func quarter(_ number: Int32, _ field: String) throws -> Int {
        let count = settings.pilot.quarterCount
        guard number >= 1 && number <= count else {
            throw ReportingError.invalid(field, "must be a pilot quarter from 1 to \(count)")
        }
        return Int(number)
    }

    func day(_ text: String, _ field: String) throws -> CalendarDay? {
        if text.isEmpty { return nil }
        guard let day = CalendarDay(iso: text) else { throw ReportingError.invalid(field, "must be a date YYYY-MM-DD") }
        return day
    }
}
