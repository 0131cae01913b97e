internal import Testing
@testable internal import ReportingService
internal import TiltsDomain
internal import TiltsMessages

/// GetQuarterlyReport on ``PilotScenario``'s first quarter (2026-03-01 … 2026-05-31), by hand:
/// referrals and admissions riga 6, cesis 4, valmiera 2; completions (the 40-day children 1–5)
/// riga 3, cesis 2; terminations valmiera 2. Course-days: 40-day 5 × 40 + 20 = 220; 70-day
/// (62 − c for c = 1…5) + 30 = 325; 545 of 12 × 92 = 1104 available.
@Suite struct QuarterlyReportBuilderTests {
    let today = CalendarDay(year: 2026, month: 11, day: 23)!

    func report(quarter: Int = 1, municipality: String? = nil, suppressing: Bool, rate: Double? = 95) async throws -> QuarterlyReport {
        let store = try await PilotScenario.store()
        return QuarterlyReportBuilder(
            quarter: quarter, window: PilotCalendar.default.range(ofQuarter: quarter)!, today: today, capacity: 12,
            dailyRateEur: rate, municipality: municipality
        ).build(model: try await store.model(), suppressing: suppressing)
    }

    func values(_ activity: MunicipalityActivity?) -> [Int64] {
        [activity?.referrals, activity?.admissions, activity?.completions, activity?.terminations].map { $0?.value ?? -1 }
    }

    @Test func theCentreSeesTheQuarterByMunicipality() async throws {
        let report = try await report(suppressing: false)
        #expect(report.period == DateWindow(first: "2026-03-01", last: "2026-05-31"))
        #expect(report.municipalities.map(\.municipality) == ["cesis", "riga", "valmiera"])
        #expect(report.municipalities.map(values) == [[4, 4, 2, 0], [6, 6, 3, 0], [2, 2, 0, 2]])
        #expect(values(report.total) == [12, 12, 5, 2])
        #expect(report.courseDaysDelivered?.value == 545)
        #expect(report.courseDaysByCohort.map { $0.courseDays?.value } == [220, 325])
        #expect(report.bedDaysAvailable == 1104)
        #expect(abs((report.occupancy?.value ?? 0) - 545.0 / 1104) < 1e-12)
        #expect(report.costEur == ReportFigure(value: 545 * 95, disclosure: .shown))
        #expect(report.waitingAtQuarterEnd?.value == 0)
        let meetings = report.meetings.map { [$0.windowsClosed, $0.heldInTime, $0.heldLate, $0.notHeld].map { $0?.value ?? -1 } }
        #expect(report.meetings.map(\.kind) == [.prePlacement, .meeting1, .meeting2, .meeting3])
        #expect(meetings == [[12, 12, 0, 0], [12, 11, 1, 0], [10, 10, 0, 0], [5, 5, 0, 0]])
        #expect(report.overdueActions == ReportCount(value: 0, disclosure: .shown) && report.overdueActionsReported)
        #expect(report.caveats.isEmpty)
    }

    @Test func theMinistrySeesNoColumnWithASingleHiddenCell() async throws {
        let report = try await report(suppressing: true)
        let rows = report.municipalities + [report.total!]
        for column in 0..<4 {
            let cells = rows.map { [$0.referrals, $0.admissions, $0.completions, $0.terminations][column]! }
            #expect(cells.filter { $0.disclosure == .suppressed }.count != 1, "column \(column)")
            #expect(cells.allSatisfy { $0.disclosure == .shown ? !(1...4).contains($0.value) : true })
        }
        #expect(report.municipalities[0].referrals?.disclosure == .suppressed, "cesis: 4")
        #expect(report.total?.referrals == ReportCount(value: 12, disclosure: .shown))
        #expect(report.meetings[1].heldLate?.disclosure == .suppressed && report.meetings[1].heldInTime?.disclosure == .suppressed)
        #expect(report.courseDaysDelivered == ReportCount(value: 545, disclosure: .shown))
        #expect(report.caveats.map(\.code).contains("SUPPRESSION_APPLIED"))
    }

    @Test func aSocialServiceSeesItsOwnMunicipalityOnly() async throws {
        let report = try await report(municipality: "riga", suppressing: true)
        #expect(report.municipalityScope == "riga")
        #expect(report.municipalities.map(\.municipality) == ["riga"])
        #expect(values(report.municipalities[0]).enumerated().map { $0.offset == 2 ? -1 : $0.element } == [6, 6, -1, 0])
        #expect(report.municipalities[0].completions?.disclosure == .suppressed && report.total?.completions?.disclosure == .suppressed)
        // Riga's six children: 40-day 1–3 (40 days each), 70-day 1–3 (61 + 60 + 59).
        #expect(report.courseDaysDelivered == ReportCount(value: 300, disclosure: .shown))
        #expect(report.caveats.map(\.code).contains("MUNICIPALITY_SCOPE"))
        let unknown = try await self.report(municipality: "liepaja", suppressing: true)
        #expect(unknown.municipalities.map(\.municipality) == ["liepaja"] && unknown.total?.admissions?.value == 0)
    }

