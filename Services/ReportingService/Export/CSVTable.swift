internal import TiltsMessages

/// A CSV document (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma,
/// quote or line break, quotes doubled), UTF-8, one row per figure:
/// `section,group,item,measure,value,disclosure`. A suppressed or unavailable figure has an empty
/// value and says so in `disclosure`. A value type.
struct CSVTable: Sendable {
    static let header = ["section", "group", "item", "measure", "value", "disclosure"]
    private(set) var rows: [[String]] = [header]

    mutating func add(_ section: String, _ group: String, _ item: String, _ measure: String, _ count: ReportCount?) {
        let count = count ?? ReportCount(value: 0, disclosure: .notAvailable)
        rows.append([section, group, item, measure, count.disclosure == .shown ? String(count.value) : "", Self.name(count.disclosure)])
    }

    mutating func add(_ section: String, _ group: String, _ item: String, _ measure: String, _ figure: ReportFigure?) {
        let figure = figure ?? ReportFigure(value: 0, disclosure: .notAvailable)
        rows.append([
            section, group, item, measure, figure.disclosure == .shown ? Self.format(figure.value) : "", Self.name(figure.disclosure),
        ])
    }

    mutating func add(_ section: String, _ group: String, _ item: String, _ measure: String, text: String) {
        rows.append([section, group, item, measure, text, "SHOWN"])
    }

    /// The document.
    var text: String {
        rows.map { $0.map(Self.quote).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func quote(_ field: String) -> String {
        // Unicode scalars, not Characters: "\r\n" is one Character.
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return field
        }
        var quoted = "\""
        for character in field {
            quoted.append(character)
            if character == "\"" { quoted.append("\"") }
        }
        return quoted + "\""
    }

    /// A figure rounded to 6 decimals, without trailing zeros.
    static func format(_ value: Double) -> String {
        let rounded = (value * 1_000_000).rounded() / 1_000_000
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return String(rounded)
    }

    static func name(_ disclosure: Disclosure) -> String {
        disclosure.protoName ?? "DISCLOSURE_UNSPECIFIED"
    }
}
