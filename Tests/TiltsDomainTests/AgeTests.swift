internal import Testing
internal import TiltsDomain

@Suite("ageInYears")
struct AgeTests {
    private func age(_ birth: String, _ on: String) -> Int {
        ageInYears(birthDate: CalendarDay(iso: birth)!, on: CalendarDay(iso: on)!)
    }

    @Test("A birthday counts on its own day")
    func birthdayOnTheDay() {
        #expect(age("2015-06-10", "2026-06-09") == 10)
        #expect(age("2015-06-10", "2026-06-10") == 11)
        #expect(age("2015-06-10", "2026-06-11") == 11)
        #expect(age("2015-06-10", "2015-06-10") == 0)
        #expect(age("2015-12-31", "2026-01-01") == 10)
        #expect(age("2015-01-01", "2026-12-31") == 11)
        #expect(age("2015-01-01", "2025-12-31") == 10)
    }

    @Test("Born on 29 February: a year older on 1 March in common years, on 29 February in leap years")
    func leapDay() {
        #expect(age("2012-02-29", "2027-02-28") == 14)
        #expect(age("2012-02-29", "2027-03-01") == 15)
        #expect(age("2012-02-29", "2028-02-28") == 15)
        #expect(age("2012-02-29", "2028-02-29") == 16)
        #expect(age("2012-02-29", "2013-02-28") == 0)
        #expect(age("2012-02-29", "2013-03-01") == 1)
    }

    @Test("Before birth the age is negative")
    func beforeBirth() {
        #expect(age("2015-06-10", "2015-06-09") == -1)
        #expect(age("2015-06-10", "2014-06-10") == -1)
    }
}

@Suite("AgeBand")
struct AgeBandTests {
    @Test("Each age 0–17 falls in its band")
    func bands() {
        let expected: [AgeBand] = Array(repeating: .upTo6, count: 7) + Array(repeating: .from7To11, count: 5)
            + Array(repeating: .from12To14, count: 3) + Array(repeating: .from15To17, count: 3)
        #expect((0...17).map(AgeBand.init(age:)) == expected)
        for band in AgeBand.allCases {
            #expect(band.ages.allSatisfy { AgeBand(age: $0) == band })
        }
        #expect(AgeBand.allCases.map(\.rawValue) == ["0-6", "7-11", "12-14", "15-17"])
    }

    @Test("Ages outside 0–17 clamp, or are refused by init(validatingAge:)")
    func outside() {
        #expect(AgeBand(age: -1) == .upTo6)
        #expect(AgeBand(age: 18) == .from15To17)
        #expect(AgeBand(validatingAge: -1) == nil)
        #expect(AgeBand(validatingAge: 18) == nil)
        #expect(AgeBand(validatingAge: 17) == .from15To17)
        #expect(AgeBand(validatingAge: 0) == .upTo6)
    }
}
