@testable internal import ReportingService
internal import TiltsDomain
internal import TiltsMessages

/// Twelve children, six per cohort, with figures worked out by hand (see the tests' comments).
///
/// Both cohorts: admitted on 2026-04-01 … 2026-04-06, referrals received 5, 10, 12, 3, 20 and 8
/// days earlier (median 9, p90 16). Every area has the same scores:
/// - 40 days: BASELINE 2 3 2 1 3 2, FINAL 3 4 4 2 3 3: changes 1 1 2 1 0 1 (mean 1, SD √0.4,
///   5 of 6 improved); child 6 terminated early on day 20 (RAN_AWAY): its meetings 2 and 3 are
///   cancelled; child 2 held meeting 1 late (day 11).
/// - 70 days: BASELINE 1 2 2 1 2 1, FINAL 3 4 3 4 4 3: changes 2 2 1 3 2 2 (mean 2, SD √0.4,
///   6 of 6 improved); child 6 terminated early on day 30 (HEALTH_WORSENED).
/// Welch: difference 1, t = √7.5 = 2.7386, df = 10; Hedges' g = (1 / √0.4) × (1 − 3/39) = 1.4595.
/// Sessions: each child two `individual_psychologist` sessions; 70-day children also one
/// `family_therapy`. Municipalities: children 1–3 riga, 4–5 cesis, 6 valmiera.
enum PilotScenario {
    static let waits = [5, 10, 12, 3, 20, 8]
    static let municipalities = ["riga", "riga", "riga", "cesis", "cesis", "valmiera"]
    static let baseline40: [Int32] = [2, 3, 2, 1, 3, 2]
    static let final40: [Int32] = [3, 4, 4, 2, 3, 3]
    static let baseline70: [Int32] = [1, 2, 2, 1, 2, 1]
    static let final70: [Int32] = [3, 4, 3, 4, 4, 3]

    static func admission(_ child: Int) -> CalendarDay { CalendarDay(year: 2026, month: 4, day: child)! }

    /// The events of the three streams, each stream in its own order.
    static func events() -> (referral: [Event], meeting: [Event], assessment: [Event]) {
        typealias F = ReportingFixtures
        var referral: [Event] = []
        var meeting: [Event] = []
        var assessment: [Event] = []
        for length in [40, 70] {
            for child in 1...6 {
                let id = "\(length)-\(child)"
                let admission = admission(child)
                func day(_ n: Int) -> String { admission.adding(days: n - 1).description }
                let received = admission.adding(days: -waits[child - 1]).description
                referral.append(F.submitted("r\(id)", municipality: municipalities[child - 1], on: received,
                                            requested: length == 40 ? .requested40Days : .requested70Days))
                referral.append(F.admitted("c\(id)", referral: "r\(id)", municipality: municipalities[child - 1],
                                           on: admission.description, length: Int32(length), received: received))
                meeting.append(F.held(.prePlacement, referral: "r\(id)", on: admission.adding(days: -1).description))
                meeting.append(F.held(.meeting1, case: "c\(id)", on: day(length == 40 && child == 2 ? 11 : 8)))
                let terminated = child == 6
                let endDay = terminated ? (length == 40 ? 20 : 30) : length
                if !terminated {
                    meeting.append(F.held(.meeting2, case: "c\(id)", on: day(length == 40 ? 25 : 40)))
                    meeting.append(F.held(.meeting3, case: "c\(id)", on: day(length - 6)))
                }
                let (b, f) = length == 40 ? (baseline40, final40) : (baseline70, final70)
                assessment.append(F.assessed("c\(id)", .baseline, on: day(9), scores: Array(repeating: b[child - 1], count: 6)))
                assessment.append(F.session("c\(id)", type: "individual_psychologist", on: day(12)))
                assessment.append(F.session("c\(id)", type: "individual_psychologist", on: day(15)))
                if length == 70 { assessment.append(F.session("c\(id)", type: "family_therapy", on: day(16), minutes: 90)) }
                assessment.append(F.assessed("c\(id)", .final, on: day(endDay - 1), scores: Array(repeating: f[child - 1], count: 6)))
                if terminated {
                    referral.append(F.ended("c\(id)", on: day(endDay), status: .terminatedEarly,
                                            reason: length == 40 ? .ranAway : .healthWorsened))
                } else {
                    assessment.append(F.summary("c\(id)", on: day(length - 1)))
                    referral.append(F.ended("c\(id)", on: day(length), status: .completed))
                }
            }
        }
        return (referral, meeting, assessment)
    }

    /// A store holding the scenario, with the streams interleaved as `order` says.
    static func store(assessmentFirst: Bool = false) async throws -> ReportingStore {
        let store = try ReportingFixtures.store()
        let (referral, meeting, assessment) = events()
        let batches = assessmentFirst ? [assessment, meeting, referral] : [referral, meeting, assessment]
        for batch in batches { try await ReportingFixtures.apply(batch, to: store) }
        return store
    }
}
