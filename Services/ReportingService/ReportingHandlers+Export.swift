internal import TiltsDomain
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore

extension ReportingHandlers {
    /// ExportReport: builds the report for the caller exactly as the Get… method would (same access
    /// rules and suppression), renders it, and streams it in ``ExportDocument/chunkSize`` chunks.
    @Sendable func exportReport(_ request: ExportReportRequest, _ call: ServerCall, _ writer: ResponseWriter<ExportChunk>) async throws {
        let principal = try PrincipalMetadata.principal(of: call)
        var violations = FieldViolations()
        violations.require(
            [ReportKind.pilotEvaluation, .quarterlyReport, .operationalSnapshot].contains(request.report), "report",
            "must be PILOT_EVALUATION, QUARTERLY_REPORT or OPERATIONAL_SNAPSHOT")
        violations.require(
            [ExportFormat.csv, .json, .svg].contains(request.format), "format", "must be CSV, JSON or SVG")
        if request.format == .svg && request.report != .pilotEvaluation {
            violations.add("format", "SVG charts exist for PILOT_EVALUATION only; use CSV or JSON")
        }
        try violations.check()
        let document: ExportDocument
        switch request.report {
        case .pilotEvaluation:
            try ReportingAccessPolicy.readReports(principal, "ExportReport")
            let period = try period(request.period, "period")
            let report = try await evaluation(period: period, for: principal)
            let name = "izvertejums-\(period.first)_\(period.last)"
            switch request.format {
            case .csv: document = .csv(ReportCSV.evaluation(report), name: name)
            case .json: document = .json(report.jsonString(), name: name)
            default: document = .svg(EvaluationChart.svg(report), name: name)
            }
        case .quarterlyReport:
            let scope = try ReportingAccessPolicy.quarterlyScope(principal, "ExportReport")
            let quarter = try quarter(request.quarter, "quarter")
            let report = try await quarterly(quarter: quarter, scope: scope, for: principal)
            let name = "ceturksnis-\(quarter)" + (scope.map { "-\($0)" } ?? "")
            document = request.format == .csv ? .csv(ReportCSV.quarterly(report), name: name) : .json(report.jsonString(), name: name)
        default:
            try ReportingAccessPolicy.readReports(principal, "ExportReport")
            let report = try await snapshot(asOf: try day(request.asOf, "as_of"), for: principal)
            let name = "stavoklis-\(report.asOf)"
            document = request.format == .csv ? .csv(ReportCSV.snapshot(report), name: name) : .json(report.jsonString(), name: name)
        }
        for chunk in document.chunks {
            try await writer.write(chunk)
        }
    }
}
