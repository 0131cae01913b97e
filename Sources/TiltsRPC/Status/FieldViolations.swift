/// Collects what is wrong with a request's fields, then fails with one INVALID_ARGUMENT naming each.
///
/// Services validate a whole request before answering, so an integrator fixes every field in one
/// round: `details.child.birth_date: must be a date YYYY-MM-DD; details.consent: is required`.
/// Messages name fields by their proto path and never echo the values (they may be personal data).
public struct FieldViolations: Sendable {
    public struct Violation: Sendable, Hashable {
        public var field: String
        public var description: String
    }

    public private(set) var violations: [Violation] = []

    public init() {}

    /// Records a violation of `field`.
    public mutating func add(_ field: String, _ description: String) {
        violations.append(Violation(field: field, description: description))
    }

    /// Records a violation when `condition` is false.
    public mutating func require(_ condition: Bool, _ field: String, _ description: String) {
        if !condition { add(field, description) }
    }

    public var isEmpty: Bool { violations.isEmpty }

    /// The error listing every violation, or nil when there is none.
    public var error: RPCError? {
        guard !violations.isEmpty else { return nil }
        let text = violations.map { "\($0.field): \($0.description)" }.joined(separator: "; ")
        var metadata = Metadata()
        for violation in violations {
            metadata.add("tilts-field-violation", violation.field)
        }
        return RPCError(code: .invalidArgument, message: "invalid request: \(text)", metadata: metadata)
    }

    /// Throws ``error`` if any violation was recorded.
    public func check() throws {
        if let error { throw error }
    }
}
