import Testing
import TiltsDomain
import TiltsMessages
@testable import ReferralService

@Suite struct AdmissionRulesTests {
    let randomizer = BlockRandomizer(seed: 42)

    func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }

    @Test func requestedPolicyUsesTheSocialServicesLength() {
        #expect(AdmissionRules.allocate(
            policy: .requested, requested: .requested70Days, askedDays: 0, ageBand: .from7To11, randomizer: randomizer,
            randomizedIndex: 0) == .allocated(.days70, .asRequested))
        #expect(AdmissionRules.allocate(
            policy: .requested, requested: .requested70Days, askedDays: 40, ageBand: .from7To11, randomizer: randomizer,
            randomizedIndex: 0) == .conflict("the allocation policy is 'requested' and the social service requested 70 days"))
        #expect(AdmissionRules.allocate(
            policy: .requested, requested: .centreDecides, askedDays: 40, ageBand: .from7To11, randomizer: randomizer,
            randomizedIndex: 0) == .allocated(.days40, .centreChoice))
        if case .invalid(let field, _) = AdmissionRules.allocate(
            policy: .requested, requested: .centreDecides, askedDays: 0, ageBand: .from7To11, randomizer: randomizer,
            randomizedIndex: 0)
        {
            #expect(field == "course_length_days")
        } else {
            Issue.record("centre-decides without a length must be invalid")
        }
    }

    @Test func randomizedPolicyFollowsTheBlocksPerAgeBand() {
        let lengths = (0..<8).map { index -> CourseLength? in
            if case .allocated(let length, .randomized) = AdmissionRules.allocate(
                policy: .randomized, requested: .requested70Days, askedDays: 0, ageBand: .from12To14,
                randomizer: randomizer, randomizedIndex: index)
            {
                return length
            }
            return nil
        }
        #expect(lengths.allSatisfy { $0 != nil })
        #expect(lengths.prefix(4).filter { $0 == .days40 }.count == 2, "each block of 4 is balanced")
        #expect(lengths.map { $0! } == (0..<8).map { randomizer.allocation(ageBand: .from12To14, index: $0) })
    }

    @Test func peakOccupancyCountsTheBusiestDayOfTheCourse() {
        let courses = [
            AdmissionRules.Occupancy(admission: day("2026-11-01"), lastDay: day("2026-12-10")),
            AdmissionRules.Occupancy(admission: day("2026-12-20"), lastDay: day("2027-01-28")),
        ]
        // 2026-12-05 … 2027-01-13 overlaps the first course, then the second, never both at once.
        #expect(AdmissionRules.peakOccupancy(of: courses, during: DayWindow(first: day("2026-12-05"), last: day("2027-01-13"))) == 1)
        let third = courses + [AdmissionRules.Occupancy(admission: day("2026-12-08"), lastDay: day("2027-01-16"))]
        #expect(AdmissionRules.peakOccupancy(of: third, during: DayWindow(first: day("2026-12-05"), last: day("2027-01-13"))) == 2)
    }

    @Test func waitingListPutsUrgentFirstAndEstimatesPlaces() {
        let waiting = [
            AdmissionRules.Waiting(referralID: "a", urgent: false, receivedAtMicros: 1, requested: .requested40Days),
            AdmissionRules.Waiting(referralID: "b", urgent: true, receivedAtMicros: 5, requested: .requested70Days),
            AdmissionRules.Waiting(referralID: "c", urgent: false, receivedAtMicros: 2, requested: .requested40Days),
        ]
        // One place, taken until 2026-12-10: b gets it from 12-11 for 70 days, then a from 2027-02-19.
        let inCourse = [AdmissionRules.Occupancy(admission: day("2026-11-01"), lastDay: day("2026-12-10"))]
        let list = AdmissionRules.waitingList(waiting: waiting, inCourse: inCourse, capacity: 1, asOf: day("2026-11-24"))
        #expect(list.map(\.0.referralID) == ["b", "a", "c"])
        #expect(list.map(\.1) == [day("2026-12-11"), day("2027-02-19"), day("2027-03-31")])
    }

    @Test func freePlacesAreAvailableToday() {
        let waiting = [AdmissionRules.Waiting(referralID: "a", urgent: false, receivedAtMicros: 1, requested: .requested40Days)]
        let list = AdmissionRules.waitingList(waiting: waiting, inCourse: [], capacity: 3, asOf: day("2026-11-24"))
        #expect(list.map(\.1) == [day("2026-11-24")])
    }
}
