internal import GRDB
internal import Testing
internal import TiltsDomain
internal import TiltsMessages
@testable internal import MeetingService

/// The requirements a case gets from the referral service's events, with windows checked against
/// dates worked out by hand (day n = admission + n − 1), across month and year ends.
@Suite struct RequirementWindowTests {
    func windows(_ store: MeetingStore, case caseID: String, asOf: String) async throws -> [MeetingKind: DateWindow] {
        let response = try await store.dueAndOverdue(
            scope: .all, principal: Fixture.centre, caseID: caseID, asOf: Fixture.day(asOf), overdueOnly: false)
        return Dictionary(uniqueKeysWithValues: response.requirements.map { ($0.kind, $0.window ?? DateWindow()) })
    }

    @Test func fortyDaysAcrossTheEndOfNovemberAndTheYear() async throws {
        let store = try Fixture.store()
        try await Fixture.submit(store, referral: "r-40", on: "2026-11-02")
        try await Fixture.admit(store, referral: "r-40", case: "c-40", on: "2026-11-25", length: .days40, receivedOn: "2026-11-02")
        let got = try await windows(store, case: "c-40", asOf: "2026-11-25")
        // Day 1 = 25 Nov; Nov has 30 days, so day 6 = 30 Nov and day 7 = 1 Dec.
        #expect(got[.prePlacement] == DateWindow(first: "2026-11-02", last: "2026-11-25"))
        #expect(got[.meeting1] == DateWindow(first: "2026-12-01", last: "2026-12-03"))  // days 7–9
        #expect(got[.meeting2] == DateWindow(first: "2026-12-17", last: "2026-12-21"))  // days 23–27 (target 25)
        #expect(got[.meeting3] == DateWindow(first: "2026-12-27", last: "2026-12-29"))  // days 33–35
        #expect(got.count == 4)
    }

    @Test func seventyDaysAcrossFebruary() async throws {
        let store = try Fixture.store()
        try await Fixture.submit(store, referral: "r-70", on: "2027-01-05")
        try await Fixture.admit(store, referral: "r-70", case: "c-70", on: "2027-01-28", length: .days70, receivedOn: "2027-01-05")
        let got = try await windows(store, case: "c-70", asOf: "2027-01-28")
        // Day 1 = 28 Jan; day 5 = 1 Feb; 2027 is not a leap year, so day 33 = 1 Mar.
        #expect(got[.meeting1] == DateWindow(first: "2027-02-03", last: "2027-02-05"))  // days 7–9
        #expect(got[.meeting2] == DateWindow(first: "2027-03-06", last: "2027-03-10"))  // days 38–42 (target 40)
        #expect(got[.meeting3] == DateWindow(first: "2027-03-31", last: "2027-04-02"))  // days 63–65
    }

    @Test func seventyDaysAcrossTheYearEnd() async throws {
        let store = try Fixture.store()
        try await Fixture.submit(store, referral: "r-y", on: "2026-12-01")
        try await Fixture.admit(store, referral: "r-y", case: "c-y", on: "2026-12-20", length: .days70, receivedOn: "2026-12-01")
        let got = try await windows(store, case: "c-y", asOf: "2026-12-20")
        // Day 1 = 20 Dec; day 13 = 1 Jan; day 44 = 1 Feb.
        #expect(got[.meeting1] == DateWindow(first: "2026-12-26", last: "2026-12-28"))
        #expect(got[.meeting2] == DateWindow(first: "2027-01-26", last: "2027-01-30"))
        #expect(got[.meeting3] == DateWindow(first: "2027-02-20", last: "2027-02-22"))
    }

    @Test func fortyDaysOverALeapDay() async throws {
        let store = try Fixture.store()
        try await Fixture.admit(store, referral: "r-l", case: "c-l", on: "2028-02-10", length: .days40, receivedOn: "2028-01-20")
        let got = try await windows(store, case: "c-l", asOf: "2028-02-10")
        // Day 1 = 10 Feb 2028; 29 Feb is day 20, so day 23 = 3 Mar.
        #expect(got[.meeting1] == DateWindow(first: "2028-02-16", last: "2028-02-18"))
        #expect(got[.meeting2] == DateWindow(first: "2028-03-03", last: "2028-03-07"))
        #expect(got[.meeting3] == DateWindow(first: "2028-03-13", last: "2028-03-15"))
        // Without a ReferralSubmitted first, the pre-placement requirement comes from CaseAdmitted.
        #expect(got[.prePlacement] == DateWindow(first: "2028-01-20", last: "2028-02-10"))
    }

    @Test func theWindowsAreTheTimelineFunctions() async throws {
        let store = try Fixture.store()
        for (index, length) in CourseLength.allCases.enumerated() {
            let admission = Fixture.day("2026-10-31").adding(days: index * 3)
            try await Fixture.admit(
                store, referral: "r\(index)", case: "c\(index)", on: admission.description, length: length,
                receivedOn: "2026-10-01")
            let timeline = CaseTimeline(admission: admission, length: length)
            let got = try await windows(store, case: "c\(index)", asOf: admission.description)
            #expect(got[.meeting1] == DateWindow(first: timeline.meeting1.first.description, last: timeline.meeting1.last.description))
            #expect(got[.meeting2] == DateWindow(first: timeline.meeting2.first.description, last: timeline.meeting2.last.description))
            #expect(got[.meeting3] == DateWindow(first: timeline.meeting3.first.description, last: timeline.meeting3.last.description))
        }
    }

    @Test func applyingTheSameEventsAgainChangesNothing() async throws {
        let store = try Fixture.store()
        for _ in 0..<2 {
            try await Fixture.submit(store, referral: "r", on: "2026-11-02")
            try await Fixture.admit(store, referral: "r", case: "c", on: "2026-11-25", length: .days40, receivedOn: "2026-11-02")
        }
        let count = try await store.database.read { db in try RequirementRecord.fetchCount(db) }
        #expect(count == 4)
    }
}
