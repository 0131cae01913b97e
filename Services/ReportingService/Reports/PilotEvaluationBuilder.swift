internal import TiltsDomain
internal import TiltsMessages

/// Computes GetPilotEvaluation from the fact model: one pass over the cases and one over the
/// referrals gathers each cohort's sums (``CohortAggregate``), then every figure is recorded in a
/// ``DisclosureLedger`` and rendered once suppression is decided.
///
/// Which facts count:
/// - cohort members are the cases admitted from the period's first day through `asOf` (the period's
///   last day, or today when earlier), with their course length as cohort;
/// - statuses, scores, meetings and summaries count when dated on or before `asOf`; sessions count
///   whenever logged;
/// - `referred` counts the referrals received in the period, by the cohort they were admitted to,
///   else by the length asked for; those that left it to the centre and are not admitted are
///   `referred_length_undecided`.
///
/// Pure: the same model, period and day give the same report. A value type.
struct PilotEvaluationBuilder: Sendable {
    var period: DayWindow
    /// Facts after this day are ignored (min(period end, today)).
    var asOf: CalendarDay
    var instrumentID: String

    init(period: DayWindow, today: CalendarDay, instrumentID: String) {
        self.period = period
        self.asOf = min(period.last, today)
        self.instrumentID = instrumentID
    }

    /// The aggregates of the 40- and 70-day cohorts, and the undecided referrals.
    func aggregate(_ model: FactModel) -> (cohorts: [CohortAggregate], undecided: Int) {
        var cohorts = [CohortAggregate(length: 40), CohortAggregate(length: 70)]
        let first = Int32(period.first.dayNumber)
        let asOf = Int32(asOf.dayNumber)
        for facts in model.cases where facts.isAdmitted && facts.admission >= first && facts.admission <= asOf {
            cohorts[facts.courseLength == 40 ? 0 : 1].add(facts, asOf: asOf)
        }
        var undecided = 0
        for referral in model.referrals where referral.isKnown && referral.received >= first && referral.received <= asOf {
            let admitted = referral.admitted != CaseFacts.noDay && referral.admitted <= asOf
            let length: Int16 = admitted ? referral.courseLength : (referral.requested == 1 ? 40 : referral.requested == 2 ? 70 : 0)
            switch length {
            case 40: cohorts[0].referred += 1
            case 70: cohorts[1].referred += 1
            default: undecided += 1
            }
        }
        return (cohorts, undecided)
    }

    /// The report; `suppressing` for callers outside the centre.
    func build(
        model: FactModel, sessionTypes: [ReportingStore.SessionTypeTally], suppressing: Bool
    ) -> PilotEvaluation {
        let (cohorts, undecided) = aggregate(model)
        var ledger = DisclosureLedger()
        let drafts = cohorts.map { cohort in
            CohortDraft(cohort, sessionTypes: sessionTypes.filter { $0.courseLength == cohort.length }, &ledger)
        }
        let comparisons = AssessmentArea.allCases.enumerated().map { index, area in
            ComparisonDraft(area: area, seventy: cohorts[1].areas[index], forty: cohorts[0].areas[index], &ledger)
        }
        let undecidedCell = ledger.count(undecided)
        let disclosed = ledger.resolve(suppressing: suppressing)

        var report = PilotEvaluation()
        report.period = DateWindow(first: period.first.description, last: period.last.description)
        report.instrumentID = instrumentID
        report.cohorts = drafts.map { $0.render(disclosed) }
        report.comparisons = comparisons.map { $0.render(disclosed) }
        report.referredLengthUndecided = disclosed.count(undecidedCell)
        for cohort in cohorts where cohort.admitted < 10 {
            report.caveats.append(ReportTexts.cohortUnder10(length: cohort.length))
        }
        if cohorts.contains(where: { $0.notRandomized > 0 }) {
            report.caveats.append(ReportTexts.allocationNotRandomized)
        }
        if asOf < period.last {
            report.caveats.append(ReportTexts.inProgress(asOf: asOf.description))
        }
        report.suppressionApplied = suppressing
        if disclosed.anySuppressed { report.caveats.append(ReportTexts.suppressionApplied) }
        return report
    }
}

/// One cohort's cells.
private struct CohortDraft {
    typealias Cell = DisclosureLedger.Cell

    struct AreaCells {
        var area: AssessmentArea
        var baselineChildren, baselineMean, finalChildren, finalMean, pairedChildren: Cell
        var meanChange, low, high, sd, shareImproved: Cell
    }

