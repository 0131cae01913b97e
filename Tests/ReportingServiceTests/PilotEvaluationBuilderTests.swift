internal import Testing
@testable internal import ReportingService
internal import TiltsDomain
internal import TiltsMessages

/// GetPilotEvaluation on ``PilotScenario``, against figures worked out by hand (and the Welch
/// figures by scipy: t 2.7386127875, df 10, p 0.0208824109, CI 0.1863987263 … 1.8136012737).
@Suite struct PilotEvaluationBuilderTests {
    let today = CalendarDay(year: 2026, month: 11, day: 23)!

    func evaluation(suppressing: Bool, assessmentFirst: Bool = false) async throws -> PilotEvaluation {
        let store = try await PilotScenario.store(assessmentFirst: assessmentFirst)
        let model = try await store.model()
        let pilot = PilotCalendar.default.period
        let types = try await store.sessionTypes(admittedFrom: pilot.first.dayNumber, through: pilot.last.dayNumber)
        return PilotEvaluationBuilder(period: pilot, today: today, instrumentID: "pilot-mapping")
            .build(model: model, sessionTypes: types, suppressing: suppressing)
    }

    static func near(_ figure: ReportFigure?, _ value: Double, _ tolerance: Double = 1e-6) -> Bool {
        guard let figure, figure.disclosure == .shown else { return false }
        return abs(figure.value - value) <= tolerance
    }

    @Test func theCentreSeesEveryHandComputedFigure() async throws {
        let report = try await evaluation(suppressing: false)
        #expect(report.cohorts.map(\.courseLengthDays) == [40, 70])
        for cohort in report.cohorts {
            #expect(cohort.referred?.value == 6 && cohort.admitted?.value == 6 && cohort.inCourse?.value == 0)
            #expect(cohort.completed?.value == 5 && cohort.terminatedEarly?.value == 1)
            #expect(Self.near(cohort.referralToAdmissionMedianDays, 9) && Self.near(cohort.referralToAdmissionP90Days, 16))
            #expect(cohort.allocation.first { $0.method == .randomized }?.children?.value == 6)
            #expect(cohort.finalSummaries?.value == 5)
            #expect(cohort.destinations.first { $0.destination == .home }?.children?.value == 5)
            #expect(cohort.areas.count == 6)
            #expect(cohort.areas.allSatisfy { $0.pairedChildren?.value == 6 && Self.near($0.changeSD, 0.4.squareRoot()) })
            #expect(cohort.meetings.map(\.kind) == [.prePlacement, .meeting1, .meeting2, .meeting3])
            #expect(cohort.meetings[0].due?.value == 6 && cohort.meetings[0].heldInWindow?.value == 6)
            #expect(cohort.meetings[2].due?.value == 5 && cohort.meetings[2].heldInWindow?.value == 5, "the terminated child's meeting 2 is cancelled")
            #expect(cohort.meetings[3].due?.value == 5 && cohort.meetings[3].heldInWindow?.value == 5)
        }
        let (forty, seventy) = (report.cohorts[0], report.cohorts[1])
        #expect(forty.terminations.first { $0.reason == .ranAway }?.children?.value == 1)
        #expect(seventy.terminations.first { $0.reason == .healthWorsened }?.children?.value == 1)
        let area40 = forty.areas[0]
        #expect(area40.area == .emotional)
        #expect(Self.near(area40.baselineMean, 13.0 / 6) && Self.near(area40.finalMean, 19.0 / 6))
        #expect(Self.near(area40.meanChange, 1) && Self.near(area40.shareImproved, 5.0 / 6))
        #expect(Self.near(area40.changeCILow, 1 - 0.6637213759655158) && Self.near(area40.changeCIHigh, 1 + 0.6637213759655158))
        let area70 = seventy.areas[5]
        #expect(Self.near(area70.baselineMean, 1.5) && Self.near(area70.finalMean, 3.5) && Self.near(area70.meanChange, 2))
        #expect(Self.near(area70.shareImproved, 1))
        #expect(forty.meetings[1].heldInWindow?.value == 5 && forty.meetings[1].heldLate?.value == 1)
        #expect(Self.near(forty.meetings[1].shareInWindow, 5.0 / 6))
        #expect(seventy.meetings[1].heldInWindow?.value == 6)
        #expect(Self.near(forty.sessionsPerChild, 2) && Self.near(seventy.sessionsPerChild, 3))
        #expect(Self.near(forty.sessionMinutesPerChild, 90) && Self.near(seventy.sessionMinutesPerChild, 180))
        #expect(forty.sessionsByType.map(\.serviceType) == ["individual_psychologist"])
        #expect(seventy.sessionsByType.map(\.serviceType) == ["family_therapy", "individual_psychologist"])
        #expect(seventy.sessionsByType[0].children?.value == 6 && seventy.sessionsByType[0].sessions?.value == 6)
        #expect(forty.sessionsByType[0].sessions?.value == 12 && Self.near(forty.sessionsByType[0].sessionsPerChild, 2))

        #expect(report.comparisons.count == 6)
        for comparison in report.comparisons {
            #expect(Self.near(comparison.difference, 1))
            #expect(Self.near(comparison.welchT, 2.7386127875258306) && Self.near(comparison.welchDF, 10))
            #expect(Self.near(comparison.pValue, 0.020882410865328615))
            #expect(Self.near(comparison.differenceCILow, 0.18639872634230226))
            #expect(Self.near(comparison.differenceCIHigh, 1.8136012736576976))
            #expect(Self.near(comparison.hedgesG, (1 / 0.4.squareRoot()) * (1 - 3.0 / 39)))
        }
        #expect(report.caveats.map(\.code) == ["COHORT_UNDER_10", "COHORT_UNDER_10", "PERIOD_IN_PROGRESS"])
        #expect(report.caveats.allSatisfy { !$0.textLv.isEmpty && !$0.textEn.isEmpty })
        #expect(!report.suppressionApplied)
    }

