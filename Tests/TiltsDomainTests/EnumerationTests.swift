internal import Testing
internal import TiltsDomain

@Suite("Stable identifiers")
struct EnumerationTests {
    @Test("Course lengths are 40 and 70 days")
    func courseLengths() {
        #expect(CourseLength.allCases.map(\.rawValue) == [40, 70])
        #expect(CourseLength.days70.days == 70)
        #expect(CourseLength(rawValue: 41) == nil)
    }

    @Test("Termination reasons: the national statistics' seven categories")
    func terminationReasons() {
        #expect(TerminationReason.allCases.map(\.rawValue) == [
            "finishedEarly", "changeOfRehabilitationType", "healthWorsened", "childOrParentsDecision", "ranAway",
            "brokeRules", "other",
        ])
    }

    @Test("Step statuses")
    func stepStatuses() {
        #expect(StepStatus.allCases.map(\.rawValue) == [
            "upcoming", "due", "scheduled", "heldInWindow", "heldLate", "heldEarly", "missed", "cancelled",
        ])
    }
}
