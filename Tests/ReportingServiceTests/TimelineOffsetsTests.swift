internal import Testing
@testable internal import ReportingService
internal import TiltsDomain

/// The day-number windows equal CaseTimeline's, and StepOutcome agrees with StepEvaluation.
@Suite struct TimelineOffsetsTests {
    @Test func offsetsEqualTheTimelineForBothLengths() throws {
        for (length, offsets) in [(CourseLength.days40, TimelineOffsets.days40), (.days70, .days70)] {
            // Across a month end and a leap day.
            for admission in [CalendarDay(year: 2028, month: 2, day: 20)!, CalendarDay(year: 2026, month: 3, day: 25)!] {
                let timeline = CaseTimeline(admission: admission, length: length)
                let base = Int32(admission.dayNumber)
                for (window, expected) in [
                    (offsets.mapping, timeline.mappingWindow), (offsets.meeting1, timeline.meeting1),
                    (offsets.meeting2, timeline.meeting2), (offsets.meeting3, timeline.meeting3), (offsets.course, timeline.course),
                ] {
                    #expect(Int(base + window.first) == expected.first.dayNumber)
                    #expect(Int(base + window.last) == expected.last.dayNumber)
                }
            }
        }
        #expect(TimelineOffsets.of(length: 55) == nil)
    }

    @Test func stepOutcomeAgreesWithStepEvaluation() {
        let admission = CalendarDay(year: 2026, month: 4, day: 1)!
        let timeline = CaseTimeline(admission: admission, length: .days40)
        let base = Int32(admission.dayNumber)
        for asOfOffset in 0...40 {
            let asOf = admission.adding(days: asOfOffset)
            for heldOffset in [nil] + Array(0...40) as [Int?] {
                let held = heldOffset.map { admission.adding(days: $0) }
                let outcome = StepOutcome.of(
                    window: TimelineOffsets.days40.meeting2, admission: base,
                    done: held.map { Int32($0.dayNumber) } ?? CaseFacts.noDay, ended: CaseFacts.noDay,
                    asOf: Int32(asOf.dayNumber))
                let heldByThen = held.flatMap { $0 <= asOf ? $0 : nil }
                let status = StepEvaluation.status(window: timeline.meeting2, heldOn: heldByThen, scheduledOn: nil, asOf: asOf)
                let expected: StepOutcome
                switch status {
                case .heldEarly: expected = .heldEarly
                case .heldInWindow: expected = .heldInWindow
                case .heldLate: expected = .heldLate
                case .missed: expected = .missed
                default: expected = .pending
                }
                #expect(outcome == expected, "as of +\(asOfOffset), held +\(String(describing: heldOffset))")
            }
        }
    }

    @Test func aCourseEndingBeforeTheWindowClosesCancelsTheStep() {
        let window = TimelineOffsets.days40.meeting3  // days 33–35: offsets 32–34
        #expect(StepOutcome.of(window: window, admission: 100, done: CaseFacts.noDay, ended: 120, asOf: 200) == .cancelled)
        #expect(StepOutcome.of(window: window, admission: 100, done: CaseFacts.noDay, ended: 134, asOf: 200) == .cancelled)
        #expect(StepOutcome.of(window: window, admission: 100, done: CaseFacts.noDay, ended: 135, asOf: 200) == .missed)
        #expect(StepOutcome.of(window: window, admission: 100, done: 133, ended: 120, asOf: 200) == .heldInWindow)
    }
}
