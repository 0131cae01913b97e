internal import TiltsMessages

extension FinalSummaryRenderer {
    /// The document as one HTML5 page in XHTML syntax (well-formed XML, so XML parsers read it too),
    /// with its stylesheet inline: nothing to fetch, ready to print or archive.
    ///
    /// Parts tests and tools can find: `table#facts`; `table#dynamics` with one
    /// `tr[data-area=<area id>]` per area, whose cells carry the classes `baseline`, `mid`,
    /// `final`, `change` and `trend`; `section#recommendations` with one
    /// `li[data-addressee=<enum name>]` per recommendation.
    func html() -> String {
        var out = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="lv">
            <head>
            <meta charset="utf-8" />
            <title>\(HTML.escape(Self.title))</title>
            <style>
            \(Self.stylesheet)
            </style>
            </head>
            <body>
            <main>
            <h1>\(HTML.escape(Self.title))</h1>
            <table id="facts"><tbody>

            """
        for fact in facts {
            out += "<tr><th scope=\"row\">\(HTML.escape(fact.label))</th><td>\(HTML.escape(fact.value))</td></tr>\n"
        }
        out += "</tbody></table>\n<section id=\"dynamics-section\">\n<h2>Dinamika pa jomām</h2>\n"
        out += "<table id=\"dynamics\"><thead><tr>"
        for column in Self.dynamicsColumns { out += "<th scope=\"col\">\(HTML.escape(column))</th>" }
        out += "</tr></thead><tbody>\n"
        let classes = ["baseline", "mid", "final", "change", "trend"]
        for dynamics in summary.dynamics {
            let row = dynamicsRow(dynamics)
            out += "<tr data-area=\"\(HTML.escape(dynamics.areaID))\" data-trend=\"\(HTML.escape(dynamics.trend.description))\">"
            out += "<th scope=\"row\">\(HTML.escape(row[0]))</th>"
            for (cell, name) in zip(row.dropFirst(), classes) {
                out += "<td class=\"\(name)\">\(HTML.escape(cell))</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody></table>\n</section>\n"
        out += "<section id=\"narrative\">\n<h2>Kopsavilkums</h2>\n\(HTML.paragraphs(summary.narrative))</section>\n"
        out += "<section id=\"recommendations\">\n<h2>Ieteikumi</h2>\n"
        for group in recommendationGroups {
            out += "<h3>\(HTML.escape(group.heading))</h3>\n<ul>\n"
            for text in group.texts {
                out += "<li data-addressee=\"\(group.addressee.description)\">\(HTML.lines(text))</li>\n"
            }
            out += "</ul>\n"
        }
        out += "</section>\n"
        out += "<section id=\"destination\">\n<h2>Bērna turpmākā dzīvesvieta</h2>\n\(HTML.paragraphs(destinationText))</section>\n"
        out += "<section id=\"follow-up\">\n<h2>Turpmākā atbalsta plāns</h2>\n\(HTML.paragraphs(summary.followUpPlan))</section>\n"
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    /// Screen and print styles. Kept free of `<` and `&` so the page stays well-formed XML.
    static let stylesheet = """
        body { font-family: "DejaVu Serif", Georgia, serif; color: #111; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
        h1 { font-size: 1.5rem; border-bottom: 2px solid #333; padding-bottom: 0.3rem; }
        h2 { font-size: 1.2rem; margin-top: 1.6rem; }
        h3 { font-size: 1rem; margin-bottom: 0.2rem; }
        table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
        th, td { border: 1px solid #999; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
        thead th { background: #eee; }
        table#facts th { width: 35%; font-weight: normal; color: #333; }
        td.change, td.trend { white-space: nowrap; }
        tr[data-trend="IMPROVED"] td.trend { color: #175e1c; }
        tr[data-trend="WORSENED"] td.trend { color: #8a1c1c; }
        @page { size: A4; margin: 2cm; }
        @media print {
          body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
          thead th { background: none; }
          tr, li, h2, h3 { page-break-inside: avoid; break-inside: avoid; }
          h2, h3 { page-break-after: avoid; break-after: avoid; }
        }
        """
}

/// Escaping for HTML (and XML) text and attribute values.
enum HTML {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                // Control characters other than tab and line breaks are not allowed in XML.
                if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                    scalar.value < 0x20, scalar != "\t", scalar != "\n", scalar != "\r"
                {
                    result += " "
                } else {
                    result.append(character)
                }
            }
        }
        return result
    }

    /// One `<p>` per non-empty line; "—" when there is none.
    static func paragraphs(_ text: String) -> String {
        let lines = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" })
        if lines.isEmpty { return "<p>—</p>\n" }
        return lines.map { "<p>\(escape(String($0)))</p>\n" }.joined()
    }

    /// The text's lines joined by `<br />`.
    static func lines(_ text: String) -> String {
        text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { escape(String($0)) }.joined(separator: "<br />")
    }
}