    @Test func withoutADailyRateTheCostIsNotAvailable() async throws {
        let report = try await report(suppressing: false, rate: nil)
        #expect(report.costEur?.disclosure == .notAvailable && report.dailyRateEur == 0)
    }

    /// ``ActionScenario``'s figures, counted by hand in its table.
    @Test func overdueActionsFollowTheOneRule() async throws {
        let store = try ReportingFixtures.store()
        try await ReportingFixtures.apply(ActionScenario.events(), to: store)
        let model = try await store.model()
        func overdue(_ quarter: Int, today: CalendarDay? = nil, municipality: String? = nil, suppressing: Bool = false) -> ReportCount? {
            let report = QuarterlyReportBuilder(
                quarter: quarter, window: PilotCalendar.default.range(ofQuarter: quarter)!, today: today ?? self.today, capacity: 12,
                dailyRateEur: nil, municipality: municipality
            ).build(model: model, suppressing: suppressing)
            #expect(report.overdueActionsReported && !report.caveats.map(\.code).contains("OVERDUE_ACTIONS_NOT_REPORTED"))
            return report.overdueActions
        }
        #expect(overdue(1) == ReportCount(value: 2, disclosure: .shown))
        #expect(overdue(2) == ReportCount(value: 5, disclosure: .shown))
        #expect(overdue(2, municipality: "riga") == ReportCount(value: 4, disclosure: .shown))
        #expect(overdue(2, municipality: "riga", suppressing: true) == ReportCount(value: 0, disclosure: .suppressed))
        #expect(overdue(2, suppressing: true) == ReportCount(value: 5, disclosure: .shown))
        #expect(overdue(3) == ReportCount(value: 5, disclosure: .shown))
        // On a6's due day it is not overdue yet; the day after it is.
        #expect(overdue(3, today: CalendarDay(year: 2026, month: 9, day: 5)!)?.value == 4)
        #expect(overdue(3, today: CalendarDay(year: 2026, month: 9, day: 6)!)?.value == 5)
        // A quarter that has not started counts nothing.
        #expect(overdue(4)?.value == 0)
    }

    @Test func theOverdueRuleDayByDay() {
        let d = { (text: String) in Int32(ReportingFixtures.day(text).dayNumber) }
        var action = AgreedActionFacts()
        action.held = d("2026-06-10")
        action.due = d("2026-06-30")
        let (q2, q3) = (d("2026-06-01"), d("2026-09-01"))
        // Open: past due from the day after its due day; overdue in the quarter it fell due and, while open, after.
        #expect(!action.isPastDue(asOf: d("2026-06-30")) && action.isPastDue(asOf: d("2026-07-01")))
        #expect(!action.isOverdue(quarterFirst: q2, asOf: d("2026-06-30"), today: d("2026-06-30")))
        #expect(action.isOverdue(quarterFirst: q2, asOf: d("2026-07-01"), today: d("2026-07-01")))
        #expect(action.isOverdue(quarterFirst: q3, asOf: d("2026-11-30"), today: d("2026-12-01")))
        // Done on its due day: never overdue.
        action.done = d("2026-06-30")
        #expect(!action.isPastDue(asOf: d("2026-07-01")))
        #expect(!action.isOverdue(quarterFirst: q2, asOf: d("2026-08-31"), today: d("2026-12-01")))
        // Done late, in the next quarter: overdue in the quarter it fell due, not in the one it was done.
        action.done = d("2026-09-03")
        #expect(action.isPastDue(asOf: d("2026-09-02")) && !action.isPastDue(asOf: d("2026-09-03")))
        #expect(action.isOverdue(quarterFirst: q2, asOf: d("2026-08-31"), today: d("2026-12-01")))
        #expect(!action.isOverdue(quarterFirst: q3, asOf: d("2026-11-30"), today: d("2026-12-01")))
        // Not known before its meeting was held (a due day before the meeting); without a due day, never.
        action.done = CaseFacts.noDay
        action.due = d("2026-06-05")
        #expect(!action.isPastDue(asOf: d("2026-06-09")) && action.isPastDue(asOf: d("2026-06-10")))
        action.due = CaseFacts.noDay
        #expect(!action.isPastDue(asOf: d("2026-12-01")))
        #expect(!action.isOverdue(quarterFirst: q2, asOf: d("2026-08-31"), today: d("2026-12-01")))
    }

    @Test func theSecondQuarterHasTheLongCoursesEnds() async throws {
        let report = try await report(quarter: 2, suppressing: false)
        #expect(values(report.total) == [0, 0, 5, 0])
        // 70-day children 1–5: June 1 … their day 70 (June 9 … June 13): 9 + 10 + 11 + 12 + 13.
        #expect(report.courseDaysDelivered?.value == 55)
        #expect(report.meetings[3].windowsClosed?.value == 5 && report.meetings[3].heldInTime?.value == 5)
    }
}