    @Test func theMinistrySeesTheSameReportWithSmallCountsHidden() async throws {
        let report = try await evaluation(suppressing: true)
        #expect(report.suppressionApplied)
        #expect(report.caveats.map(\.code).contains("SUPPRESSION_APPLIED"))
        for cohort in report.cohorts {
            #expect(cohort.admitted == ReportCount(value: 6, disclosure: .shown))
            #expect(cohort.terminatedEarly?.disclosure == .suppressed, "1 child")
            #expect(cohort.completed?.disclosure == .suppressed, "complement: 6 − 0 − 5 would give the 1 away")
            #expect(cohort.inCourse == ReportCount(value: 0, disclosure: .shown))
            #expect(cohort.terminations.allSatisfy { $0.children?.disclosure != .shown || $0.children?.value == 0 })
            #expect(cohort.meetings[2].due == ReportCount(value: 5, disclosure: .shown))
            #expect(cohort.areas.allSatisfy { $0.meanChange?.disclosure == .shown }, "6 children each")
        }
        let forty = report.cohorts[0]
        #expect(forty.meetings[1].heldLate?.disclosure == .suppressed)
        #expect(forty.meetings[1].heldInWindow?.disclosure == .suppressed)
        #expect(forty.meetings[1].shareInWindow?.disclosure == .suppressed)
        #expect(forty.areas[0].shareImproved?.disclosure == .suppressed, "5 of 6: one child did not improve")
        #expect(report.cohorts[1].areas[0].shareImproved == ReportFigure(value: 1, disclosure: .shown))
        #expect(Self.near(report.comparisons[0].pValue, 0.020882410865328615))
    }

    @Test func theOrderOfTheStreamsChangesNoFigure() async throws {
        let inOrder = try await evaluation(suppressing: false)
        let assessmentFirst = try await evaluation(suppressing: false, assessmentFirst: true)
        #expect(inOrder == assessmentFirst)
    }

    @Test func anEmptyStoreGivesAnEvaluationWithNothingAvailable() async throws {
        let store = try ReportingFixtures.store()
        let report = PilotEvaluationBuilder(period: PilotCalendar.default.period, today: today, instrumentID: "pilot-mapping")
            .build(model: try await store.model(), sessionTypes: [], suppressing: true)
        #expect(report.cohorts.allSatisfy { $0.admitted == ReportCount(value: 0, disclosure: .shown) })
        #expect(report.cohorts[0].areas[0].meanChange?.disclosure == .notAvailable)
        #expect(report.comparisons[0].pValue?.disclosure == .notAvailable)
        #expect(report.cohorts[0].referralToAdmissionMedianDays?.disclosure == .notAvailable)
    }

    @Test func aPeriodCountsOnlyItsAdmissionsAndWhatWasKnownByItsEnd() async throws {
        let store = try await PilotScenario.store()
        let model = try await store.model()
        // 2026-04-01 … 2026-04-03: children 1–3 of each cohort; by 2026-04-03 nobody has a FINAL.
        let period = DayWindow(first: PilotScenario.admission(1), last: PilotScenario.admission(3))
        let report = PilotEvaluationBuilder(period: period, today: today, instrumentID: "pilot-mapping")
            .build(model: model, sessionTypes: [], suppressing: false)
        #expect(report.cohorts.allSatisfy { $0.admitted?.value == 3 && $0.inCourse?.value == 3 })
        #expect(report.cohorts[0].areas[0].finalChildren?.value == 0)
        #expect(report.cohorts[0].areas[0].baselineChildren?.value == 0, "BASELINE is on day 9")
        #expect(report.cohorts[0].meetings[1].due?.value == 0, "meeting 1's window has not closed")
    }

    @Test func notRandomizedAllocationGetsItsCaveat() async throws {
        let store = try ReportingFixtures.store()
        try await ReportingFixtures.apply(
            [
                ReportingFixtures.submitted("r1", on: "2026-03-10"),
                ReportingFixtures.admitted("c1", referral: "r1", on: "2026-03-20", length: 40, received: "2026-03-10", allocation: .asRequested),
            ], to: store)
        let report = PilotEvaluationBuilder(period: PilotCalendar.default.period, today: today, instrumentID: "pilot-mapping")
            .build(model: try await store.model(), sessionTypes: [], suppressing: false)
        #expect(report.caveats.map(\.code).contains("ALLOCATION_NOT_RANDOMIZED"))
        #expect(report.cohorts[0].allocation.first { $0.method == .asRequested }?.children?.value == 1)
    }
}
