internal import Foundation
internal import Testing
internal import TiltsDomain

@Suite("CalendarDay")
struct CalendarDayTests {
    private func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }

    @Test("Valid days are accepted, impossible ones refused (leap years included)")
    func validation() {
        #expect(CalendarDay(year: 2026, month: 3, day: 1) != nil)
        #expect(CalendarDay(year: 2028, month: 2, day: 29) != nil)  // divisible by 4
        #expect(CalendarDay(year: 2000, month: 2, day: 29) != nil)  // divisible by 400
        #expect(CalendarDay(year: 2026, month: 2, day: 29) == nil)
        #expect(CalendarDay(year: 1900, month: 2, day: 29) == nil)  // century, not by 400
        #expect(CalendarDay(year: 2026, month: 4, day: 31) == nil)
        #expect(CalendarDay(year: 2026, month: 12, day: 31) != nil)
        #expect(CalendarDay(year: 2026, month: 13, day: 1) == nil)
        #expect(CalendarDay(year: 2026, month: 0, day: 1) == nil)
        #expect(CalendarDay(year: 2026, month: 1, day: 0) == nil)
        #expect(CalendarDay(year: 0, month: 1, day: 1) == nil)
        #expect(CalendarDay(year: 10000, month: 1, day: 1) == nil)
    }

    @Test("Strict YYYY-MM-DD parsing", arguments: [
        "2026-3-01", "2026-03-1", "26-03-01", "2026/03/01", "2026-03-01T00:00", " 2026-03-01", "2026-03-01 ",
        "+026-03-01", "2026-03-0a", "2026--3-01", "2026-W09-1", "2026-060", "", "2026-02-29", "2026-13-01",
        "0000-01-01", "2026-00-10", "20260301", "２０２６-03-01",
    ])
    func rejectsNonStrict(text: String) {
        #expect(CalendarDay(iso: text) == nil)
    }

    @Test("Parsing and printing round-trip")
    func parseAndPrint() {
        let parsed = CalendarDay(iso: "2028-02-29")
        #expect(parsed?.year == 2028 && parsed?.month == 2 && parsed?.day == 29)
        #expect(CalendarDay(year: 7, month: 1, day: 5)!.description == "0007-01-05")
        for text in ["0001-01-01", "1969-12-31", "2026-03-01", "9999-12-31"] {
            #expect(CalendarDay(iso: text)?.description == text)
        }
    }

    @Test("Ordering follows the calendar")
    func ordering() {
        #expect(day("2026-12-31") < day("2027-01-01"))
        #expect(day("2026-02-28") < day("2026-03-01"))
        #expect(day("2026-03-09") < day("2026-03-10"))
        #expect(!(day("2026-03-10") < day("2026-03-10")))
        #expect([day("2027-01-01"), day("2026-01-02"), day("2026-01-01")].sorted().map(\.description)
            == ["2026-01-01", "2026-01-02", "2027-01-01"])
    }

    @Test("Arithmetic across months, years and leap days")
    func arithmetic() {
        #expect(day("2026-12-31").adding(days: 1) == day("2027-01-01"))
        #expect(day("2027-01-01").adding(days: -1) == day("2026-12-31"))
        #expect(day("2028-02-28").adding(days: 1) == day("2028-02-29"))
        #expect(day("2027-02-28").adding(days: 1) == day("2027-03-01"))
        #expect(day("2026-03-01").adding(days: 365) == day("2027-03-01"))
        #expect(day("2027-03-01").adding(days: 366) == day("2028-03-01"))  // spans 2028-02-29
        #expect(day("2026-03-01").adding(days: 0) == day("2026-03-01"))
        #expect(day("2026-03-01").days(until: day("2027-02-28")) == 364)
        #expect(day("2027-02-28").days(until: day("2026-03-01")) == -364)
        #expect(day("1999-12-31").days(until: day("2000-03-01")) == 61)  // 1 + 31 + 29
        #expect(day("1899-12-31").days(until: day("1900-03-01")) == 60)  // 1 + 31 + 28
    }

    @Test("Day numbers: known values (from Python's datetime), weekdays")
    func knownDayNumbers() {
        #expect(day("1970-01-01").dayNumber == 0)
        #expect(day("1969-12-31").dayNumber == -1)
        #expect(day("2026-03-01").dayNumber == 20513)
        #expect(day("2000-02-29").dayNumber == 11016)
        #expect(day("1900-03-01").dayNumber == -25508)
        #expect(day("0001-01-01").dayNumber == -719_162)
        #expect(day("9999-12-31").dayNumber == 2_932_896)
        #expect(CalendarDay.validDayNumbers == -719_162...2_932_896)
        #expect(CalendarDay(dayNumber: 21243) == day("2028-02-29"))
        #expect(day("2026-03-01").isoWeekday == 7)
        #expect(day("1970-01-01").isoWeekday == 4)
        #expect(day("1969-12-31").isoWeekday == 3)
        #expect(day("0001-01-01").isoWeekday == 1)
    }

    @Test("Day numbers round-trip and are consecutive over 1890–2110")
    func dayNumberRoundTrip() {
        var previous = day("1889-12-31")
        for number in (previous.dayNumber + 1)...day("2110-12-31").dayNumber {
            let current = CalendarDay(dayNumber: number)
            #expect(current.dayNumber == number)
            #expect(previous < current)
            // Consecutive: either the next day of the month, or the 1st after the month's last day.
            let continues = current.year == previous.year && current.month == previous.month
                && current.day == previous.day + 1
            let newMonth = current.day == 1 && previous.day == CalendarDay.daysInMonth(previous.month, year: previous.year)
                && (current.month == previous.month + 1 && current.year == previous.year
                    || current.month == 1 && previous.month == 12 && current.year == previous.year + 1)
            if !(continues || newMonth) {
                Issue.record("\(previous) is not followed by \(current)")
                return
            }
            previous = current
        }
    }

    @Test("Codable as a YYYY-MM-DD string")
    func codable() throws {
        // Foundation only in the test, to drive Codable; TiltsDomain itself does not use it.
        let encoded = try JSONEncoder().encode([day("2026-03-25")])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["2026-03-25"]"#)
        #expect(try JSONDecoder().decode([CalendarDay].self, from: Data(#"["2028-02-29"]"#.utf8)) == [day("2028-02-29")])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarDay].self, from: Data(#"["2026-02-29"]"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarDay].self, from: Data(#"["2026-3-1"]"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarDay].self, from: Data("[20513]".utf8)) }
    }
}
