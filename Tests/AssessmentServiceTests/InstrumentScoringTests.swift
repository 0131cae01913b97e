internal import Testing
@testable internal import AssessmentService
internal import TiltsMessages

/// Scoring with the example questionnaire (`Fixtures/instruments/example-questionnaire.json`):
/// scale 0–2; "worries" has w1, w2 and the reverse-scored w3, allows one missing item and has the
/// bands 0–2 TYPICAL, 3–4 RAISED, 5–6 HIGH; "friends" has f1 and the reverse-scored f2, no missing.
@Suite struct InstrumentScoringTests {
    let instrument: Instrument

    init() throws {
        instrument = try AssessmentFixtures.exampleInstrument()
    }

    func score(_ ratings: [String: Int32]) -> [String: AreaScore] {
        Dictionary(uniqueKeysWithValues: InstrumentScoring.score(ratings, with: instrument).map { ($0.areaID, $0) })
    }

    @Test func reverseScoredItemsCountFromTheOtherEnd() throws {
        // w3 = 0 on a 0–2 scale scores 2; f2 = 2 scores 0.
        let scores = score(["w1": 1, "w2": 1, "w3": 0, "f1": 2, "f2": 2])
        let worries = try #require(scores["worries"])
        #expect(worries.rawSum == 4)
        #expect(worries.score == 4)
        #expect(worries.complete && !worries.prorated)
        let friends = try #require(scores["friends"])
        #expect(friends.rawSum == 2)
        #expect(friends.score == 2)
    }

    @Test func oneMissingItemIsProratedWithinTheAllowance() throws {
        // w2 missing: sum of w1 = 2 and w3 = 1 (reverse of 1) is 3, prorated 3 × 3 / 2 = 4.5 → 5.
        let worries = try #require(score(["w1": 2, "w3": 1, "f1": 1, "f2": 1])["worries"])
        #expect(worries.answeredItems == 2)
        #expect(worries.missingItems == 1)
        #expect(worries.rawSum == 3)
        #expect(worries.complete)
        #expect(worries.prorated)
        #expect(worries.score == 5)
        #expect(worries.bandCode == "HIGH")
    }

    @Test func tooManyMissingItemsLeaveTheAreaIncomplete() throws {
        let scores = score(["w1": 2, "f1": 1])
        let worries = try #require(scores["worries"])
        #expect(!worries.complete)
        #expect(worries.score == 0)
        #expect(worries.bandCode.isEmpty)
        // "friends" allows no missing item.
        let friends = try #require(scores["friends"])
        #expect(!friends.complete)
        #expect(friends.missingItems == 1)
    }

    @Test(arguments: [(Int32(0), "TYPICAL"), (2, "TYPICAL"), (3, "RAISED"), (4, "RAISED"), (5, "HIGH"), (6, "HIGH")])
    func bandsHoldTheirWholeRange(score: Int32, code: String) throws {
        let area = try #require(instrument.areas.first { $0.areaID == "worries" })
        #expect(InstrumentScoring.band(for: score, in: area)?.code == code)
    }

    @Test func pilotInstrumentScoresEachAreaAsRatedWithItsAnchorAsBand() throws {
        let pilot = PilotMappingInstrument.version1
        var ratings: [String: Int32] = [:]
        for (index, area) in PilotMappingInstrument.areas.enumerated() {
            ratings[PilotMappingInstrument.itemID(area.id)] = Int32(index % 5 + 1)
        }
        let scores = InstrumentScoring.score(ratings, with: pilot)
        #expect(scores.map(\.areaID) == PilotMappingInstrument.areas.map(\.id))
        #expect(scores.map(\.score) == [1, 2, 3, 4, 5, 1])
        #expect(scores.map(\.bandCode) == ["SEVERE", "MARKED", "MODERATE", "MILD", "AGE_APPROPRIATE", "SEVERE"])
        #expect(scores.map(\.pilotArea) == AssessmentArea.allCases)
    }

    @Test func validationNamesUnknownItemsOutOfScaleRatingsAndRepeats() {
        let problems = InstrumentScoring.validate(
            [ItemRating(itemID: "w1", rating: 3), ItemRating(itemID: "nope", rating: 1), ItemRating(itemID: "f1", rating: -1),
             ItemRating(itemID: "f1", rating: 1)],
            in: instrument)
        #expect(problems.map(\.field) == ["ratings[0].rating", "ratings[1].item_id", "ratings[2].rating", "ratings[3].item_id"])
        #expect(problems[0].reason.contains("0 to 2"))
        #expect(problems[1].reason.contains("not an item of example-questionnaire version 1"))
        #expect(InstrumentScoring.validate([ItemRating(itemID: "w1", rating: 2)], in: instrument).isEmpty)
    }
}
