/// The length L of a rehabilitation course: 40 or 70 calendar days (DESIGN section 2).
///
/// The pilot compares the two; each admitted child gets one by ``BlockRandomizer``. The raw value is
/// the number of days, an `Int32` so it maps to a proto `int32` field unchanged.
public enum CourseLength: Int32, Sendable, CaseIterable {
    case days40 = 40
    case days70 = 70

    /// L as an `Int`, for day arithmetic.
    public var days: Int { Int(rawValue) }
}
