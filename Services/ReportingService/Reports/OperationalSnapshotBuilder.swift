internal import TiltsDomain
internal import TiltsMessages

/// Computes GetOperationalSnapshot as of a day from the fact model.
///
/// - In course: admitted on or before `asOf` and not ended on or before it.
/// - Waiting: received and neither admitted nor closed by `asOf`.
/// - Steps of the children in course (windows from ``CaseTimeline``): `mapping` is done by a
///   BASELINE assessment, `meeting1`–`meeting3` by the meeting held, `final_summary` by the summary
///   issued. A meeting is due this week when its window is open on a day from `asOf` through
///   `asOf` + 6; mapping and the final summary when their deadline (day 10, day L) falls in that
///   week. Overdue: the window closed before `asOf` without the step done.
/// - Overdue actions: the actions agreed at the children's meetings past due as of `asOf` (due
///   before it, not done by it: ``AgreedActionFacts/isPastDue(asOf:)``), whoever's they are.
///
/// Pure. A value type.
struct OperationalSnapshotBuilder: Sendable {
    var asOf: CalendarDay
    var capacity: Int

    static let steps = ["mapping", "meeting1", "meeting2", "meeting3", "final_summary"]

    struct Sums: Sendable, Equatable {
        var inCourse = [0, 0]
        var waiting = 0
        var waitingUrgent = 0
        var waitingWithoutMeeting = 0
        var due = [Int](repeating: 0, count: 5)
        var overdue = [Int](repeating: 0, count: 5)
        var endingThisWeek = 0
        var overdueActions = 0
    }

    func sums(_ model: FactModel) -> Sums {
        var sums = Sums()
        let day = Int32(asOf.dayNumber)
        let weekEnd = day + 6
        for referral in model.referrals where referral.isWaiting(on: day) {
            sums.waiting += 1
            if referral.urgent { sums.waitingUrgent += 1 }
            if referral.prePlacementHeld == CaseFacts.noDay || referral.prePlacementHeld > day { sums.waitingWithoutMeeting += 1 }
        }
        for facts in model.cases where facts.isAdmitted && facts.admission <= day {
            if facts.ended != CaseFacts.noDay && facts.ended <= day { continue }
            guard let offsets = TimelineOffsets.of(length: facts.courseLength) else { continue }
            sums.inCourse[facts.courseLength == 40 ? 0 : 1] += 1
            let lastDay = facts.admission + offsets.course.last
            if lastDay >= day && lastDay <= weekEnd { sums.endingThisWeek += 1 }
            let steps: [(TimelineOffsets.Window, Int32, Bool)] = [
                (offsets.mapping, facts.baselineOn, false),
                (offsets.meeting1, facts.meeting1, true),
                (offsets.meeting2, facts.meeting2, true),
                (offsets.meeting3, facts.meeting3, true),
                (offsets.course, facts.summaryOn, false),
            ]
            for (index, (window, done, isMeeting)) in steps.enumerated() {
                if done != CaseFacts.noDay && done <= day { continue }
                let first = facts.admission + window.first
                let last = facts.admission + window.last
                if last < day {
                    sums.overdue[index] += 1
                } else if isMeeting ? (first <= weekEnd && last >= day) : (last <= weekEnd) {
                    sums.due[index] += 1
                }
            }
        }
        sums.overdueActions = model.actions.reduce(0) { $0 + ($1.isPastDue(asOf: day) ? 1 : 0) }
        return sums
    }

    func build(model: FactModel, suppressing: Bool) -> OperationalSnapshot {
        let sums = sums(model)
        var ledger = DisclosureLedger()
        let inCourse = ledger.count(sums.inCourse[0] + sums.inCourse[1])
        let byCohort = sums.inCourse.map { ledger.count($0) }
        ledger.line(total: inCourse, parts: byCohort)
        let waiting = ledger.count(sums.waiting)
        let urgent = ledger.count(sums.waitingUrgent)
        let withoutMeeting = ledger.count(sums.waitingWithoutMeeting)
        let due = sums.due.map { ledger.count($0) }
        let overdue = sums.overdue.map { ledger.count($0) }
        let ending = ledger.count(sums.endingThisWeek)
        let overdueActions = ledger.count(sums.overdueActions)
        let disclosed = ledger.resolve(suppressing: suppressing)

        var snapshot = OperationalSnapshot()
        snapshot.asOf = asOf.description
        snapshot.capacity = Int32(capacity)
        snapshot.inCourse = disclosed.count(inCourse)
        snapshot.inCourseByCohort = zip([40, 70], byCohort).map { length, cell in
            var count = CohortCount()
            count.courseLengthDays = Int32(length)
            count.children = disclosed.count(cell)
            return count
        }
        snapshot.waiting = disclosed.count(waiting)
        snapshot.waitingUrgent = disclosed.count(urgent)
        snapshot.waitingWithoutPrePlacementMeeting = disclosed.count(withoutMeeting)
        func steps(_ cells: [DisclosureLedger.Cell]) -> [StepCount] {
            zip(Self.steps, cells).map { name, cell in
                var count = StepCount()
                count.step = name
                count.children = disclosed.count(cell)
                return count
            }
        }
        snapshot.dueThisWeek = steps(due)
        snapshot.overdue = steps(overdue)
        snapshot.endingThisWeek = disclosed.count(ending)
        snapshot.overdueActions = disclosed.count(overdueActions)
        snapshot.suppressionApplied = suppressing
        if disclosed.anySuppressed { snapshot.caveats.append(ReportTexts.suppressionApplied) }
        return snapshot
    }
}
