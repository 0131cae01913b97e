internal import TiltsMessages
internal import TiltsWire

/// The reports as ``CSVTable`` documents. Groups are cohorts (`40`, `70`), `70-40` for the
/// comparison, municipality codes, or empty; items are enum names or codes. Pure.
enum ReportCSV {
    static func evaluation(_ report: PilotEvaluation) -> String {
        var table = CSVTable()
        table.add("period", "", "", "first", text: report.period?.first ?? "")
        table.add("period", "", "", "last", text: report.period?.last ?? "")
        table.add("period", "", "", "instrument", text: report.instrumentID)
        table.add("referrals", "", "", "referred_length_undecided", report.referredLengthUndecided)
        for cohort in report.cohorts {
            let group = String(cohort.courseLengthDays)
            table.add("cohort", group, "", "referred", cohort.referred)
            table.add("cohort", group, "", "admitted", cohort.admitted)
            table.add("cohort", group, "", "in_course", cohort.inCourse)
            table.add("cohort", group, "", "completed", cohort.completed)
            table.add("cohort", group, "", "terminated_early", cohort.terminatedEarly)
            table.add("cohort", group, "", "referral_to_admission_median_days", cohort.referralToAdmissionMedianDays)
            table.add("cohort", group, "", "referral_to_admission_p90_days", cohort.referralToAdmissionP90Days)
            table.add("cohort", group, "", "sessions_per_child", cohort.sessionsPerChild)
            table.add("cohort", group, "", "session_minutes_per_child", cohort.sessionMinutesPerChild)
            table.add("cohort", group, "", "final_summaries", cohort.finalSummaries)
            for termination in cohort.terminations {
                table.add("termination", group, name(termination.reason), "children", termination.children)
            }
            for allocation in cohort.allocation {
                table.add("allocation", group, name(allocation.method), "children", allocation.children)
            }
            for destination in cohort.destinations {
                table.add("destination", group, name(destination.destination), "children", destination.children)
            }
            for area in cohort.areas {
                let item = name(area.area)
                table.add("area", group, item, "baseline_children", area.baselineChildren)
                table.add("area", group, item, "baseline_mean", area.baselineMean)
                table.add("area", group, item, "final_children", area.finalChildren)
                table.add("area", group, item, "final_mean", area.finalMean)
                table.add("area", group, item, "paired_children", area.pairedChildren)
                table.add("area", group, item, "mean_change", area.meanChange)
                table.add("area", group, item, "change_ci_low", area.changeCILow)
                table.add("area", group, item, "change_ci_high", area.changeCIHigh)
                table.add("area", group, item, "change_sd", area.changeSD)
                table.add("area", group, item, "share_improved", area.shareImproved)
            }
            for meeting in cohort.meetings {
                let item = name(meeting.kind)
                table.add("meeting", group, item, "due", meeting.due)
                table.add("meeting", group, item, "held_in_window", meeting.heldInWindow)
                table.add("meeting", group, item, "held_early", meeting.heldEarly)
                table.add("meeting", group, item, "held_late", meeting.heldLate)
                table.add("meeting", group, item, "missed", meeting.missed)
                table.add("meeting", group, item, "share_in_window", meeting.shareInWindow)
            }
            for use in cohort.sessionsByType {
                table.add("sessions_by_type", group, use.serviceType, "children", use.children)
                table.add("sessions_by_type", group, use.serviceType, "sessions", use.sessions)
                table.add("sessions_by_type", group, use.serviceType, "sessions_per_child", use.sessionsPerChild)
            }
        }
        for comparison in report.comparisons {
            let item = name(comparison.area)
            table.add("comparison", "70-40", item, "difference", comparison.difference)
            table.add("comparison", "70-40", item, "difference_ci_low", comparison.differenceCILow)
            table.add("comparison", "70-40", item, "difference_ci_high", comparison.differenceCIHigh)
            table.add("comparison", "70-40", item, "welch_t", comparison.welchT)
            table.add("comparison", "70-40", item, "welch_df", comparison.welchDF)
            table.add("comparison", "70-40", item, "p_value", comparison.pValue)
            table.add("comparison", "70-40", item, "hedges_g", comparison.hedgesG)
        }
        addCaveats(report.caveats, to: &table)
        return table.text
    }

