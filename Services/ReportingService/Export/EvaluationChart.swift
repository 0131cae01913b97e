internal import Foundation
internal import TiltsMessages

/// The evaluation's chart as a self-contained SVG 1.1 document: per pilot area, each cohort's
/// mean change (FINAL − BASELINE) as a point with its 95% confidence interval as a whisker, on
/// one axis with the zero line, labelled in Latvian with English beneath.
///
/// A cohort's point is drawn only when its mean change is shown to the caller; otherwise the
/// place says "slēpts / suppressed" or "nav datu / no data". Whiskers are drawn when both ends are
/// shown. Text is XML-escaped; the document declares UTF-8 and uses only SVG presentation
/// attributes, so `rsvg-convert` and browsers render it alike. Pure.
enum EvaluationChart {
    static let width = 960.0
    static let height = 560.0
    private static let plotLeft = 90.0
    private static let plotRight = 930.0
    private static let plotTop = 110.0
    private static let plotBottom = 420.0
    private static let colours = ["#1f77b4", "#d95f02"]

    static func svg(_ report: PilotEvaluation) -> String {
        let areas = AssessmentArea.allCases
        // The axis covers every shown point and whisker end, and zero.
        var values: [Double] = [0]
        for cohort in report.cohorts {
            for area in cohort.areas {
                for figure in [area.meanChange, area.changeCILow, area.changeCIHigh] {
                    if let figure, figure.disclosure == .shown { values.append(figure.value) }
                }
            }
        }
        let (low, high, step) = axis(min: values.min()!, max: values.max()!)
        func y(_ value: Double) -> Double { plotBottom - (value - low) / (high - low) * (plotBottom - plotTop) }

        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(f(width))" height="\(f(height))" \
            viewBox="0 0 \(f(width)) \(f(height))" font-family="DejaVu Sans, Arial, sans-serif">
            <title>\(escape("Izmaiņas pa jomām: 40 un 70 dienu kurss / Change per area: 40- and 70-day courses"))</title>
            <rect x="0" y="0" width="\(f(width))" height="\(f(height))" fill="#ffffff"/>
            <text x="\(f(width / 2))" y="34" font-size="20" font-weight="bold" text-anchor="middle">\
            \(escape("Vidējās izmaiņas pa jomām (beigās − sākumā), 95% ticamības intervāls"))</text>
            <text x="\(f(width / 2))" y="58" font-size="15" text-anchor="middle" fill="#444444">\
            \(escape("Mean change per area (final − baseline), 95% confidence interval"))</text>
            <text x="\(f(width / 2))" y="80" font-size="13" text-anchor="middle" fill="#444444">\
            \(escape("Periods / Period: \(report.period?.first ?? "") – \(report.period?.last ?? "")"))</text>

            """
        // Grid, ticks and the zero line.
        var tick = low
        while tick <= high + step / 2 {
            let ty = y(tick)
            let zero = abs(tick) < step / 1000
            svg += """
                <line x1="\(f(plotLeft))" y1="\(f(ty))" x2="\(f(plotRight))" y2="\(f(ty))" \
                stroke="\(zero ? "#000000" : "#dddddd")" stroke-width="\(zero ? "1.5" : "1")"/>
                <text x="\(f(plotLeft - 8))" y="\(f(ty + 4))" font-size="12" text-anchor="end">\(escape(label(tick)))</text>

                """
            tick += step
        }
        svg += """
            <text x="24" y="\(f((plotTop + plotBottom) / 2))" font-size="13" text-anchor="middle" \
            transform="rotate(-90 24 \(f((plotTop + plotBottom) / 2)))">\
            \(escape("Izmaiņas, punkti / Change, points"))</text>

            """
        let groupWidth = (plotRight - plotLeft) / Double(areas.count)
        for (index, area) in areas.enumerated() {
            let centre = plotLeft + groupWidth * (Double(index) + 0.5)
            let names = ReportTexts.areaName(area)
            svg += """
                <text x="\(f(centre))" y="\(f(plotBottom + 22))" font-size="13" text-anchor="middle">\(escape(names.lv))</text>
                <text x="\(f(centre))" y="\(f(plotBottom + 38))" font-size="11" text-anchor="middle" fill="#555555">\(escape(names.en))</text>

                """
            for (cohortIndex, cohort) in report.cohorts.prefix(2).enumerated() {
                let x = centre + (cohortIndex == 0 ? -groupWidth / 6 : groupWidth / 6)
                let colour = colours[cohortIndex]
                guard let outcome = cohort.areas.first(where: { $0.area == area }), let mean = outcome.meanChange,
                    mean.disclosure == .shown
                else {
                    let hidden = cohort.areas.first(where: { $0.area == area })?.meanChange?.disclosure == .suppressed
                    svg += """
                        <text x="\(f(x))" y="\(f(y(0) - 8))" font-size="10" text-anchor="middle" fill="\(colour)">\
                        \(escape(hidden ? "slēpts" : "nav datu"))</text>
                        <text x="\(f(x))" y="\(f(y(0) + 16))" font-size="10" text-anchor="middle" fill="\(colour)">\
                        \(escape(hidden ? "suppressed" : "no data"))</text>

                        """
                    continue
                }
                if let lowEnd = outcome.changeCILow, let highEnd = outcome.changeCIHigh, lowEnd.disclosure == .shown,
                    highEnd.disclosure == .shown
                {
                    svg += """
                        <line x1="\(f(x))" y1="\(f(y(lowEnd.value)))" x2="\(f(x))" y2="\(f(y(highEnd.value)))" stroke="\(colour)" stroke-width="2"/>
                        <line x1="\(f(x - 7))" y1="\(f(y(lowEnd.value)))" x2="\(f(x + 7))" y2="\(f(y(lowEnd.value)))" stroke="\(colour)" stroke-width="2"/>
                        <line x1="\(f(x - 7))" y1="\(f(y(highEnd.value)))" x2="\(f(x + 7))" y2="\(f(y(highEnd.value)))" stroke="\(colour)" stroke-width="2"/>

                        """
                }
                svg += """
                    <circle cx="\(f(x))" cy="\(f(y(mean.value)))" r="6" fill="\(colour)"><title>\
                    \(escape("\(cohort.courseLengthDays) dienas / days: \(label(mean.value))"))</title></circle>

                    """
                if let paired = outcome.pairedChildren, paired.disclosure == .shown {
                    svg += """
                        <text x="\(f(x))" y="\(f(plotBottom - 6))" font-size="10" text-anchor="middle" fill="\(colour)">n=\(paired.value)</text>

                        """
                }
            }
        }
        // Legend.
        for (index, cohort) in report.cohorts.prefix(2).enumerated() {
            let x = plotLeft + 20 + Double(index) * 260
            let legendY = height - 70
            svg += """
                <circle cx="\(f(x))" cy="\(f(legendY))" r="6" fill="\(colours[index])"/>
                <text x="\(f(x + 14))" y="\(f(legendY + 5))" font-size="13">\
                \(escape("\(cohort.courseLengthDays) dienu kurss / \(cohort.courseLengthDays)-day course"))</text>

                """
        }
        let note = report.caveats.isEmpty ? "" : report.caveats.map(\.code).joined(separator: ", ")
        svg += """
            <text x="\(f(plotLeft))" y="\(f(height - 36))" font-size="11" fill="#444444">\
            \(escape("Augstāks vērtējums nozīmē mazāk grūtību. / A higher score means fewer difficulties."))</text>
            <text x="\(f(plotLeft))" y="\(f(height - 18))" font-size="11" fill="#444444">\
            \(escape(note.isEmpty ? "" : "Piezīmes / Caveats: \(note)"))</text>
            </svg>

            """
        return svg
    }

    /// A "nice" axis: bounds that are multiples of a 1, 2 or 5 × 10ⁿ step, about 6 ticks.
    static func axis(min low: Double, max high: Double) -> (Double, Double, Double) {
        var low = low
        var high = high
        if high - low < 1e-9 {
            low -= 1
            high += 1
        }
        let raw = (high - low) / 6
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        return ((low / step).rounded(.down) * step, (high / step).rounded(.up) * step, step)
    }

    private static func label(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// A coordinate with at most 2 decimals.
    private static func f(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// XML text and attribute escaping.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
