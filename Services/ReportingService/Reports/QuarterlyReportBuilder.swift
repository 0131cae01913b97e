internal import TiltsDomain
internal import TiltsMessages

/// Computes GetQuarterlyReport for one pilot quarter from the fact model.
///
/// The quarter is counted as of `asOf` = min(its last day, today). Definitions:
/// - referrals received, cases admitted, courses completed and terminated early in the quarter, by
///   the municipality of the referral or case;
/// - course-days delivered (= bed-days used): each admitted child's days in course within the
///   quarter, from the admission day through the day the course ended (at most its planned last
///   day) or, while not ended, through its planned last day; never beyond `asOf`;
/// - bed-days available: capacity × the quarter's days through `asOf`; occupancy is their ratio;
/// - waiting at quarter end: referrals received and neither admitted nor closed by `asOf`;
/// - meetings: requirements whose window closed in the quarter (before today), by kind, held in
///   time, held late (by `asOf`) or not held; a requirement the course's end cancelled does not
///   count. PRE_PLACEMENT counts the quarter's admissions: with the meeting, or without (urgent);
/// - overdue actions: the actions agreed at the children's meetings that were overdue in the
///   quarter, by the municipality of the meeting; the rule is ``AgreedActionFacts``'s
///   (`isOverdue(quarterFirst:asOf:today:)`): due in the quarter and not done by their due day, or
///   due earlier and still open at `asOf`.
///
/// With `municipality` set (SD and BT callers) every figure is about that municipality's children.
/// Pure. A value type.
struct QuarterlyReportBuilder: Sendable {
    var quarter: Int
    var window: DayWindow
    var asOf: CalendarDay
    var today: CalendarDay
    var capacity: Int
    /// nil: the cost is not available.
    var dailyRateEur: Double?
    var municipality: String?

    init(quarter: Int, window: DayWindow, today: CalendarDay, capacity: Int, dailyRateEur: Double?, municipality: String?) {
        self.quarter = quarter
        self.window = window
        self.today = today
        self.asOf = min(window.last, today)
        self.capacity = capacity
        self.dailyRateEur = dailyRateEur
        self.municipality = municipality
    }

    /// The quarter's sums per municipality index.
    struct Activity: Sendable, Equatable {
        var referrals = 0
        var admissions = 0
        var completions = 0
        var terminations = 0
    }

    struct Sums: Sendable, Equatable {
        var activity: [Int32: Activity] = [:]
        /// By cohort index (0 = 40 days, 1 = 70 days): days and children contributing.
        var courseDays = [0, 0]
        var courseChildren = [0, 0]
        var waiting = 0
        var waitingUrgent = 0
        /// PRE_PLACEMENT, MEETING_1–3: closed, held in time, held late, not held.
        var meetings = [[Int]](repeating: [0, 0, 0, 0], count: 4)
        var overdueActions = 0
    }

    func sums(_ model: FactModel) -> Sums {
        var sums = Sums()
        var scope: Int32?
        if let municipality {
            guard let index = model.municipalityIndex(of: municipality) else { return sums }  // no facts at all
            scope = index
        }
        let first = Int32(window.first.dayNumber)
        let last = Int32(window.last.dayNumber)
        let asOf = Int32(asOf.dayNumber)
        let today = Int32(today.dayNumber)
        func inQuarter(_ day: Int32) -> Bool { day != CaseFacts.noDay && day >= first && day <= asOf }

        for referral in model.referrals where referral.isKnown {
            if let scope, referral.municipality != scope { continue }
            if inQuarter(referral.received) { sums.activity[referral.municipality, default: Activity()].referrals += 1 }
            if asOf >= first && referral.isWaiting(on: asOf) {
                sums.waiting += 1
                if referral.urgent { sums.waitingUrgent += 1 }
            }
        }
        for facts in model.cases where facts.isAdmitted && facts.admission <= asOf {
            if let scope, facts.municipality != scope { continue }
            let cohort = facts.courseLength == 40 ? 0 : 1
            if inQuarter(facts.admission) {
                sums.activity[facts.municipality, default: Activity()].admissions += 1
                sums.meetings[0][0] += 1
                sums.meetings[0][facts.withoutPrePlacementMeeting ? 3 : 1] += 1
            }
            let endedByNow = facts.ended != CaseFacts.noDay && facts.ended <= asOf
            if endedByNow && inQuarter(facts.ended) {
                if facts.status == 2 { sums.activity[facts.municipality, default: Activity()].completions += 1 }
                if facts.status == 3 { sums.activity[facts.municipality, default: Activity()].terminations += 1 }
            }
            guard let offsets = TimelineOffsets.of(length: facts.courseLength) else { continue }
            let lastDay = facts.admission + offsets.course.last
            let end = endedByNow ? min(facts.ended, lastDay) : min(lastDay, asOf)
            let days = Int(min(end, asOf) - max(facts.admission, first) + 1)
            if days > 0 {
                sums.courseDays[cohort] += days
                sums.courseChildren[cohort] += 1
            }
            for number in 1...3 {
                let window = offsets.meeting(number)
                let closes = facts.admission + window.last
                guard closes >= first && closes <= last && closes < today else { continue }
                let outcome = StepOutcome.of(
                    window: window, admission: facts.admission, done: facts.meetingHeld(number), ended: facts.ended,
                    asOf: asOf)
                switch outcome {
                case .cancelled, .pending: continue
                case .heldEarly, .heldInWindow: sums.meetings[number][1] += 1
                case .heldLate: sums.meetings[number][2] += 1
                case .missed: sums.meetings[number][3] += 1
                }
                sums.meetings[number][0] += 1
            }
        }
        for action in model.actions where action.isOverdue(quarterFirst: first, asOf: asOf, today: today) {
            if let scope, action.municipality != scope { continue }
            sums.overdueActions += 1
        }
        return sums
    }

