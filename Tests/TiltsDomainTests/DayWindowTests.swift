internal import Testing
internal import TiltsDomain

@Suite("DayWindow")
struct DayWindowTests {
    @Test("Both ends are inside")
    func contains() {
        let window = DayWindow(first: CalendarDay(iso: "2026-12-30")!, last: CalendarDay(iso: "2027-01-01")!)
        #expect(!window.contains(CalendarDay(iso: "2026-12-29")!))
        #expect(window.contains(CalendarDay(iso: "2026-12-30")!))
        #expect(window.contains(CalendarDay(iso: "2026-12-31")!))
        #expect(window.contains(CalendarDay(iso: "2027-01-01")!))
        #expect(!window.contains(CalendarDay(iso: "2027-01-02")!))
        #expect(window.dayCount == 3)
        #expect(window.description == "2026-12-30…2027-01-01")
    }

    @Test("A one-day window")
    func oneDay() {
        let day = CalendarDay(iso: "2028-02-29")!
        let window = DayWindow(first: day, last: day)
        #expect(window.contains(day) && window.dayCount == 1)
    }
}
