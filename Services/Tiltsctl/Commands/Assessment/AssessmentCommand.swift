internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl assessment …`: the centre's mapping, ratings, plan, sessions and final summary.
struct AssessmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assessment", abstract: "Mapping, assessments, the rehabilitation plan, sessions and the final summary.",
        subcommands: [
            AssessmentInstrumentsCommand.self, AssessmentInstrumentCommand.self, AssessmentServiceTypesCommand.self,
            AssessmentObserveCommand.self, AssessmentRecordCommand.self, AssessmentPlanDraftCommand.self,
            AssessmentPlanUpdateCommand.self, AssessmentPlanApproveCommand.self, AssessmentPlanCommand.self,
            AssessmentLogSessionCommand.self, AssessmentIssueSummaryCommand.self, AssessmentSummaryCommand.self,
            AssessmentRenderSummaryCommand.self, AssessmentCaseRecordCommand.self,
        ])

    static let service = AssessmentAPI.serviceName

    static func scores(_ scores: [AreaScore]) -> String {
        var table = Table(["AREA", "PILOT AREA", "SCORE", "RAW", "ANSWERED", "MISSING", "COMPLETE"])
        for score in scores {
            table.add([
                score.areaID, score.pilotArea.description, String(score.score), String(score.rawSum), String(score.answeredItems),
                String(score.missingItems), score.complete ? (score.prorated ? "prorated" : "yes") : "no",
            ])
        }
        return table.text
    }

    static func assessment(_ value: Assessment) -> String {
        Table.fields([
            ("assessment", value.assessmentID), ("case", value.caseID),
            ("instrument", "\(value.instrumentID) v\(value.instrumentVersion)"), ("time point", value.timePoint.description),
            ("assessed on", value.assessedOn), ("course day", String(value.courseDay)), ("late reason", value.lateReason),
        ]) + "\n\n" + scores(value.scores)
    }

    static func plan(_ plan: RehabilitationPlan) -> String {
        var text = Table.fields([
            ("case", plan.caseID), ("version", String(plan.version)), ("status", plan.status.description),
            ("drafted", plan.draftedOn), ("approved", plan.approvedOn), ("approved at meeting", plan.approvedAtMeetingID),
            ("revision note", plan.revisionNote),
        ])
        var goals = Table(["GOAL", "AREA", "DESCRIPTION"])
        for goal in plan.goals { goals.add([goal.goalID, goal.area.description, goal.description]) }
        var interventions = Table(["INTERVENTION", "SERVICE TYPE", "SPECIALIST", "MINUTES", "GOALS"])
        for item in plan.interventions {
            interventions.add([
                item.interventionID, item.serviceType, item.specialistRole.description, String(item.minutesPerSession),
                item.goalIDs.joined(separator: ","),
            ])
        }
        text += "\n\n" + goals.text + "\n\n" + interventions.text
        return text
    }

    static func summary(_ summary: FinalSummary) -> String {
        var dynamics = Table(["AREA", "BASELINE", "MID", "FINAL", "CHANGE", "TREND"])
        for area in summary.dynamics {
            dynamics.add([
                area.areaName.isEmpty ? area.areaID : area.areaName, area.baseline.map { String($0.score) } ?? "",
                area.mid.map { String($0.score) } ?? "", area.finalScore.map { String($0.score) } ?? "", String(area.change),
                area.trend.description,
            ])
        }
        return Table.fields([
            ("case", summary.caseID), ("issued", summary.issuedOn), ("municipality", summary.municipality),
            ("instrument", "\(summary.instrumentID) v\(summary.instrumentVersion)"),
            ("destination", summary.destination.description), ("sessions", "\(summary.sessionsLogged) (\(summary.sessionMinutes) min)"),
            ("plan version", String(summary.planVersion)), ("recommendations", String(summary.recommendations.count)),
        ]) + "\n\n" + dynamics.text
    }
}
