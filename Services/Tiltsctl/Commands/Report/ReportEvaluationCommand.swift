internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl report evaluation`: 40 versus 70 days, per cohort and per area.
struct ReportEvaluationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluation", abstract: "The pilot evaluation: the 40- and 70-day cohorts compared.")

    @OptionGroup var gateway: GatewayOptions

    @Option(help: "First day of the period (YYYY-MM-DD; default: the pilot period).")
    var from: String = ""

    @Option(help: "Last day of the period (YYYY-MM-DD).")
    var to: String = ""

    func run() async throws {
        var request = GetPilotEvaluationRequest()
        if !from.isEmpty || !to.isEmpty {
            var window = DateWindow()
            window.first = from
            window.last = to
            request.period = window
        }
        try await gateway.run { client in
            let evaluation: PilotEvaluation = try await client.call(ReportCommand.service, "GetPilotEvaluation", request)
            client.emit(evaluation) { Self.render($0) }
        }
    }

    static func render(_ evaluation: PilotEvaluation) -> String {
        let t = ReportCommand.text
        var cohorts = Table(["COHORT", "REFERRED", "ADMITTED", "IN COURSE", "COMPLETED", "ENDED EARLY", "DAYS TO ADMISSION (MEDIAN)", "SESSIONS/CHILD"])
        for cohort in evaluation.cohorts {
            cohorts.add([
                "\(cohort.courseLengthDays) days", t(cohort.referred), t(cohort.admitted), t(cohort.inCourse), t(cohort.completed),
                t(cohort.terminatedEarly), ReportCommand.text(cohort.referralToAdmissionMedianDays, digits: 1),
                ReportCommand.text(cohort.sessionsPerChild, digits: 1),
            ])
        }
        var areas = Table(["COHORT", "AREA", "PAIRED", "BASELINE", "FINAL", "MEAN CHANGE", "95% CI", "IMPROVED"])
        for cohort in evaluation.cohorts {
            for area in cohort.areas {
                areas.add([
                    "\(cohort.courseLengthDays)", area.area.description, t(area.pairedChildren), ReportCommand.text(area.baselineMean),
                    ReportCommand.text(area.finalMean), ReportCommand.text(area.meanChange),
                    "\(ReportCommand.text(area.changeCILow)) … \(ReportCommand.text(area.changeCIHigh))",
                    ReportCommand.text(area.shareImproved),
                ])
            }
        }
        var comparisons = Table(["AREA", "DIFFERENCE (70-40)", "95% CI", "WELCH T", "P", "HEDGES G"])
        for comparison in evaluation.comparisons {
            comparisons.add([
                comparison.area.description, ReportCommand.text(comparison.difference),
                "\(ReportCommand.text(comparison.differenceCILow)) … \(ReportCommand.text(comparison.differenceCIHigh))",
                ReportCommand.text(comparison.welchT), ReportCommand.text(comparison.pValue, digits: 3),
                ReportCommand.text(comparison.hedgesG),
            ])
        }
        let period = evaluation.period.map { "\($0.first) … \($0.last)" } ?? ""
        return "pilot evaluation \(period)\n\n" + cohorts.text + "\n\n" + areas.text + "\n\n" + comparisons.text
            + ReportCommand.caveats(evaluation.caveats, suppression: evaluation.suppressionApplied)
    }
}