    var length: Int32
    var referred, admitted, inCourse, completed, terminated: Cell
    var reasons: [(TiltsMessages.TerminationReason, Cell)]
    var median, p90: Cell
    var areas: [AreaCells]
    var meetings: [(MeetingKind, [Cell])]
    var sessionsPerChild, minutesPerChild: Cell
    var types: [(String, Cell, Cell, Cell)]
    var allocation: [(AllocationMethod, Cell)]
    var summaries: Cell
    var destinations: [(Destination, Cell)]

    init(_ cohort: CohortAggregate, sessionTypes: [ReportingStore.SessionTypeTally], _ ledger: inout DisclosureLedger) {
        length = Int32(cohort.length)
        referred = ledger.count(cohort.referred)
        let admitted = ledger.count(cohort.admitted)
        self.admitted = admitted
        inCourse = ledger.count(cohort.inCourse)
        completed = ledger.count(cohort.completed)
        terminated = ledger.count(cohort.terminated)
        ledger.line(total: admitted, parts: [inCourse, completed, terminated])
        reasons = (1...7).map { (TiltsMessages.TerminationReason(rawValue: Int32($0)), ledger.count(cohort.reasons[$0])) }
        ledger.line(total: terminated, parts: reasons.map(\.1))
        let waited = cohort.waitDays.values.reduce(0, +)
        median = ledger.figure(Percentile.of(histogram: cohort.waitDays, 0.5), children: waited)
        p90 = ledger.figure(Percentile.of(histogram: cohort.waitDays, 0.9), children: waited)

        areas = AssessmentArea.allCases.enumerated().map { index, area in
            let sums = cohort.areas[index]
            let change = sums.change
            let interval = TwoSample.meanInterval(change)
            return AreaCells(
                area: area,
                baselineChildren: ledger.count(sums.baselineCount),
                baselineMean: ledger.figure(
                    sums.baselineCount > 0 ? Double(sums.baselineSum) / Double(sums.baselineCount) : nil,
                    children: sums.baselineCount),
                finalChildren: ledger.count(sums.finalCount),
                finalMean: ledger.figure(
                    sums.finalCount > 0 ? Double(sums.finalSum) / Double(sums.finalCount) : nil, children: sums.finalCount),
                pairedChildren: ledger.count(sums.pairedCount),
                meanChange: ledger.figure(sums.pairedCount > 0 ? change.mean : nil, children: sums.pairedCount),
                low: ledger.figure(interval?.low, children: sums.pairedCount),
                high: ledger.figure(interval?.high, children: sums.pairedCount),
                sd: ledger.figure(sums.pairedCount >= 2 ? change.standardDeviation : nil, children: sums.pairedCount),
                shareImproved: ledger.share(sums.improved, of: sums.pairedCount))
        }

        let kinds: [MeetingKind] = [.prePlacement, .meeting1, .meeting2, .meeting3]
        meetings = kinds.enumerated().map { index, kind in
            let sums = cohort.meetings[index]
            // Every admitted child is due a pre-placement meeting: its "due" is the admitted cell itself,
            // so suppression sees the two as the one number they are.
            let due = index == 0 ? admitted : ledger.count(sums.due)
            let parts = [sums.heldInWindow, sums.heldEarly, sums.heldLate, sums.missed].map { ledger.count($0) }
            ledger.line(total: due, parts: parts)
            return (kind, [due] + parts + [ledger.share(sums.heldInWindow, of: sums.due)])
        }
        sessionsPerChild = ledger.figure(
            cohort.admitted > 0 ? Double(cohort.sessions) / Double(cohort.admitted) : nil, children: cohort.admitted)
        minutesPerChild = ledger.figure(
            cohort.admitted > 0 ? Double(cohort.sessionMinutes) / Double(cohort.admitted) : nil, children: cohort.admitted)
        types = sessionTypes.map { tally in
            (tally.serviceType, ledger.count(tally.children), ledger.derivedCount(tally.sessions, children: tally.children),
             ledger.figure(
                cohort.admitted > 0 ? Double(tally.sessions) / Double(cohort.admitted) : nil,
                children: min(tally.children, cohort.admitted)))
        }
        allocation = (1...3).map { (AllocationMethod(rawValue: Int32($0)), ledger.count(cohort.allocation[$0])) }
        ledger.line(total: admitted, parts: allocation.map(\.1))
        summaries = ledger.count(cohort.summaries)
        destinations = (1...5).map { (Destination(rawValue: Int32($0)), ledger.count(cohort.destinations[$0])) }
        ledger.line(total: summaries, parts: destinations.map(\.1))
    }

