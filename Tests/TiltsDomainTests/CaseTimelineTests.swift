internal import Testing
internal import TiltsDomain

/// Every expected date below was worked out by hand from "day n = admission + (n − 1)" (the arithmetic
/// is in the comments), not by the code under test.
@Suite("CaseTimeline")
struct CaseTimelineTests {
    private struct Expected {
        var mapping: (String, String)
        var meeting1: (String, String)
        var meeting2: (String, String)
        var meeting3: (String, String)
        var lastDay: String
    }

    private func check(_ admission: String, _ length: CourseLength, _ expected: Expected,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let timeline = CaseTimeline(admission: CalendarDay(iso: admission)!, length: length)
        func texts(_ window: DayWindow) -> [String] { [window.first.description, window.last.description] }
        #expect(timeline.admission.description == admission, sourceLocation: sourceLocation)
        #expect(timeline.length == length, sourceLocation: sourceLocation)
        #expect(texts(timeline.mappingWindow) == [expected.mapping.0, expected.mapping.1], "mapping", sourceLocation: sourceLocation)
        #expect(texts(timeline.meeting1) == [expected.meeting1.0, expected.meeting1.1], "meeting 1", sourceLocation: sourceLocation)
        #expect(texts(timeline.meeting2) == [expected.meeting2.0, expected.meeting2.1], "meeting 2", sourceLocation: sourceLocation)
        #expect(texts(timeline.meeting3) == [expected.meeting3.0, expected.meeting3.1], "meeting 3", sourceLocation: sourceLocation)
        #expect(timeline.lastDay.description == expected.lastDay, "last day", sourceLocation: sourceLocation)
        #expect(texts(timeline.window(for: .finalSummary)) == [admission, expected.lastDay], sourceLocation: sourceLocation)
    }

    @Test("40 days from 2026-03-25 (crosses the end of March)")
    func forty_march() {
        check("2026-03-25", .days40, Expected(
            mapping: ("2026-03-25", "2026-04-03"),    // day 10 = Mar 25 + 9 = Mar 34 = Apr 3
            meeting1: ("2026-03-31", "2026-04-02"),   // day 7 = Mar 31, day 9 = Mar 33 = Apr 2
            meeting2: ("2026-04-16", "2026-04-20"),   // day 23 = Mar 25 + 22 = Mar 47 = Apr 16; day 27 = Apr 20
            meeting3: ("2026-04-26", "2026-04-28"),   // day 33 = Mar 25 + 32 = Mar 57 = Apr 26; day 35 = Apr 28
            lastDay: "2026-05-03"))                   // day 40 = Mar 25 + 39 = Mar 64 = Apr 33 = May 3
    }

    @Test("70 days from 2026-03-25 (crosses the ends of March, April and May)")
    func seventy_march() {
        check("2026-03-25", .days70, Expected(
            mapping: ("2026-03-25", "2026-04-03"),
            meeting1: ("2026-03-31", "2026-04-02"),
            meeting2: ("2026-05-01", "2026-05-05"),   // day 38 = Mar 25 + 37 = Mar 62 = Apr 31 = May 1; day 42 = May 5
            meeting3: ("2026-05-26", "2026-05-28"),   // day 63 = Mar 25 + 62 = Mar 87 = Apr 56 = May 26; day 65 = May 28
            lastDay: "2026-06-02"))                   // day 70 = Mar 25 + 69 = Mar 94 = Apr 63 = May 33 = Jun 2
    }

    @Test("40 days from 2026-11-28 (crosses the end of November and of the year)")
    func forty_november() {
        check("2026-11-28", .days40, Expected(
            mapping: ("2026-11-28", "2026-12-07"),    // day 10 = Nov 28 + 9 = Nov 37 = Dec 7
            meeting1: ("2026-12-04", "2026-12-06"),   // day 7 = Nov 34 = Dec 4; day 9 = Dec 6
            meeting2: ("2026-12-20", "2026-12-24"),   // day 23 = Nov 28 + 22 = Nov 50 = Dec 20; day 27 = Dec 24
            meeting3: ("2026-12-30", "2027-01-01"),   // day 33 = Nov 60 = Dec 30; day 35 = Dec 32 = Jan 1
            lastDay: "2027-01-06"))                   // day 40 = Nov 28 + 39 = Nov 67 = Dec 37 = Jan 6
    }

    @Test("70 days from 2026-11-28 (crosses the end of the year and of January)")
    func seventy_november() {
        check("2026-11-28", .days70, Expected(
            mapping: ("2026-11-28", "2026-12-07"),
            meeting1: ("2026-12-04", "2026-12-06"),
            meeting2: ("2027-01-04", "2027-01-08"),   // day 38 = Nov 28 + 37 = Nov 65 = Dec 35 = Jan 4; day 42 = Jan 8
            meeting3: ("2027-01-29", "2027-01-31"),   // day 63 = Nov 28 + 62 = Nov 90 = Dec 60 = Jan 29; day 65 = Jan 31
            lastDay: "2027-02-05"))                   // day 70 = Nov 28 + 69 = Nov 97 = Dec 67 = Jan 36 = Feb 5
    }

