internal import Foundation
internal import TiltsMessages
internal import TiltsWire

/// A deterministic synthetic pilot: `cases` children with the events the referral, meeting and
/// assessment services would emit for them, generated on demand (nothing is held in memory).
///
/// Per child (distributions chosen to look like the pilot, not measured from it):
/// - a referral from one of 43 municipalities (Rīga about a third), received in the pilot's first
///   six months; age 3–17, sex 50/50, one or two violence types; 8% urgent;
/// - 5% withdrawn or declined (`ReferralClosed`), the rest admitted after a wait of −14 ln U days
///   (median about 10), 90% randomized 40/70, 10% as requested; urgent children half without a
///   pre-placement meeting;
/// - 12% terminated early on a uniform day 5…L−1 for one of the seven reasons, else completed on day L;
/// - meetings 1–3 held (`MeetingHeld`) in their window 90%, late 6%, not at all 4% (those after an
///   early end are not held), and the pre-placement meeting;
/// - BASELINE on day 8–10 (98%), MID around meeting 2 (70%), FINAL on day L−2 (completed) or on the
///   day before an early end (half of them): six area scores 1–5, baselines mostly 1–3, change −1…+3,
///   a little larger in 70-day courses; the plan approved at meeting 1;
/// - about three sessions a week from day 11 (`SessionLogged`), of six common service types;
/// - the final summary (`FinalSummaryIssued`) the day before a completed course's last day.
///
/// That is about 30 events a child: 3 referral, 4 meeting, ~23 assessment (most of them sessions).
struct SyntheticPilot: Sendable {
    enum Stream: String, CaseIterable, Sendable {
        case referral, meeting, assessment
    }

    let cases: Int
    let seed: UInt64
    static let pilotStart = 20_513  // 2026-03-01 as a day number

    static let municipalities: [(String, Int)] = {
        var list: [(String, Int)] = [("riga", 330), ("daugavpils", 45), ("liepaja", 40), ("jelgava", 30), ("jurmala", 27),
                                     ("ventspils", 17), ("rezekne", 14), ("valmiera", 12)]
        for name in [
            "adazi", "aizkraukle", "aluksne", "augsdaugava", "balvi", "bauska", "cesis", "dienvidkurzeme", "dobele",
            "gulbene", "jekabpils", "jelgavas-nov", "kekava", "kraslava", "kuldiga", "limbazi", "livani", "ludza",
            "madona", "marupe", "ogre", "olaine", "preili", "rezeknes-nov", "ropazi", "salaspils", "saldus",
            "saulkrasti", "sigulda", "smiltene", "talsi", "tukums", "valka", "varaklani", "ventspils-nov",
        ] {
            list.append((name, 13))
        }
        return list
    }()

    static let serviceTypes = ["psychologist", "family_therapy", "art_therapy", "social_worker_consultation", "skills_training",
                               "music_therapy"]

    /// Deterministic ids shaped like the services' UUIDs.
    func id(_ kind: UInt64, _ index: Int) -> String {
        func hex(_ value: UInt64, _ width: Int) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return hex(UInt64(UInt32(truncatingIfNeeded: index)), 8) + "-" + hex(kind & 0xFFFF, 4) + "-4000-8000-"
            + hex(seed & 0xFFFF_FFFF_FFFF, 12)
    }

    /// One event of a stream, without its sequence.
    struct Item: Sendable {
        var kind: String
        var caseID: String
        var payload: [UInt8]
    }

