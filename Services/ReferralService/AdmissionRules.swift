internal import TiltsDomain
internal import TiltsMessages

/// The pure rules of admission: which course length, whether a place is free, the waiting queue.
enum AdmissionRules {
    /// How the centre assigns 40 or 70 days (config `allocation`).
    enum AllocationPolicy: String, Sendable {
        /// The length the social service requested; the centre chooses when it asked the centre to.
        case requested
        /// The centre always chooses (the request's `course_length_days`).
        case centre
        /// Permuted blocks by age band from `allocation_seed` (BlockRandomizer).
        case randomized
    }

    enum AllocationOutcome: Equatable {
        case allocated(CourseLength, AllocationMethod)
        case invalid(field: String, reason: String)
        case conflict(String)
    }

    /// Decides the course length. `randomizedIndex` is how many randomized allocations the stratum
    /// (age band) has had before this one.
    static func allocate(
        policy: AllocationPolicy, requested: RequestedLength, askedDays: Int32, ageBand: AgeBand,
        randomizer: BlockRandomizer, randomizedIndex: Int
    ) -> AllocationOutcome {
        let asked = CourseLength(rawValue: askedDays)
        switch policy {
        case .randomized:
            return .allocated(randomizer.allocation(ageBand: ageBand, index: randomizedIndex), .randomized)
        case .centre:
            guard let asked else { return .invalid(field: "course_length_days", reason: "must be 40 or 70") }
            return .allocated(asked, .centreChoice)
        case .requested:
            let wanted: CourseLength?
            switch requested {
            case .requested40Days: wanted = .days40
            case .requested70Days: wanted = .days70
            default: wanted = nil
            }
            guard let wanted else {
                guard let asked else {
                    return .invalid(field: "course_length_days", reason: "must be 40 or 70: the social service left the length to the centre")
                }
                return .allocated(asked, .centreChoice)
            }
            if askedDays != 0 && asked != wanted {
                return .conflict(
                    "the allocation policy is 'requested' and the social service requested \(wanted.rawValue) days")
            }
            return .allocated(wanted, .asRequested)
        }
    }

    /// A course that holds a place from its admission to its planned last day.
    struct Occupancy: Equatable {
        var admission: CalendarDay
        var lastDay: CalendarDay
    }

    /// Courses that overlap the course `[admission, lastDay]`, i.e. places taken on some day of it.
    /// A place is needed on every day of the course, so the check is against the busiest day.
    static func peakOccupancy(of courses: [Occupancy], during window: DayWindow) -> Int {
        var peak = 0
        var day = window.first
        // Occupancy changes only on admission days, so checking those and the first day suffices.
        var checkpoints = Set(courses.map(\.admission).filter { window.contains($0) })
        checkpoints.insert(window.first)
        for checkpoint in checkpoints {
            day = checkpoint
            let count = courses.filter { $0.admission <= day && day <= $0.lastDay }.count
            peak = max(peak, count)
        }
        return peak
    }

    /// One referral waiting for a place.
    struct Waiting {
        var referralID: String
        var urgent: Bool
        var receivedAtMicros: Int64
        var requested: RequestedLength
    }

    /// The queue (urgent first, then by time received) with the earliest day a place is free for
    /// each child, from the planned last days of the children in course. A child assumed admitted
    /// holds its place for the requested length (70 days when the centre decides: the longer,
    /// so the estimate never promises too early).
    static func waitingList(
        waiting: [Waiting], inCourse: [Occupancy], capacity: Int, asOf: CalendarDay
    ) -> [(Waiting, CalendarDay)] {
        let queue = waiting.sorted {
            if $0.urgent != $1.urgent { return $0.urgent }
            if $0.receivedAtMicros != $1.receivedAtMicros { return $0.receivedAtMicros < $1.receivedAtMicros }
            return $0.referralID < $1.referralID
        }
        // The day each place becomes free.
        var freeFrom = inCourse.filter { $0.lastDay >= asOf }.map { $0.lastDay.adding(days: 1) }
        freeFrom.sort()
        if freeFrom.count > capacity { freeFrom = Array(freeFrom.suffix(capacity)) }
        while freeFrom.count < capacity { freeFrom.insert(asOf, at: 0) }
        var result: [(Waiting, CalendarDay)] = []
        for entry in queue {
            guard !freeFrom.isEmpty else { break }
            freeFrom.sort()
            let start = max(freeFrom.removeFirst(), asOf)
            result.append((entry, start))
            let length = entry.requested == .requested40Days ? 40 : 70
            freeFrom.append(start.adding(days: length))
        }
        return result
    }
}
