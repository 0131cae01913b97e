/// The age bands of the pilot's reports and of allocation strata (``BlockRandomizer``).
///
/// The raw value is the label reports show. Take the age on the admission day (``ageInYears(birthDate:on:)``).
public enum AgeBand: String, Sendable, CaseIterable {
    case upTo6 = "0-6"
    case from7To11 = "7-11"
    case from12To14 = "12-14"
    case from15To17 = "15-17"

    /// The band of `age`. The pilot serves children (0–17); ages outside clamp to the nearest band
    /// (below 0 → `upTo6`, 18 and over → `from15To17`). Use ``init(validatingAge:)`` to refuse them instead.
    public init(age: Int) {
        switch age {
        case ...6: self = .upTo6
        case 7...11: self = .from7To11
        case 12...14: self = .from12To14
        default: self = .from15To17
        }
    }

    /// The band of `age`, or `nil` unless `age` is 0–17.
    public init?(validatingAge age: Int) {
        guard (0...17).contains(age) else { return nil }
        self.init(age: age)
    }

    /// The ages the band holds.
    public var ages: ClosedRange<Int> {
        switch self {
        case .upTo6: 0...6
        case .from7To11: 7...11
        case .from12To14: 12...14
        case .from15To17: 15...17
        }
    }
}