    static func quarterly(_ report: QuarterlyReport) -> String {
        var table = CSVTable()
        table.add("period", "", "", "quarter", text: String(report.quarter))
        table.add("period", "", "", "first", text: report.period?.first ?? "")
        table.add("period", "", "", "last", text: report.period?.last ?? "")
        table.add("period", "", "", "municipality_scope", text: report.municipalityScope)
        for activity in report.municipalities + [report.total ?? MunicipalityActivity()] {
            let group = activity.municipality.isEmpty ? "total" : activity.municipality
            table.add("activity", group, "", "referrals", activity.referrals)
            table.add("activity", group, "", "admissions", activity.admissions)
            table.add("activity", group, "", "completions", activity.completions)
            table.add("activity", group, "", "terminations", activity.terminations)
        }
        table.add("places", "", "", "capacity", text: String(report.capacity))
        table.add("places", "", "", "bed_days_available", text: String(report.bedDaysAvailable))
        table.add("places", "", "", "course_days_delivered", report.courseDaysDelivered)
        table.add("places", "", "", "occupancy", report.occupancy)
        for days in report.courseDaysByCohort {
            table.add("places", String(days.courseLengthDays), "", "course_days", days.courseDays)
        }
        table.add("cost", "", "", "daily_rate_eur", text: CSVTable.format(report.dailyRateEur))
        table.add("cost", "", "", "cost_eur", report.costEur)
        table.add("waiting", "", "", "at_quarter_end", report.waitingAtQuarterEnd)
        table.add("waiting", "", "", "urgent_at_quarter_end", report.waitingUrgentAtQuarterEnd)
        for meetings in report.meetings {
            let item = name(meetings.kind)
            table.add("meeting", "", item, "windows_closed", meetings.windowsClosed)
            table.add("meeting", "", item, "held_in_time", meetings.heldInTime)
            table.add("meeting", "", item, "held_late", meetings.heldLate)
            table.add("meeting", "", item, "not_held", meetings.notHeld)
        }
        table.add("actions", "", "", "overdue", report.overdueActions)
        addCaveats(report.caveats, to: &table)
        return table.text
    }

    static func snapshot(_ snapshot: OperationalSnapshot) -> String {
        var table = CSVTable()
        table.add("period", "", "", "as_of", text: snapshot.asOf)
        table.add("places", "", "", "capacity", text: String(snapshot.capacity))
        table.add("children", "", "", "in_course", snapshot.inCourse)
        for count in snapshot.inCourseByCohort {
            table.add("children", String(count.courseLengthDays), "", "in_course", count.children)
        }
        table.add("children", "", "", "ending_this_week", snapshot.endingThisWeek)
        table.add("waiting", "", "", "waiting", snapshot.waiting)
        table.add("waiting", "", "", "urgent", snapshot.waitingUrgent)
        table.add("waiting", "", "", "without_pre_placement_meeting", snapshot.waitingWithoutPrePlacementMeeting)
        for step in snapshot.dueThisWeek { table.add("due_this_week", "", step.step, "children", step.children) }
        for step in snapshot.overdue { table.add("overdue", "", step.step, "children", step.children) }
        table.add("actions", "", "", "overdue", snapshot.overdueActions)
        addCaveats(snapshot.caveats, to: &table)
        return table.text
    }

    private static func addCaveats(_ caveats: [Caveat], to table: inout CSVTable) {
        for caveat in caveats {
            table.add("caveat", caveat.code, "", "lv", text: caveat.textLv)
            table.add("caveat", caveat.code, "", "en", text: caveat.textEn)
        }
    }

    private static func name(_ value: some ProtoEnum) -> String {
        value.protoName ?? String(value.rawValue)
    }
}
