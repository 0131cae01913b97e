/// The sums one pass over the cases gathers for one cohort of the evaluation; every figure of
/// ``PilotEvaluationBuilder`` is computed from these. A value type.
struct CohortAggregate: Sendable, Equatable {
    /// Sums of one area's integer scores.
    struct AreaSums: Sendable, Equatable {
        var baselineCount = 0
        var baselineSum: Int64 = 0
        var finalCount = 0
        var finalSum: Int64 = 0
        var pairedCount = 0
        var changeSum: Int64 = 0
        var changeSquares: Int64 = 0
        var improved = 0

        var change: SampleSummary { SampleSummary(count: pairedCount, sum: changeSum, sumOfSquares: changeSquares) }
    }

    /// Meeting outcomes of one kind: indices 0 held in window, 1 early, 2 late, 3 missed.
    struct MeetingSums: Sendable, Equatable {
        var heldInWindow = 0
        var heldEarly = 0
        var heldLate = 0
        var missed = 0

        var due: Int { heldInWindow + heldEarly + heldLate + missed }
    }

    var length: Int
    var referred = 0
    var admitted = 0
    var completed = 0
    var terminated = 0
    /// By `tilts.referral.v1.TerminationReason` number (0–7).
    var reasons = [Int](repeating: 0, count: 8)
    /// By `tilts.referral.v1.AllocationMethod` number (0–3).
    var allocation = [Int](repeating: 0, count: 4)
    /// Days from referral to admission → children.
    var waitDays: [Int: Int] = [:]
    var areas = [AreaSums](repeating: AreaSums(), count: 6)
    /// PRE_PLACEMENT, MEETING_1, MEETING_2, MEETING_3.
    var meetings = [MeetingSums](repeating: MeetingSums(), count: 4)
    var sessions = 0
    var sessionMinutes = 0
    var summaries = 0
    /// By `tilts.assessment.v1.Destination` number (0–5).
    var destinations = [Int](repeating: 0, count: 6)
    /// Admitted children whose allocation was not randomized.
    var notRandomized = 0

    var inCourse: Int { admitted - completed - terminated }

    init(length: Int) { self.length = length }

    /// Adds one admitted case as it stood on `asOf` (a day number).
    mutating func add(_ facts: CaseFacts, asOf: Int32) {
        admitted += 1
        if facts.ended != CaseFacts.noDay && facts.ended <= asOf {
            if facts.status == 2 {
                completed += 1
            } else if facts.status == 3 {
                terminated += 1
                reasons[Int(facts.terminationReason).clamped(to: 0...7)] += 1
            }
        }
        allocation[Int(facts.allocation).clamped(to: 0...3)] += 1
        if facts.allocation != 3 { notRandomized += 1 }
        if facts.referralReceived != CaseFacts.noDay && facts.referralReceived <= facts.admission {
            waitDays[Int(facts.admission - facts.referralReceived), default: 0] += 1
        }
        let hasBaseline = facts.baselineOn != CaseFacts.noDay && facts.baselineOn <= asOf
        let hasFinal = facts.finalOn != CaseFacts.noDay && facts.finalOn <= asOf
        if hasBaseline || hasFinal {
            for area in 0..<6 {
                let baseline = hasBaseline ? facts.baseline[area] : CaseFacts.noScore
                let final = hasFinal ? facts.final[area] : CaseFacts.noScore
                if baseline != CaseFacts.noScore {
                    areas[area].baselineCount += 1
                    areas[area].baselineSum += Int64(baseline)
                }
                if final != CaseFacts.noScore {
                    areas[area].finalCount += 1
                    areas[area].finalSum += Int64(final)
                }
                if baseline != CaseFacts.noScore && final != CaseFacts.noScore {
                    let change = Int64(final) - Int64(baseline)
                    areas[area].pairedCount += 1
                    areas[area].changeSum += change
                    areas[area].changeSquares += change * change
                    if change >= 1 { areas[area].improved += 1 }
                }
            }
        }
        if facts.withoutPrePlacementMeeting {
            meetings[0].missed += 1
        } else {
            meetings[0].heldInWindow += 1
        }
        if let offsets = TimelineOffsets.of(length: facts.courseLength) {
            for number in 1...3 {
                let outcome = StepOutcome.of(
                    window: offsets.meeting(number), admission: facts.admission, done: facts.meetingHeld(number),
                    ended: facts.ended, asOf: asOf)
                switch outcome {
                case .heldInWindow: meetings[number].heldInWindow += 1
                case .heldEarly: meetings[number].heldEarly += 1
                case .heldLate: meetings[number].heldLate += 1
                case .missed: meetings[number].missed += 1
                case .pending, .cancelled: break
                }
            }
        }
        sessions += Int(facts.sessions)
        sessionMinutes += Int(facts.sessionMinutes)
        if facts.summaryOn != CaseFacts.noDay && facts.summaryOn <= asOf {
            summaries += 1
            destinations[Int(facts.destination).clamped(to: 0...5)] += 1
        }
    }
}

extension Int {
    func clamped(to range: ClosedRange<Int>) -> Int { Swift.min(Swift.max(self, range.lowerBound), range.upperBound) }
}
