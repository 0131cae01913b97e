internal import Logging

/// Escaping for the two line formats of ``StructuredLogHandler``.
enum LogEncoding {
    /// Appends `text` as a JSON string literal (RFC 8259): quotes, backslashes and control
    /// characters escaped, everything else as UTF-8.
    static func appendJSONString(_ text: String, to out: inout String) {
        out += "\""
        var plainStart = text.unicodeScalars.startIndex
        var index = plainStart
        let scalars = text.unicodeScalars
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let escape: String?
            switch scalar {
            case "\"": escape = "\\\""
            case "\\": escape = "\\\\"
            case "\n": escape = "\\n"
            case "\r": escape = "\\r"
            case "\t": escape = "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    escape = "\\u" + hex4(scalar.value)
                } else {
                    escape = nil
                }
            }
            if let escape {
                out.unicodeScalars.append(contentsOf: scalars[plainStart..<index])
                out += escape
                plainStart = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        out.unicodeScalars.append(contentsOf: scalars[plainStart..<scalars.endIndex])
        out += "\""
    }

    /// Appends a metadata value as JSON: strings as strings, integers, finite floating-point
    /// numbers and booleans given as `.stringConvertible` as JSON numbers and booleans, lists as
    /// arrays, dictionaries as objects with sorted keys.
    static func appendJSON(_ value: Logger.MetadataValue, to out: inout String) {
        switch value {
        case .string(let text):
            appendJSONString(text, to: &out)
        case .stringConvertible(let convertible):
            switch convertible {
            case let number as any BinaryInteger:
                out += number.description
            case let number as Double where number.isFinite:
                out += number.description
            case let flag as Bool:
                out += flag ? "true" : "false"
            default:
                appendJSONString(convertible.description, to: &out)
            }
        case .array(let values):
            out += "["
            for (offset, element) in values.enumerated() {
                if offset > 0 { out += "," }
                appendJSON(element, to: &out)
            }
            out += "]"
        case .dictionary(let entries):
            out += "{"
            for (offset, key) in entries.keys.sorted().enumerated() {
                if offset > 0 { out += "," }
                appendJSONString(key, to: &out)
                out += ":"
                appendJSON(entries[key]!, to: &out)
            }
            out += "}"
        }
    }

    /// Appends a metadata value for the text format: bare when it is one plain token, else as a
    /// quoted, escaped string.
    static func appendLogfmtValue(_ value: Logger.MetadataValue, to out: inout String) {
        let text: String
        switch value {
        case .string(let string): text = string
        case .stringConvertible(let convertible): text = convertible.description
        case .array, .dictionary:
            var json = ""
            appendJSON(value, to: &json)
            text = json
        }
        let needsQuotes = text.isEmpty || text.unicodeScalars.contains { scalar in
            scalar == " " || scalar == "=" || scalar == "\"" || scalar == "\\" || scalar.value < 0x21 || scalar.value == 0x7F
        }
        if needsQuotes {
            appendJSONString(text, to: &out)
        } else {
            out += text
        }
    }

    /// Appends `text` with line breaks and other control characters escaped, so one event stays
    /// on one line.
    static func appendSingleLine(_ text: String, to out: inout String) {
        if !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            out += text
            return
        }
        var quoted = ""
        appendJSONString(text, to: &quoted)
        out += quoted.dropFirst().dropLast()
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(value >> 12 & 0xF)], digits[Int(value >> 8 & 0xF)], digits[Int(value >> 4 & 0xF)], digits[Int(value & 0xF)]])
    }
}
