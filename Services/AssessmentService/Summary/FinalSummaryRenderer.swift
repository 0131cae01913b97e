internal import TiltsMessages

/// Renders an issued ``FinalSummary`` as the Latvian document the centre hands to the social
/// service: Markdown, and one self-contained HTML page (``html(_:)``, stylesheet inline, with a
/// print stylesheet).
///
/// Every piece of text that comes from a request or an instrument is escaped for its format, so
/// a narrative can contain `<`, `&`, `|` or `*` and still show as written. Pure; use anywhere.
struct FinalSummaryRenderer {
    /// The summary and the name of the instrument its dynamics come from.
    let summary: FinalSummary
    let instrumentName: String

    static let title = "Sociālās rehabilitācijas kursa noslēguma kopsavilkums"

    /// The key facts, as label and value, in the document's order.
    var facts: [(label: String, value: String)] {
        let timeline = summary.timeline ?? Timeline()
        var facts: [(String, String)] = [
            ("Lietas numurs", summary.caseID),
            ("Pašvaldība", summary.municipality),
            ("Kursa ilgums", "\(timeline.courseLengthDays) dienas"),
            ("Kursa sākums", Self.date(timeline.admissionDate)),
            ("Kursa pēdējā diena", Self.date(timeline.lastDay)),
            ("Kopsavilkuma datums", Self.date(summary.issuedOn)),
            ("Novērtēšanas instruments", "\(instrumentName) (\(summary.instrumentID), versija \(summary.instrumentVersion))"),
            ("Sniegtās nodarbības", "\(Self.count(summary.sessionsLogged, "nodarbība", "nodarbības")), kopā \(summary.sessionMinutes) min"),
        ]
        if summary.planVersion > 0 {
            facts.append(("Rehabilitācijas plāns", "apstiprinātā versija \(summary.planVersion)"))
        }
        return facts
    }

    /// The dynamics table's column headings.
    static let dynamicsColumns = ["Joma", "Sākumā", "Vidusposmā", "Beigās", "Izmaiņas", "Vērtējums"]

    /// One row of the dynamics table: the area's name and the five cells after it.
    func dynamicsRow(_ dynamics: AreaDynamics) -> [String] {
        let change = dynamics.trend == .notComparable ? "—" : (dynamics.change > 0 ? "+\(dynamics.change)" : "\(dynamics.change)")
        return [
            dynamics.areaName, Self.score(dynamics.baseline), Self.score(dynamics.mid), Self.score(dynamics.finalScore),
            change, Self.trendLabel(dynamics.trend),
        ]
    }

    /// The recommendations grouped by addressee, in the order SD, BT, school, family.
    var recommendationGroups: [(addressee: RecommendationAddressee, heading: String, texts: [String])] {
        Self.addressees.compactMap { addressee, heading in
            let texts = summary.recommendations.filter { $0.addressee == addressee }.map(\.text)
            return texts.isEmpty ? nil : (addressee, heading, texts)
        }
    }

    static let addressees: [(RecommendationAddressee, String)] = [
        (.socialService, "Sociālajam dienestam"), (.orphansCourt, "Bāriņtiesai"), (.school, "Izglītības iestādei"),
        (.family, "Ģimenei"),
    ]

    var destinationText: String {
        let label: String
        switch summary.destination {
        case .home: label = "Ģimene (mājas)"
        case .fosterFamily: label = "Audžuģimene"
        case .guardian: label = "Aizbildnis"
        case .otherInstitution: label = "Cita iestāde"
        default: label = "Cits"
        }
        return summary.destinationNote.isEmpty ? label : "\(label): \(summary.destinationNote)"
    }

    // MARK: - Markdown

    /// The document as CommonMark.
    func markdown() -> String {
        var lines = ["# \(Self.title)", ""]
        for fact in facts { lines.append("- **\(fact.label):** \(Markdown.inline(fact.value))") }
        lines += ["", "## Dinamika pa jomām", ""]
        lines.append("| " + Self.dynamicsColumns.joined(separator: " | ") + " |")
        lines.append("|" + String(repeating: " --- |", count: Self.dynamicsColumns.count))
        for dynamics in summary.dynamics {
            lines.append("| " + dynamicsRow(dynamics).map(Markdown.inline).joined(separator: " | ") + " |")
        }
        lines += ["", "## Kopsavilkums", "", Markdown.block(summary.narrative), "", "## Ieteikumi", ""]
        for group in recommendationGroups {
            lines += ["### \(group.heading)", ""]
            for text in group.texts { lines.append("- " + Markdown.lineStart(Markdown.inline(text))) }
            lines.append("")
        }
        lines += ["## Bērna turpmākā dzīvesvieta", "", Markdown.block(destinationText), ""]
        lines += ["## Turpmākā atbalsta plāns", "", Markdown.block(summary.followUpPlan), ""]
        return lines.joined(separator: "\n")
    }

    // MARK: - Formatting

    /// `YYYY-MM-DD` as Latvian documents write it: `DD.MM.YYYY.`
    static func date(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3 else { return iso }
        return "\(parts[2]).\(parts[1]).\(parts[0])."
    }

    static func score(_ score: AreaScore?) -> String {
        guard let score else { return "—" }
        guard score.complete else { return "nepilnīgs" }
        return score.bandLabel.isEmpty ? "\(score.score)" : "\(score.score) (\(score.bandLabel))"
    }

    static func trendLabel(_ trend: AreaTrend) -> String {
        switch trend {
        case .improved: return "uzlabojums"
        case .unchanged: return "bez izmaiņām"
        case .worsened: return "pasliktinājums"
        default: return "nav salīdzināms"
        }
    }

    /// A count with its noun in Latvian: singular after numbers ending in 1 (but not 11).
    static func count(_ value: Int32, _ singular: String, _ plural: String) -> String {
        (value % 10 == 1 && value % 100 != 11) ? "\(value) \(singular)" : "\(value) \(plural)"
    }
}

/// Escaping for CommonMark text: enough backslashes that nothing written reads as syntax, and no
/// more, so the Markdown stays readable as plain text.
enum Markdown {
    /// Text inside a line (a list item, a table cell, after a label): emphasis, code, links, HTML,
    /// entities and table pipes are escaped, and line breaks become spaces.
    static func inline(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == "\n" || character == "\r" {
                result.append(" ")
            } else {
                if "\\`*_[]<>|&~".contains(character) { result.append("\\") }
                result.append(character)
            }
        }
        return result
    }

    /// A paragraph: each line escaped as ``inline(_:)`` and, where a line could open a heading,
    /// list, quote or rule, its first character too; lines are joined by hard line breaks. An
    /// empty text becomes "—".
    static func block(_ text: String) -> String {
        let lines = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" })
        if lines.isEmpty { return "—" }
        return lines.map { lineStart(inline(String($0))) }.joined(separator: "\\\n")
    }

    /// Escapes what only means something at the start of a line: `#`, `-`, `+`, `=`, and the
    /// `.` or `)` of an ordered-list number.
    static func lineStart(_ line: String) -> String {
        let body = line.drop { $0 == " " }
        let indent = String(line.prefix(line.count - body.count))
        guard let first = body.first else { return line }
        if "#-+=".contains(first) { return indent + "\\" + body }
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let next = body.dropFirst(digits.count).first, next == "." || next == ")" {
            return indent + digits + "\\" + body.dropFirst(digits.count)
        }
        return line
    }
}
