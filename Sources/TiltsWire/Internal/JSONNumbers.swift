/// Conversions between proto3 JSON values and Swift numbers.
///
/// Integers are accepted as JSON numbers or strings (exponents allowed when the value is
/// integral); floats also accept `"NaN"`, `"Infinity"` and `"-Infinity"`. Out-of-range values
/// throw `invalidJSONValue`.
enum JSONNumbers {
    static func fail(_ what: String) -> WireError {
        WireError(code: .invalidJSONValue, message: what)
    }

    /// Whether `text` is a JSON number literal (the grammar `JSONParser` accepts).
    static func isNumberLiteral(_ text: String) -> Bool {
        var parser = text.utf8.makeIterator()
        var seenDigit = false
        var state = 0  // 0 sign/int, 1 int digits, 2 after '.', 3 frac digits, 4 after e, 5 exp sign, 6 exp digits
        var first = true
        var leadingZero = false
        while let c = parser.next() {
            let isDigit = c >= 0x30 && c <= 0x39
            switch state {
            case 0:
                if c == UInt8(ascii: "-") && first { first = false; continue }
                guard isDigit else { return false }
                leadingZero = c == 0x30
                seenDigit = true
                state = 1
            case 1:
                if isDigit { if leadingZero { return false } }
                else if c == UInt8(ascii: ".") { state = 2 }
                else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") { state = 4 }
                else { return false }
            case 2:
                guard isDigit else { return false }
                state = 3
            case 3:
                if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") { state = 4 } else if !isDigit { return false }
            case 4:
                if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { state = 5 } else if isDigit { state = 6 } else { return false }
            case 5:
                guard isDigit else { return false }
                state = 6
            default:
                guard isDigit else { return false }
            }
            first = false
        }
        return seenDigit && (state == 1 || state == 3 || state == 6)
    }

    static func integer<T: FixedWidthInteger>(_ value: JSONValue, as _: T.Type = T.self) throws -> T {
        let literal: String
        switch value {
        case .number(let text): literal = text
        case .string(let text) where isNumberLiteral(text): literal = text
        default: throw fail("expected an integer, got \(value.kindName)")
        }
        if let exact = T(literal, radix: 10) { return exact }
        // Not a plain integer literal (or out of range): allow exponent/fraction forms that are integral.
        guard literal.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }),
            let d = Double(literal), let v = T(exactly: d)
        else { throw fail("\(literal) is not a valid \(T.self)") }
        return v
    }

    static func double(_ value: JSONValue) throws -> Double {
        switch value {
        case .number(let text):
            return try finite(text)
        case .string("NaN"): return .nan
        case .string("Infinity"): return .infinity
        case .string("-Infinity"): return -.infinity
        case .string(let text) where isNumberLiteral(text):
            return try finite(text)
        default:
            throw fail("expected a number, got \(value.kindName)")
        }
    }

    private static func finite(_ literal: String) throws -> Double {
        guard let d = Double(literal), d.isFinite else { throw fail("\(literal) is out of range for double") }
        return d
    }

    static func float(_ value: JSONValue) throws -> Float {
        let d = try double(value)
        let f = Float(d)
        // Shortest float spellings such as 3.4028235e+38 exceed Float.max as doubles but round
        // to it; only values that round to infinity are out of range.
        guard !d.isFinite || f.isFinite else { throw fail("\(d) is out of range for float") }
        return f
    }

    /// Writes a double: a number, or one of the strings `"NaN"`, `"Infinity"`, `"-Infinity"`.
    static func write(_ value: Double, to writer: inout JSONWriter) {
        if value.isNaN { writer.string("NaN") }
        else if value == .infinity { writer.string("Infinity") }
        else if value == -.infinity { writer.string("-Infinity") }
        else { writer.literal(value.description) }
    }

    /// Writes a float with the shortest digits that round-trip through `Float`.
    static func write(_ value: Float, to writer: inout JSONWriter) {
        if value.isNaN { writer.string("NaN") }
        else if value == .infinity { writer.string("Infinity") }
        else if value == -.infinity { writer.string("-Infinity") }
        else { writer.literal(value.description) }
    }
}
