/// Why a course ended before day L: the categories of the national statistics (DESIGN section 2).
///
/// The raw values are stable identifiers for storage and reports.
public enum TerminationReason: String, Sendable, CaseIterable {
    /// Rehabilitation goals reached before the planned last day.
    case finishedEarly
    /// The child moved to another type of rehabilitation.
    case changeOfRehabilitationType
    /// The child's health worsened.
    case healthWorsened
    /// The child or the parents decided to stop.
    case childOrParentsDecision
    /// The child ran away.
    case ranAway
    /// The child broke the centre's rules.
    case brokeRules
    /// Any other reason (record it in words alongside).
    case other
}
