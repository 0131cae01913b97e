internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl report quarterly --quarter N`: one pilot quarter for the review meeting.
struct ReportQuarterlyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "quarterly", abstract: "The quarterly report of one pilot quarter.")

    @OptionGroup var gateway: GatewayOptions

    @Option(help: "The pilot quarter, from 1.")
    var quarter: Int32

    func run() async throws {
        var request = GetQuarterlyReportRequest()
        request.quarter = quarter
        try await gateway.run { client in
            let report: QuarterlyReport = try await client.call(ReportCommand.service, "GetQuarterlyReport", request)
            client.emit(report) { Self.render($0) }
        }
    }

    static func render(_ report: QuarterlyReport) -> String {
        let t = ReportCommand.text
        var activity = Table(["MUNICIPALITY", "REFERRALS", "ADMISSIONS", "COMPLETIONS", "TERMINATIONS"])
        for row in report.municipalities + (report.total.map { [$0] } ?? []) {
            activity.add([
                row.municipality.isEmpty ? "total" : row.municipality, t(row.referrals), t(row.admissions), t(row.completions),
                t(row.terminations),
            ])
        }
        var meetings = Table(["MEETING", "WINDOWS CLOSED", "HELD IN TIME", "HELD LATE", "NOT HELD"])
        for row in report.meetings {
            meetings.add([row.kind.description, t(row.windowsClosed), t(row.heldInTime), t(row.heldLate), t(row.notHeld)])
        }
        let period = report.period.map { "\($0.first) … \($0.last)" } ?? ""
        let summary = Table.fields([
            ("quarter", "Q\(report.quarter) \(period)"), ("scope", report.municipalityScope.isEmpty ? "all municipalities" : report.municipalityScope),
            ("occupancy", ReportCommand.text(report.occupancy)), ("course days", t(report.courseDaysDelivered)),
            ("waiting at quarter end", "\(t(report.waitingAtQuarterEnd)) (urgent \(t(report.waitingUrgentAtQuarterEnd)))"),
            ("cost EUR", ReportCommand.text(report.costEur)),
            ("agreed actions overdue", report.overdueActionsReported ? t(report.overdueActions) : "not reported"),
        ])
        return summary + "\n\n" + activity.text + "\n\n" + meetings.text
            + ReportCommand.caveats(report.caveats, suppression: report.suppressionApplied)
    }
}
