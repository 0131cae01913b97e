@testable internal import ReportingService
internal import TiltsMessages

/// Agreed actions around the pilot's second quarter (2026-06-01 … 2026-08-31), worked out by hand
/// with ``AgreedActionFacts``'s rule. Meetings in riga unless said; every action's owner is the SD.
///
/// | action | meeting (held) | due | done | Q1 | Q2 | Q3 on 2026-11-23 | past due on 2026-06-21 |
/// |---|---|---|---|---|---|---|---|
/// | a1 | meeting 1 (05-20) | 05-25 | – | ✓ due, open | ✓ backlog | ✓ backlog | ✓ |
/// | a2 | meeting 1 (05-20) | 05-28 | 06-03 | ✓ due, late | – done by Q2's end | – | – |
/// | a3 | meeting 2 (06-10) | 06-20 | 06-20 | – | – in time | – | – |
/// | a4 | meeting 2 (06-10) | 06-30 | 07-05 | – | ✓ late | – | – not due yet |
/// | a5 | meeting 2 (06-10) | 08-31 | – | – | ✓ last day | ✓ backlog | – |
/// | a6 | meeting 2 (06-10) | 09-05 | – | – | – | ✓ due, open | – |
/// | a7 | cesis meeting 1 (06-10) | 06-15 | – | – | ✓ | ✓ backlog | ✓ |
/// | a8 | completion only (06-12) | – | 06-12 | – | – | – | – |
/// | a9 | quarterly review (06-10) | 06-11 | – | – | – | – | – not a child's |
/// | a10 | pre-placement (06-01) | 06-05 | – | – | ✓ | ✓ backlog | ✓ |
///
/// Q1: 2 (riga 2). Q2: 5 (riga 4). Q3 as of 2026-11-23: 5. Past due on 2026-06-21: 3.
enum ActionScenario {
    static func events() -> [Event] {
        typealias F = ReportingFixtures
        return [
            F.held(.meeting1, case: "c1", referral: "r1", on: "2026-05-20", actions: [("a1", "2026-05-25"), ("a2", "2026-05-28")]),
            F.actionDone("a2", case: "c1", referral: "r1", on: "2026-06-03"),
            F.held(.meeting2, case: "c1", referral: "r1", on: "2026-06-10",
                   actions: [("a3", "2026-06-20"), ("a4", "2026-06-30"), ("a5", "2026-08-31"), ("a6", "2026-09-05")]),
            F.held(.meeting1, case: "c2", referral: "r2", municipality: "cesis", on: "2026-06-10", actions: [("a7", "2026-06-15")]),
            F.actionDone("a8", case: "c2", referral: "r2", municipality: "cesis", on: "2026-06-12"),
            F.held(.quarterlyReview, municipality: "", on: "2026-06-10", actions: [("a9", "2026-06-11")]),
            F.held(.prePlacement, referral: "r3", on: "2026-06-01", actions: [("a10", "2026-06-05")]),
            F.actionDone("a3", .meeting2, case: "c1", referral: "r1", on: "2026-06-20"),
            F.actionDone("a4", .meeting2, case: "c1", referral: "r1", on: "2026-07-05"),
        ]
    }
}