    func build(model: FactModel, suppressing: Bool) -> QuarterlyReport {
        let sums = sums(model)
        var ledger = DisclosureLedger()
        typealias Cell = DisclosureLedger.Cell
        let codes = sums.activity.keys.filter { $0 >= 0 }.sorted { model.municipalities[Int($0)] < model.municipalities[Int($1)] }
        let unknown = sums.activity[-1]
        var rows: [(String, [Cell])] = codes.map { index in
            let activity = sums.activity[index]!
            return (model.municipalities[Int(index)], Self.cells(activity, &ledger))
        }
        if let municipality, rows.isEmpty { rows = [(municipality, Self.cells(Activity(), &ledger))] }
        let total = sums.activity.values.reduce(into: Activity()) { total, activity in
            total.referrals += activity.referrals
            total.admissions += activity.admissions
            total.completions += activity.completions
            total.terminations += activity.terminations
        }
        let totalCells = Self.cells(total, &ledger)
        if unknown == nil {
            for column in 0..<4 { ledger.line(total: totalCells[column], parts: rows.map { $0.1[column] }) }
        }
        let children = sums.courseChildren.reduce(0, +)
        let courseDays = ledger.derivedCount(sums.courseDays.reduce(0, +), children: children)
        let byCohort = (0..<2).map { ledger.derivedCount(sums.courseDays[$0], children: sums.courseChildren[$0]) }
        ledger.line(total: courseDays, parts: byCohort)
        let availableDays = max(0, window.first.days(until: asOf) + 1)
        let available = capacity * availableDays
        // Occupancy and cost are course-days in other units: they are shown exactly when course-days
        // is (see `hideDerived` below), so they are recorded here as always showable.
        let occupancy = ledger.figure(
            available > 0 ? Double(sums.courseDays.reduce(0, +)) / Double(available) : nil, children: available > 0 ? 5 : 0)
        let cost = ledger.figure(dailyRateEur.map { Double(sums.courseDays.reduce(0, +)) * $0 }, children: 5)
        let waiting = ledger.count(sums.waiting)
        let waitingUrgent = ledger.count(sums.waitingUrgent)
        let meetingCells: [[Cell]] = sums.meetings.enumerated().map { index, counts in
            let closed = index == 0 ? totalCells[1] : ledger.count(counts[0])
            let parts = counts[1...].map { ledger.count($0) }
            ledger.line(total: closed, parts: parts)
            return [closed] + parts
        }
        let overdueActions = ledger.count(sums.overdueActions)
        let disclosed = ledger.resolve(suppressing: suppressing)
        // Occupancy and cost follow course-days: hidden whenever it is.
        let hideDerived = disclosed.disclosure(courseDays) == .suppressed

        var report = QuarterlyReport()
        report.quarter = Int32(quarter)
        report.period = DateWindow(first: window.first.description, last: window.last.description)
        report.municipalityScope = municipality ?? ""
        report.municipalities = rows.map { Self.render($0.0, $0.1, disclosed) }
        report.total = Self.render("", totalCells, disclosed)
        report.capacity = Int32(capacity)
        report.bedDaysAvailable = Int64(available)
        report.courseDaysDelivered = disclosed.count(courseDays)
        report.occupancy = hideDerived ? ReportFigure(value: 0, disclosure: .suppressed) : disclosed.figure(occupancy)
        report.waitingAtQuarterEnd = disclosed.count(waiting)
        report.waitingUrgentAtQuarterEnd = disclosed.count(waitingUrgent)
        let kinds: [MeetingKind] = [.prePlacement, .meeting1, .meeting2, .meeting3]
        report.meetings = zip(kinds, meetingCells).map { kind, cells in
            var meetings = QuarterMeetings()
            meetings.kind = kind
            meetings.windowsClosed = disclosed.count(cells[0])
            meetings.heldInTime = disclosed.count(cells[1])
            meetings.heldLate = disclosed.count(cells[2])
            meetings.notHeld = disclosed.count(cells[3])
            return meetings
        }
        report.overdueActions = disclosed.count(overdueActions)
        report.overdueActionsReported = true
        report.courseDaysByCohort = zip([40, 70], byCohort).map { length, cell in
            var days = CohortCourseDays()
            days.courseLengthDays = Int32(length)
            days.courseDays = disclosed.count(cell)
            return days
        }
        report.dailyRateEur = dailyRateEur ?? 0
        report.costEur = hideDerived ? ReportFigure(value: 0, disclosure: .suppressed) : disclosed.figure(cost)
        if municipality != nil { report.caveats.append(ReportTexts.municipalityScope) }
        if asOf < window.last { report.caveats.append(ReportTexts.inProgress(asOf: asOf.description)) }
        report.suppressionApplied = suppressing
        if disclosed.anySuppressed { report.caveats.append(ReportTexts.suppressionApplied) }
        return report
    }

    private static func cells(_ activity: Activity, _ ledger: inout DisclosureLedger) -> [DisclosureLedger.Cell] {
        [activity.referrals, activity.admissions, activity.completions, activity.terminations].map { ledger.count($0) }
    }

    private static func render(_ municipality: String, _ cells: [DisclosureLedger.Cell], _ disclosed: Disclosed) -> MunicipalityActivity {
        var activity = MunicipalityActivity()
        activity.municipality = municipality
        activity.referrals = disclosed.count(cells[0])
        activity.admissions = disclosed.count(cells[1])
        activity.completions = disclosed.count(cells[2])
        activity.terminations = disclosed.count(cells[3])
        return activity
    }
}