    /// The events of child `index` in `stream`, in the order that service emits them.
    func events(_ stream: Stream, child index: Int) -> [Item] {
        var random = Random(seed: seed ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
        let referralID = id(1, index)
        let caseID = id(2, index)
        let municipality = Self.pick(Self.municipalities, &random)
        let received = Self.pilotStart + random.below(184)
        let urgent = random.chance(0.08)
        let closed = random.chance(0.05)
        let wait = min(90, Int(-14 * log(max(1e-9, random.unit()))))
        let admission = received + wait
        let randomized = random.chance(0.9)
        let length: Int32 = random.chance(0.5) ? 40 : 70
        let withoutMeeting = urgent && random.chance(0.5)
        let terminatedDay: Int? = random.chance(0.12) ? 5 + random.below(Int(length) - 5) : nil
        let endDay = terminatedDay ?? Int(length)
        func day(_ n: Int) -> String { Self.iso(admission + n - 1) }
        var items: [Item] = []
        func add(_ kind: String, _ subject: String, _ message: some Message) {
            items.append(Item(kind: kind, caseID: subject, payload: message.serializedBytes()))
        }
        // Draws happen in the same order for every stream, so each stream sees the same child.
        let age = Int32(3 + random.below(15))
        let sex: Sex = random.chance(0.5) ? .female : .male
        let meetingDays: [Int?] = [(7, 9), (23, 27), (33, 35)].enumerated().map { number, window in
            let (first, last) = length == 40 ? window : [(7, 9), (38, 42), (63, 65)][number]
            let draw = random.unit()
            if draw < 0.04 { return nil }
            return draw < 0.10 ? last + 1 + random.below(3) : first + random.below(last - first + 1)
        }
        let baseline = (0..<6).map { _ in Int32(1 + random.below(3)) }
        let change = (0..<6).map { _ in Int32(random.below(length == 40 ? 4 : 5)) - 1 }
        let hasMid = random.chance(0.7)
        let hasFinal = terminatedDay == nil || random.chance(0.5)
        let reason = Int32(1 + random.below(7))
        let destination = Int32(1 + random.below(5))

        switch stream {
        case .referral:
            var submitted = ReferralSubmitted(
                referralID: referralID, municipality: municipality, receivedOn: Self.iso(received), urgent: urgent,
                requestedLength: length == 40 ? .requested40Days : .requested70Days, sex: sex, ageYears: age,
                violenceTypes: [ViolenceType(rawValue: Int32(1 + index % 4))])
            if index % 3 == 0 { submitted.violenceTypes.append(.neglect) }
            add("ReferralSubmitted", referralID, submitted)
            if closed {
                add("ReferralClosed", referralID, ReferralClosed(referralID: referralID, status: .withdrawn, closedOn: Self.iso(received + 3)))
                return items
            }
            var timeline = Timeline()
            timeline.admissionDate = day(1)
            timeline.courseLengthDays = length
            add("CaseAdmitted", caseID, CaseAdmitted(
                caseID: caseID, referralID: referralID, municipality: municipality, timeline: timeline,
                allocationMethod: randomized ? .randomized : .asRequested, withoutPrePlacementMeeting: withoutMeeting,
                referralReceivedOn: Self.iso(received)))
            add("CaseEnded", caseID, CaseEnded(
                caseID: caseID, status: terminatedDay == nil ? .completed : .terminatedEarly,
                terminationReason: terminatedDay == nil ? .unspecified : TerminationReason(rawValue: reason), endedOn: day(endDay)))
        case .meeting:
            guard !closed else { return items }
            if !withoutMeeting {
                var held = MeetingHeld()
                held.kind = .prePlacement
                held.referralID = referralID
                held.heldOn = Self.iso(admission - 2)
                held.municipality = municipality
                add("MeetingHeld", referralID, held)
            }
            for (number, heldDay) in meetingDays.enumerated() {
                guard let heldDay, heldDay < endDay else { continue }
                var held = MeetingHeld()
                held.kind = MeetingKind(rawValue: Int32(number + 2))
                held.caseID = caseID
                held.heldOn = day(heldDay)
                held.planApproved = number == 0
                held.municipality = municipality
                add("MeetingHeld", caseID, held)
            }
        case .assessment:
            guard !closed else { return items }
            func assessment(_ point: TimePoint, _ on: Int, _ scores: [Int32]) {
                var recorded = AssessmentRecorded()
                recorded.caseID = caseID
                recorded.timePoint = point
                recorded.instrumentID = "pilot-mapping"
                recorded.instrumentVersion = 1
                recorded.recordedOn = day(on)
                recorded.scores = scores.enumerated().map { area, score in
                    var fact = AreaScoreFact()
                    fact.pilotArea = AssessmentArea(rawValue: Int32(area + 1))
                    fact.score = min(5, max(1, score))
                    fact.complete = true
                    return fact
                }
                add("AssessmentRecorded", caseID, recorded)
            }
            if endDay > 10 { assessment(.baseline, 8 + index % 3, baseline) }
            if let planDay = meetingDays[0], planDay < endDay {
                var approved = PlanApproved()
                approved.caseID = caseID
                approved.version = 1
                approved.approvedOn = day(planDay)
                add("PlanApproved", caseID, approved)
            }
            var sessionDay = 11
            var count = 0
            while sessionDay < endDay {
                var session = SessionLogged()
                session.caseID = caseID
                session.heldOn = day(sessionDay)
                session.serviceType = Self.serviceTypes[(index + count) % Self.serviceTypes.count]
                session.minutes = [45, 60, 90][count % 3]
                session.courseDay = Int32(sessionDay)
                add("SessionLogged", caseID, session)
                sessionDay += count % 3 == 2 ? 3 : 2
                count += 1
                if hasMid && sessionDay >= (length == 40 ? 25 : 40) && sessionDay < (length == 40 ? 27 : 42) {
                    assessment(.mid, sessionDay, zip(baseline, change).map { $0 + $1 / 2 })
                }
            }
            if hasFinal && endDay > 11 { assessment(.final, endDay - (terminatedDay == nil ? 2 : 1), zip(baseline, change).map(+)) }
            if terminatedDay == nil {
                var issued = FinalSummaryIssued()
                issued.caseID = caseID
                issued.issuedOn = day(endDay - 1)
                issued.destination = Destination(rawValue: destination)
                add("FinalSummaryIssued", caseID, issued)
            }
        }
        return items
    }

    /// `YYYY-MM-DD` of a day number (Howard Hinnant's civil_from_days), without Foundation formatting.
    static func iso(_ dayNumber: Int) -> String {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        let digits: [UInt8] = [
            UInt8(48 + y / 1000 % 10), UInt8(48 + y / 100 % 10), UInt8(48 + y / 10 % 10), UInt8(48 + y % 10), 45,
            UInt8(48 + m / 10), UInt8(48 + m % 10), 45, UInt8(48 + d / 10), UInt8(48 + d % 10),
        ]
        return String(decoding: digits, as: UTF8.self)
    }

    static func pick(_ weighted: [(String, Int)], _ random: inout Random) -> String {
        let total = weighted.reduce(0) { $0 + $1.1 }
        var draw = random.below(total)
        for (value, weight) in weighted {
            if draw < weight { return value }
            draw -= weight
        }
        return weighted[0].0
    }
}

/// SplitMix64: small, fast, reproducible.
struct Random: Sendable {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func chance(_ p: Double) -> Bool { unit() < p }
}
