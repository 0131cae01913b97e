/// Why a personal code (personas kods) was refused.
///
/// The ``code`` says which rule failed; the ``message`` explains it to a municipal integrator in
/// English (DESIGN section 4). **Neither ever contains the personal code itself** (DESIGN section 5:
/// special-category data about children), so the error may go into logs and gRPC status messages as it
/// is. `TiltsDomain` depends on nothing; the service layer maps the error to `INVALID_ARGUMENT` (every
/// code but ``Code/birthDateMismatch`` names a malformed field; the mismatch names both fields).
public struct PersonalCodeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Which rule a personal code broke. A struct over a private enum, so codes can be added without
    /// breaking callers' `switch` statements; compare with `==`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case malformed, badCheckDigit, impossibleDate, birthDateMismatch
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// Not 11 digits in the shape `DDMMYY-CNNNK` or `3[2-9]NNNN-NNNNN` (including a century digit
        /// other than 0, 1 or 2).
        public static let malformed = Code(.malformed)
        /// Old form whose check digit K does not match the first ten digits.
        public static let badCheckDigit = Code(.badCheckDigit)
        /// Old form whose `DDMMYY` with its century digit is not a real day.
        public static let impossibleDate = Code(.impossibleDate)
        /// Old form whose date differs from the birth date given with it.
        public static let birthDateMismatch = Code(.birthDateMismatch)

        public var description: String { value.rawValue }
    }

    /// Which rule failed.
    public let code: Code
    /// An explanation for an integrator; never contains the personal code.
    public let message: String

    /// - Parameters:
    ///   - code: the rule that failed.
    ///   - message: an explanation; must not contain the personal code.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "PersonalCodeError.\(code): \(message)" }
}

extension PersonalCodeError {
    static let malformed = PersonalCodeError(
        code: .malformed,
        message: "A personal code is 11 digits, written DDMMYY-CNNNK (old form) or 3XNNNN-NNNNN with X from 2 to 9 (new form); the hyphen may be left out.")
    static let badCentury = PersonalCodeError(
        code: .malformed,
        message: "The seventh digit of an old-form personal code (the century digit) must be 0, 1 or 2.")
    static let badCheckDigit = PersonalCodeError(
        code: .badCheckDigit,
        message: "The last digit of the personal code does not match its check digit; the code was probably mistyped.")
    static let impossibleDate = PersonalCodeError(
        code: .impossibleDate,
        message: "The first six digits of the old-form personal code, with its century digit, are not a real date.")
    static let birthDateMismatch = PersonalCodeError(
        code: .birthDateMismatch,
        message: "The date in the old-form personal code differs from the birth date given.")
}
