internal import TiltsDomain

/// The text rules of RFC 5545 that every iCalendar object needs: content lines ending in CRLF,
/// folded at 75 octets, escaped TEXT values, quoted parameter values, and DATE-TIME values. Pure.
///
/// ```swift
/// var text = ICalendarText()
/// text.add("SUMMARY", value: ICalendarText.escape("STIS 1. sanāksme; plāns"))
/// text.add("ATTENDEE", parameters: [("CN", "Bāriņtiesa")], value: "mailto:bt@example.lv")
/// text.rendered   // "SUMMARY:STIS 1. sanāksme\\; plāns\r\nATTENDEE;CN=Bāriņtiesa:mailto:…\r\n"
/// ```
struct ICalendarText {
    /// The longest content line, in octets, excluding its CRLF (RFC 5545 section 3.1).
    static let maximumLineOctets = 75

    private(set) var rendered = ""

    /// Appends one content line `NAME;PARAM=value:VALUE`, folded. `value` must already be in
    /// its type's form (``escape(_:)`` for TEXT); parameter values are quoted here when needed.
    mutating func add(_ name: String, parameters: [(String, String)] = [], value: String) {
        var line = name
        for (parameter, parameterValue) in parameters {
            line += ";\(parameter)=\(Self.quote(parameterValue))"
        }
        line += ":" + value
        rendered += Self.fold(line) + "\r\n"
    }

    /// A TEXT value (RFC 5545 section 3.3.11): backslash, semicolon and comma escaped, line breaks
    /// as `\n`, other control characters dropped.
    static func escape(_ text: String) -> String {
        var escaped = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\r": escaped += "\\n"
            case "\n": if !previousWasCR { escaped += "\\n" }
            case "\t": escaped += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// A parameter value (RFC 5545 section 3.1 `param-value`): as it is when it holds only
    /// SAFE-CHARs, otherwise in double quotes. Double quotes and control characters, which no
    /// parameter value can hold, are dropped.
    static func quote(_ value: String) -> String {
        var kept = ""
        for scalar in value.unicodeScalars where scalar != "\"" && scalar.value >= 0x20 && scalar.value != 0x7F {
            kept.unicodeScalars.append(scalar)
        }
        return kept.contains(where: { $0 == ";" || $0 == ":" || $0 == "," }) ? "\"" + kept + "\"" : kept
    }

    /// Splits a content line into lines of at most 75 octets joined by CRLF and a space, never
    /// inside a UTF-8 sequence (RFC 5545 section 3.1). Each continuation line's leading space
    /// counts toward its 75 octets.
    static func fold(_ line: String) -> String {
        var folded = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > maximumLineOctets {
                folded += "\r\n "
                octets = 1
            }
            folded.unicodeScalars.append(scalar)
            octets += size
        }
        return folded
    }

    /// `YYYYMMDDTHHMMSSZ`, the UTC form of DATE-TIME.
    static func utcDateTime(unixSeconds seconds: Int64) -> String {
        dateTime(localSeconds: seconds) + "Z"
    }

    /// `YYYYMMDDTHHMMSS` in Riga local time, for `TZID=Europe/Riga` values.
    static func rigaDateTime(unixSeconds seconds: Int64) -> String {
        dateTime(localSeconds: seconds + Int64(RigaTime.utcOffsetSeconds(atUnixSeconds: seconds)))
    }

    private static func dateTime(localSeconds: Int64) -> String {
        let days = Int((localSeconds - ((localSeconds % 86_400) + 86_400) % 86_400) / 86_400)
        let secondOfDay = Int(((localSeconds % 86_400) + 86_400) % 86_400)
        let day = CalendarDay(dayNumber: days)
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return pad(day.year, 4) + pad(day.month, 2) + pad(day.day, 2) + "T" + pad(secondOfDay / 3600, 2)
            + pad(secondOfDay / 60 % 60, 2) + pad(secondOfDay % 60, 2)
    }
}