    func render(_ disclosed: Disclosed) -> CohortEvaluation {
        var cohort = CohortEvaluation()
        cohort.courseLengthDays = length
        cohort.referred = disclosed.count(referred)
        cohort.admitted = disclosed.count(admitted)
        cohort.inCourse = disclosed.count(inCourse)
        cohort.completed = disclosed.count(completed)
        cohort.terminatedEarly = disclosed.count(terminated)
        cohort.terminations = reasons.map { reason, cell in
            var count = TerminationCount()
            count.reason = reason
            count.children = disclosed.count(cell)
            return count
        }
        cohort.referralToAdmissionMedianDays = disclosed.figure(median)
        cohort.referralToAdmissionP90Days = disclosed.figure(p90)
        cohort.areas = areas.map { cells in
            var outcome = AreaOutcome()
            outcome.area = cells.area
            outcome.baselineChildren = disclosed.count(cells.baselineChildren)
            outcome.baselineMean = disclosed.figure(cells.baselineMean)
            outcome.finalChildren = disclosed.count(cells.finalChildren)
            outcome.finalMean = disclosed.figure(cells.finalMean)
            outcome.pairedChildren = disclosed.count(cells.pairedChildren)
            outcome.meanChange = disclosed.figure(cells.meanChange)
            outcome.changeCILow = disclosed.figure(cells.low)
            outcome.changeCIHigh = disclosed.figure(cells.high)
            outcome.changeSD = disclosed.figure(cells.sd)
            outcome.shareImproved = disclosed.figure(cells.shareImproved)
            return outcome
        }
        cohort.meetings = meetings.map { kind, cells in
            var timeliness = MeetingTimeliness()
            timeliness.kind = kind
            timeliness.due = disclosed.count(cells[0])
            timeliness.heldInWindow = disclosed.count(cells[1])
            timeliness.heldEarly = disclosed.count(cells[2])
            timeliness.heldLate = disclosed.count(cells[3])
            timeliness.missed = disclosed.count(cells[4])
            timeliness.shareInWindow = disclosed.figure(cells[5])
            return timeliness
        }
        cohort.sessionsPerChild = disclosed.figure(sessionsPerChild)
        cohort.sessionMinutesPerChild = disclosed.figure(minutesPerChild)
        cohort.sessionsByType = types.map { type, children, sessions, perChild in
            var use = SessionTypeUse()
            use.serviceType = type
            use.children = disclosed.count(children)
            use.sessions = disclosed.count(sessions)
            use.sessionsPerChild = disclosed.figure(perChild)
            return use
        }
        cohort.allocation = allocation.map { method, cell in
            var count = AllocationCount()
            count.method = method
            count.children = disclosed.count(cell)
            return count
        }
        cohort.finalSummaries = disclosed.count(summaries)
        cohort.destinations = destinations.map { destination, cell in
            var count = DestinationCount()
            count.destination = destination
            count.children = disclosed.count(cell)
            return count
        }
        return cohort
    }
}

/// One area's between-cohort cells.
private struct ComparisonDraft {
    typealias Cell = DisclosureLedger.Cell
    var area: AssessmentArea
    var difference, low, high, t, df, p, g: Cell

    init(area: AssessmentArea, seventy: CohortAggregate.AreaSums, forty: CohortAggregate.AreaSums, _ ledger: inout DisclosureLedger) {
        self.area = area
        let a = seventy.change
        let b = forty.change
        let welch = TwoSample.welch(a, b)
        // Computed from both cohorts: shown only when each has 5 children or more.
        let children = min(a.count, b.count)
        difference = ledger.figure(a.count > 0 && b.count > 0 ? a.mean - b.mean : nil, children: children)
        low = ledger.figure(welch?.interval.low, children: children)
        high = ledger.figure(welch?.interval.high, children: children)
        t = ledger.figure(welch?.t, children: children)
        df = ledger.figure(welch?.degreesOfFreedom, children: children)
        p = ledger.figure(welch?.pValue, children: children)
        g = ledger.figure(TwoSample.hedgesG(a, b), children: children)
    }

    func render(_ disclosed: Disclosed) -> AreaComparison {
        var comparison = AreaComparison()
        comparison.area = area
        comparison.difference = disclosed.figure(difference)
        comparison.differenceCILow = disclosed.figure(low)
        comparison.differenceCIHigh = disclosed.figure(high)
        comparison.welchT = disclosed.figure(t)
        comparison.welchDF = disclosed.figure(df)
        comparison.pValue = disclosed.figure(p)
        comparison.hedgesG = disclosed.figure(g)
        return comparison
    }
}
