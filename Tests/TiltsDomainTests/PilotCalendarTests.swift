internal import Testing
internal import TiltsDomain

@Suite("PilotCalendar")
struct PilotCalendarTests {
    private func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }
    private let pilot = PilotCalendar.default

    @Test("The default pilot: 2026-03-01 … 2027-02-28, four quarters")
    func defaults() {
        #expect(pilot.start == day("2026-03-01"))
        #expect(pilot.end == day("2027-02-28"))
        #expect(pilot.quarterCount == 4)
    }

    @Test("Quarter ranges: March–May, June–August, September–November, December–February")
    func ranges() {
        func text(_ quarter: Int) -> String? { pilot.range(ofQuarter: quarter)?.description }
        #expect(text(1) == "2026-03-01…2026-05-31")
        #expect(text(2) == "2026-06-01…2026-08-31")
        #expect(text(3) == "2026-09-01…2026-11-30")
        #expect(text(4) == "2026-12-01…2027-02-28")
        #expect(text(0) == nil)
        #expect(text(5) == nil)
        #expect(text(-1) == nil)
    }

    @Test("Quarters of days, boundaries included", arguments: [
        ("2026-03-01", 1), ("2026-04-15", 1), ("2026-05-31", 1),
        ("2026-06-01", 2), ("2026-08-31", 2),
        ("2026-09-01", 3), ("2026-11-30", 3),
        ("2026-12-01", 4), ("2026-12-31", 4), ("2027-01-01", 4), ("2027-02-28", 4),
    ])
    func quarters(iso: String, quarter: Int) {
        #expect(pilot.quarter(of: day(iso)) == quarter)
    }

    @Test("Days outside the pilot have no quarter", arguments: ["2026-02-28", "2025-03-01", "2027-03-01", "2027-06-01", "2100-01-01"])
    func outside(iso: String) {
        #expect(pilot.quarter(of: day(iso)) == nil)
        #expect(!pilot.contains(day(iso)))
    }

    @Test("Every pilot day is in exactly the quarter whose range holds it")
    func consistency() {
        var current = pilot.start
        var count = 0
        while current <= pilot.end {
            let quarter = pilot.quarter(of: current)
            #expect(quarter.flatMap { pilot.range(ofQuarter: $0) }?.contains(current) == true)
            current = current.adding(days: 1)
            count += 1
        }
        #expect(count == 365)
        let total = (1...pilot.quarterCount).compactMap { pilot.range(ofQuarter: $0)?.dayCount }.reduce(0, +)
        #expect(total == 365)
    }

    @Test("A configured pilot that ends mid-quarter clips its last quarter")
    func clipped() {
        let short = PilotCalendar(start: day("2026-03-01"), end: day("2026-07-15"))
        #expect(short.quarterCount == 2)
        #expect(short.range(ofQuarter: 2)?.description == "2026-06-01…2026-07-15")
        #expect(short.quarter(of: day("2026-07-15")) == 2)
        #expect(short.quarter(of: day("2026-07-16")) == nil)
        #expect(short.range(ofQuarter: 3) == nil)
        let oneDay = PilotCalendar(start: day("2026-03-01"), end: day("2026-03-01"))
        #expect(oneDay.quarterCount == 1)
        #expect(oneDay.range(ofQuarter: 1)?.description == "2026-03-01…2026-03-01")
    }

    @Test("A start mid-month: quarters begin on the same day of the month, clamped in short months")
    func midMonthStart() {
        let pilot = PilotCalendar(start: day("2026-11-30"), end: day("2027-11-29"))
        #expect(pilot.quarterCount == 4)
        #expect(pilot.range(ofQuarter: 1)?.description == "2026-11-30…2027-02-27")  // Q2 begins Feb 28 (no Feb 30)
        #expect(pilot.range(ofQuarter: 2)?.description == "2027-02-28…2027-05-29")
        #expect(pilot.range(ofQuarter: 3)?.description == "2027-05-30…2027-08-29")
        #expect(pilot.range(ofQuarter: 4)?.description == "2027-08-30…2027-11-29")
        #expect(pilot.quarter(of: day("2027-02-27")) == 1)
        #expect(pilot.quarter(of: day("2027-02-28")) == 2)
    }
}
