internal import Foundation
#if canImport(FoundationXML)
internal import FoundationXML
#endif
internal import Testing
@testable internal import ReportingService
internal import TiltsDomain
internal import TiltsMessages
internal import TiltsTLS

/// CSV, chunks and the SVG chart.
@Suite struct ExportTests {
    func evaluation(suppressing: Bool) async throws -> PilotEvaluation {
        let store = try await PilotScenario.store()
        return PilotEvaluationBuilder(
            period: PilotCalendar.default.period, today: CalendarDay(year: 2026, month: 11, day: 23)!, instrumentID: "pilot-mapping"
        ).build(model: try await store.model(), sessionTypes: [], suppressing: suppressing)
    }

    @Test func csvQuotesFieldsAsRFC4180Says() {
        #expect(CSVTable.quote("plain") == "plain")
        #expect(CSVTable.quote("a,b") == "\"a,b\"")
        #expect(CSVTable.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVTable.quote("two\r\nlines") == "\"two\r\nlines\"")
        #expect(CSVTable.format(0.1 + 0.2) == "0.3" && CSVTable.format(5) == "5" && CSVTable.format(-1.25) == "-1.25")
    }

    @Test func csvHasOneRowPerFigureAndHidesSuppressedValues() async throws {
        let text = ReportCSV.evaluation(try await evaluation(suppressing: true))
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines[0] == "section,group,item,measure,value,disclosure")
        #expect(lines.contains("cohort,40,,admitted,6,SHOWN"))
        #expect(lines.contains("cohort,40,,terminated_early,,SUPPRESSED"))
        #expect(lines.contains("comparison,70-40,EMOTIONAL,welch_df,10,SHOWN"))
        #expect(lines.contains { $0.hasPrefix("caveat,COHORT_UNDER_10,,lv,") })
    }

    @Test func csvCarriesTheOverdueActionsOfBothReports() async throws {
        let store = try ReportingFixtures.store()
        try await ReportingFixtures.apply(ActionScenario.events(), to: store)
        let model = try await store.model()
        let quarterly = QuarterlyReportBuilder(
            quarter: 2, window: PilotCalendar.default.range(ofQuarter: 2)!, today: CalendarDay(year: 2026, month: 11, day: 23)!,
            capacity: 12, dailyRateEur: nil, municipality: nil
        ).build(model: model, suppressing: false)
        #expect(ReportCSV.quarterly(quarterly).components(separatedBy: "\r\n").contains("actions,,,overdue,5,SHOWN"))
        let snapshot = OperationalSnapshotBuilder(asOf: ReportingFixtures.day("2026-06-21"), capacity: 12)
            .build(model: model, suppressing: true)
        #expect(ReportCSV.snapshot(snapshot).components(separatedBy: "\r\n").contains("actions,,,overdue,,SUPPRESSED"))
    }

    @Test func chunksReassembleToTheDocumentWithItsDigest() {
        let bytes = (0..<40_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let chunks = ExportDocument(filename: "x.csv", contentType: "text/csv", bytes: bytes).chunks
        #expect(chunks.count == 3)
        #expect(chunks[0].filename == "x.csv" && chunks[1].filename.isEmpty)
        #expect(chunks.map(\.offset) == [0, 16_384, 32_768])
        #expect(chunks.flatMap(\.data) == bytes)
        #expect(chunks.last!.last && chunks.last!.totalSize == 40_000 && chunks.last!.sha256 == Digest.hex(Digest.sha256(bytes)))
        #expect(chunks.dropLast().allSatisfy { !$0.last })
        let empty = ExportDocument(filename: "e.json", contentType: "application/json", bytes: []).chunks
        #expect(empty.count == 1 && empty[0].last && empty[0].filename == "e.json")
    }

    @Test func theChartIsWellFormedXMLWithBothLanguagesAndEveryArea() async throws {
        for suppressing in [false, true] {
            let svg = EvaluationChart.svg(try await evaluation(suppressing: suppressing))
            let parser = XMLParser(data: Data(svg.utf8))
            let collector = SVGCollector()
            parser.delegate = collector
            #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
            #expect(collector.root == "svg")
            #expect(collector.circles >= 12 + 2, "two points per area and the legend")
            for area in AssessmentArea.allCases {
                let names = ReportTexts.areaName(area)
                #expect(collector.text.contains(names.lv) && collector.text.contains(names.en))
            }
            #expect(collector.text.contains("70 dienu kurss / 70-day course"))
        }
        let empty = EvaluationChart.svg(PilotEvaluation())
        #expect(XMLParser(data: Data(empty.utf8)).parse())
    }

    @Test func niceAxisBoundsCoverTheValues() {
        let (low, high, step) = EvaluationChart.axis(min: -0.4, max: 2.66)
        #expect(low == -1 && high == 3 && step == 1)
        #expect(EvaluationChart.axis(min: 0, max: 0.9) == (0, 1, 0.2))
        #expect(EvaluationChart.escape("a<b & \"c\"") == "a&lt;b &amp; &quot;c&quot;")
    }
}

private final class SVGCollector: NSObject, XMLParserDelegate {
    var root: String?
    var circles = 0
    var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if root == nil { root = name }
        if name == "circle" { circles += 1 }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}