    @Test("40 days from 2028-02-20 (crosses 29 February of a leap year)")
    func forty_leap() {
        check("2028-02-20", .days40, Expected(
            mapping: ("2028-02-20", "2028-02-29"),    // day 10 = Feb 20 + 9 = Feb 29 (2028 is a leap year)
            meeting1: ("2028-02-26", "2028-02-28"),   // day 7 = Feb 26; day 9 = Feb 28
            meeting2: ("2028-03-13", "2028-03-17"),   // day 23 = Feb 20 + 22 = Feb 42 = Mar 13 (Feb has 29); day 27 = Mar 17
            meeting3: ("2028-03-23", "2028-03-25"),   // day 33 = Feb 52 = Mar 23; day 35 = Mar 25
            lastDay: "2028-03-30"))                   // day 40 = Feb 20 + 39 = Feb 59 = Mar 30
    }

    @Test("70 days from 2028-02-20 (crosses 29 February and the end of March)")
    func seventy_leap() {
        check("2028-02-20", .days70, Expected(
            mapping: ("2028-02-20", "2028-02-29"),
            meeting1: ("2028-02-26", "2028-02-28"),
            meeting2: ("2028-03-28", "2028-04-01"),   // day 38 = Feb 20 + 37 = Feb 57 = Mar 28; day 42 = Feb 61 = Mar 32 = Apr 1
            meeting3: ("2028-04-22", "2028-04-24"),   // day 63 = Feb 20 + 62 = Feb 82 = Mar 53 = Apr 22; day 65 = Apr 24
            lastDay: "2028-04-29"))                   // day 70 = Feb 20 + 69 = Feb 89 = Mar 60 = Apr 29
    }

    @Test("The same admission in a common year ends mapping on 1 March")
    func commonYear() {
        let timeline = CaseTimeline(admission: CalendarDay(iso: "2027-02-20")!, length: .days40)
        #expect(timeline.mappingWindow.last == CalendarDay(iso: "2027-03-01"))  // Feb 20 + 9 = Feb 29 = Mar 1
        #expect(timeline.lastDay == CalendarDay(iso: "2027-03-31"))  // Feb 20 + 39 = Feb 59 = Mar 31
    }

    @Test("Case day numbers: day 1 is the admission day", arguments: CourseLength.allCases)
    func dayNumbers(length: CourseLength) {
        let admission = CalendarDay(iso: "2026-03-25")!
        let timeline = CaseTimeline(admission: admission, length: length)
        #expect(timeline.dayNumber(of: admission) == 1)
        #expect(timeline.dayNumber(of: CalendarDay(iso: "2026-03-24")!) == 0)
        #expect(timeline.dayNumber(of: timeline.lastDay) == Int(length.rawValue))
        #expect(timeline.day(1) == admission)
        #expect(timeline.day(Int(length.rawValue)) == timeline.lastDay)
        for n in -5...80 { #expect(timeline.dayNumber(of: timeline.day(n)) == n) }
        #expect(timeline.isDuringCourse(admission) && timeline.isDuringCourse(timeline.lastDay))
        #expect(!timeline.isDuringCourse(timeline.lastDay.adding(days: 1)))
    }

    @Test("Windows as case day numbers, and meeting 2's target", arguments: CourseLength.allCases)
    func windowDayNumbers(length: CourseLength) {
        let timeline = CaseTimeline(admission: CalendarDay(iso: "2026-06-30")!, length: length)
        func numbers(_ window: DayWindow) -> [Int] { [timeline.dayNumber(of: window.first), timeline.dayNumber(of: window.last)] }
        #expect(numbers(timeline.mappingWindow) == [1, 10])
        #expect(numbers(timeline.meeting1) == [7, 9])
        #expect(numbers(timeline.meeting2) == (length == .days40 ? [23, 27] : [38, 42]))
        #expect(numbers(timeline.meeting3) == (length == .days40 ? [33, 35] : [63, 65]))
        #expect(timeline.dayNumber(of: timeline.meeting2Target) == (length == .days40 ? 25 : 40))
        #expect(CaseTimeline.meeting2TargetDay(for: length) == (length == .days40 ? 25 : 40))
        for step in CaseTimeline.Step.allCases {
            #expect(timeline.course.contains(timeline.window(for: step).first))
            #expect(timeline.course.contains(timeline.window(for: step).last))
        }
    }
}
