/// Validation of the Latvian personal code (personas kods), DESIGN section 5.
///
/// Two forms exist:
/// - **Old form** `DDMMYY-CNNNK`: the birth date, a century digit C (0 → 1800s, 1 → 1900s,
///   2 → 2000s), three digits and a check digit K. With d₁…d₁₀ the first ten digits and weights
///   1, 6, 3, 7, 9, 10, 5, 8, 4, 2, K = (1101 − Σ wᵢdᵢ) mod 11 mod 10. Example: `161175-19997`
///   (born 16 November 1975): Σ = 291, (1101 − 291) mod 11 = 7, K = 7.
/// - **New form** `3[2-9]NNNN-NNNNN` (issued since 1 July 2017): no date, no check digit.
///
/// The two cannot be confused: an old-form code starts with a day, 01–31, so `32`…`39` only begin new
/// codes; a code beginning `30` or `31` is old form (day 30 or 31) and is checked as such.
///
/// **Decision on the hyphen:** the hyphen is accepted in its place (after the sixth digit) or left out
/// altogether (`16117519997`), since both are common in municipal systems. Nothing else is tolerated:
/// no spaces, other separators, or hyphen elsewhere. Store and compare the ``canonical(_:)`` form.
///
/// Children without a Latvian code are admitted with a birth date and another identity document
/// (DESIGN section 5); that path does not come here.
///
/// Errors never contain the code (see ``PersonalCodeError``). Pure functions; safe from any thread.
public enum PersonalCode {
    /// Which form a valid code has; the old form carries its birth date.
    public enum Form: Sendable, Equatable {
        case old(birthDate: CalendarDay)
        case new
    }

    /// The check-digit weights over the first ten digits.
    static let weights = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

    /// Validates a code's shape, date and check digit (old form) or shape (new form).
    public static func validate(_ code: String) -> Result<Form, PersonalCodeError> {
        guard let digits = digits(of: code) else { return .failure(.malformed) }
        if digits[0] == 3 && digits[1] >= 2 { return .success(.new) }

        let century: Int
        switch digits[6] {
        case 0: century = 1800
        case 1: century = 1900
        case 2: century = 2000
        default: return .failure(.badCentury)
        }
        guard let birthDate = CalendarDay(
            year: century + digits[4] * 10 + digits[5],
            month: digits[2] * 10 + digits[3],
            day: digits[0] * 10 + digits[1])
        else { return .failure(.impossibleDate) }
        guard checkDigit(digits) == digits[10] else { return .failure(.badCheckDigit) }
        return .success(.old(birthDate: birthDate))
    }

    /// Validates as ``validate(_:)``, and also that an old-form code's date is `birthDate`
    /// (``PersonalCodeError/Code/birthDateMismatch`` otherwise). A new-form code carries no date, so
    /// any birth date goes with it.
    public static func validate(_ code: String, birthDate: CalendarDay) -> Result<Form, PersonalCodeError> {
        let result = validate(code)
        if case .success(.old(let date)) = result, date != birthDate {
            return .failure(.birthDateMismatch)
        }
        return result
    }

    /// The code as `NNNNNN-NNNNN` (hyphen inserted if it was left out) when it is valid, else `nil`.
    public static func canonical(_ code: String) -> String? {
        guard case .success = validate(code), let digits = digits(of: code) else { return nil }
        let text = digits.map(String.init).joined()
        return String(text.prefix(6)) + "-" + String(text.suffix(5))
    }

    /// The check digit K of an old-form code from its first ten digits.
    static func checkDigit(_ digits: [Int]) -> Int {
        var sum = 0
        for (digit, weight) in zip(digits, weights) { sum += digit * weight }
        return (1101 - sum) % 11 % 10  // sum ≤ 9 × 55 = 495, so 1101 − sum is positive
    }

    /// The 11 digits of `DDDDDD-DDDDD` or `DDDDDDDDDDD`, or `nil` for any other shape.
    private static func digits(of code: String) -> [Int]? {
        var bytes = Array(code.utf8)
        if bytes.count == 12 {
            guard bytes[6] == UInt8(ascii: "-") else { return nil }
            bytes.remove(at: 6)
        }
        guard bytes.count == 11 else { return nil }
        var digits: [Int] = []
        digits.reserveCapacity(11)
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            digits.append(Int(byte - UInt8(ascii: "0")))
        }
        return digits
    }
}
