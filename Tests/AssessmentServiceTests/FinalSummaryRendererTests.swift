internal import Foundation
internal import Testing
@testable internal import AssessmentService
internal import TiltsMessages

/// The rendered document is parsed (XMLParser), never searched as text: it must be well-formed and
/// show every area's dynamics and every recommendation, with hostile text kept as written.
@Suite struct FinalSummaryRendererTests {
    static let hostile = "Skola & ģimene <script>alert('x')</script> | *svarīgi* \"citāts\""

    static func summary() -> FinalSummary {
        let pilot = PilotMappingInstrument.version1
        var baseline = Assessment()
        baseline.scores = InstrumentScoring.score(
            Dictionary(uniqueKeysWithValues: zip(PilotMappingInstrument.areas.map { PilotMappingInstrument.itemID($0.id) }, [1, 2, 3, 4, 5, 2])),
            with: pilot)
        var mid = Assessment()
        mid.scores = InstrumentScoring.score([PilotMappingInstrument.itemID("emotional"): 2], with: pilot)
        var final = Assessment()
        final.scores = InstrumentScoring.score(
            Dictionary(uniqueKeysWithValues: zip(PilotMappingInstrument.areas.map { PilotMappingInstrument.itemID($0.id) }, [3, 2, 2, 5, 5, 4])),
            with: pilot)
        var summary = FinalSummary()
        summary.caseID = "case-1"
        summary.issuedOn = "2026-05-03"
        summary.municipality = "riga"
        summary.timeline = Timeline(admissionDate: "2026-03-25", courseLengthDays: 40, lastDay: "2026-05-03")
        summary.instrumentID = pilot.instrumentID
        summary.instrumentVersion = 1
        summary.dynamics = SummaryDynamics.compute(instrument: pilot, baseline: baseline, mid: mid, final: final)
        summary.narrative = "Pirmā rindkopa.\n" + hostile
        summary.recommendations = [
            Recommendation(addressee: .socialService, text: "Turpināt psihologa konsultācijas"),
            Recommendation(addressee: .orphansCourt, text: "Izvērtēt saskarsmes kārtību"),
            Recommendation(addressee: .school, text: hostile),
            Recommendation(addressee: .family, text: "Ievērot dienas režīmu"),
            Recommendation(addressee: .socialService, text: "Ģimenes asistents 3 mēnešus"),
        ]
        summary.destination = .fosterFamily
        summary.followUpPlan = "Pārskats pēc 3 mēnešiem"
        summary.sessionsLogged = 21
        summary.sessionMinutes = 945
        return summary
    }

    @Test func dynamicsAreComputedPerArea() {
        let dynamics = Self.summary().dynamics
        #expect(dynamics.map(\.trend) == [.improved, .unchanged, .worsened, .improved, .unchanged, .improved])
        #expect(dynamics.map(\.change) == [2, 0, -1, 1, 0, 2])
        #expect(dynamics[0].mid?.score == 2)
        #expect(dynamics[1].mid?.complete == false)
    }

    @Test func htmlIsWellFormedAndShowsEveryAreasDynamics() throws {
        let summary = Self.summary()
        let html = FinalSummaryRenderer(summary: summary, instrumentName: "Pilotprojekta kartēšanas instruments").html()
        let root = try XMLNode.parse(html)
        #expect(root.name == "html")
        #expect(root.all("style").count == 1)
        #expect(root.all("style")[0].textContent.contains("@media print"))
        #expect(root.all { $0.name == "link" || $0.name == "script" || $0.name == "img" }.isEmpty, "the page must be self-contained")

        let table = try #require(root.all { $0.name == "table" && $0.attributes["id"] == "dynamics" }.first)
        let rows = table.all { $0.name == "tr" && $0.attributes["data-area"] != nil }
        #expect(rows.map { $0.attributes["data-area"]! } == summary.dynamics.map(\.areaID))
        for (row, dynamics) in zip(rows, summary.dynamics) {
            func cell(_ name: String) -> String? { row.all { $0.name == "td" && $0.attributes["class"] == name }.first?.textContent }
            #expect(row.all("th").first?.textContent == dynamics.areaName)
            #expect(row.attributes["data-trend"] == dynamics.trend.description)
            #expect(cell("baseline") == FinalSummaryRenderer.score(dynamics.baseline))
            #expect(cell("mid") == FinalSummaryRenderer.score(dynamics.mid))
            #expect(cell("final") == FinalSummaryRenderer.score(dynamics.finalScore))
            #expect(cell("trend") == FinalSummaryRenderer.trendLabel(dynamics.trend))
        }
        let emotional = rows[0].all { $0.attributes["class"] == "change" }.first?.textContent
        #expect(emotional == "+2")
    }

    @Test func htmlShowsEveryRecommendationAsWrittenUnderItsAddressee() throws {
        let summary = Self.summary()
        let root = try XMLNode.parse(FinalSummaryRenderer(summary: summary, instrumentName: "x").html())
        let section = try #require(root.all { $0.name == "section" && $0.attributes["id"] == "recommendations" }.first)
        let items = section.all("li")
        #expect(items.count == summary.recommendations.count)
        for recommendation in summary.recommendations {
            #expect(
                items.contains { $0.textContent == recommendation.text && $0.attributes["data-addressee"] == recommendation.addressee.description },
                "missing: \(recommendation.text)")
        }
        #expect(section.all("h3").map(\.textContent) == ["Sociālajam dienestam", "Bāriņtiesai", "Izglītības iestādei", "Ģimenei"])
        // The hostile narrative is text, not markup.
        #expect(root.all("script").isEmpty)
        let narrative = try #require(root.all { $0.attributes["id"] == "narrative" }.first)
        #expect(narrative.all("p").map(\.textContent) == ["Pirmā rindkopa.", Self.hostile])
        let facts = try #require(root.all { $0.attributes["id"] == "facts" }.first)
        #expect(facts.all("td").map(\.textContent).contains("21 nodarbība, kopā 945 min"))
    }

    @Test func markdownEscapesTextAndKeepsOneRowPerArea() {
        let markdown = FinalSummaryRenderer(summary: Self.summary(), instrumentName: "x").markdown()
        let lines = markdown.split(separator: "\n").map(String.init)
        let rows = lines.filter { $0.hasPrefix("| ") && !$0.hasPrefix("| ---") }
        #expect(rows.count == 1 + 6, "a heading row and one row per area")
        #expect(lines.contains("- " + Markdown.inline(Self.hostile)))
        #expect(Markdown.inline("a|b*c<d>") == "a\\|b\\*c\\<d\\>")
        #expect(!lines.contains { $0.contains("<script>") })
        #expect(Markdown.block("# 1. punkts\n2. punkts\n- saraksts\nparasts teksts 3.5") == "\\# 1. punkts\\\n2\\. punkts\\\n\\- saraksts\\\nparasts teksts 3.5")
        #expect(Markdown.inline("2026-05-03 (pirmd.)") == "2026-05-03 (pirmd.)", "dates and dots stay readable")
    }

    @Test func datesAndCountsReadAsLatvian() {
        #expect(FinalSummaryRenderer.date("2026-05-03") == "03.05.2026.")
        #expect(FinalSummaryRenderer.count(1, "nodarbība", "nodarbības") == "1 nodarbība")
        #expect(FinalSummaryRenderer.count(11, "nodarbība", "nodarbības") == "11 nodarbības")
        #expect(FinalSummaryRenderer.count(31, "nodarbība", "nodarbības") == "31 nodarbība")
    }
}
