internal import TiltsMessages

/// Scores an assessment's item ratings with its instrument's rules. Pure; use anywhere.
///
/// Per area: each rated item scores its rating, or `min + max - rating` when reverse-scored, and
/// the area's raw sum adds them. With no item missing the score is the sum. With up to the area's
/// `max_missing_items` unrated, the sum is prorated to all items (`sum × items / answered`,
/// rounded half away from zero) and marked `prorated`. With more missing (or none answered) the
/// area is incomplete: no score, no band. A complete score gets the band whose range holds it.
///
/// Ratings must be validated first (``validate(_:in:)``): known items, on their scale, each once.
enum InstrumentScoring {
    /// The area scores for `ratings` (item id → rating), in the instrument's area order.
    static func score(_ ratings: [String: Int32], with instrument: Instrument) -> [AreaScore] {
        let scales = Dictionary(instrument.scales.map { ($0.scaleID, $0) }, uniquingKeysWith: { first, _ in first })
        return instrument.areas.map { area in
            let items = instrument.items.filter { $0.areaID == area.areaID }
            var result = AreaScore()
            result.areaID = area.areaID
            result.pilotArea = area.pilotArea
            var sum: Int32 = 0
            var answered: Int32 = 0
            for item in items {
                guard let rating = ratings[item.itemID], let scale = scales[item.scaleID] else { continue }
                sum += item.reverseScored ? scale.minValue + scale.maxValue - rating : rating
                answered += 1
            }
            let total = Int32(items.count)
            result.rawSum = sum
            result.answeredItems = answered
            result.missingItems = total - answered
            result.complete = answered > 0 && result.missingItems <= area.maxMissingItems
            guard result.complete else { return result }
            if result.missingItems == 0 {
                result.score = sum
            } else {
                result.score = Int32((Double(sum) * Double(total) / Double(answered)).rounded(.toNearestOrAwayFromZero))
                result.prorated = true
            }
            if let band = band(for: result.score, in: area) {
                result.bandCode = band.code
                result.bandLabel = band.label
            }
            return result
        }
    }

    /// The band whose inclusive range holds `score`, if any.
    static func band(for score: Int32, in area: InstrumentArea) -> ScoreBand? {
        area.bands.first { $0.minScore <= score && score <= $0.maxScore }
    }

    /// Checks ratings against the instrument: every item known, every rating on its item's scale,
    /// no item rated twice. Violations name `ratings[i].item_id` or `ratings[i].rating`.
    static func validate(_ ratings: [ItemRating], in instrument: Instrument) -> [(field: String, reason: String)] {
        let items = Dictionary(instrument.items.map { ($0.itemID, $0) }, uniquingKeysWith: { first, _ in first })
        let scales = Dictionary(instrument.scales.map { ($0.scaleID, $0) }, uniquingKeysWith: { first, _ in first })
        var seen: Set<String> = []
        var problems: [(field: String, reason: String)] = []
        let name = "\(instrument.instrumentID) version \(instrument.version)"
        for (index, rating) in ratings.enumerated() {
            guard let item = items[rating.itemID] else {
                problems.append(("ratings[\(index)].item_id", "'\(rating.itemID)' is not an item of \(name)"))
                continue
            }
            if !seen.insert(rating.itemID).inserted {
                problems.append(("ratings[\(index)].item_id", "'\(rating.itemID)' is rated more than once"))
            }
            if let scale = scales[item.scaleID], !(scale.minValue...scale.maxValue).contains(rating.rating) {
                problems.append((
                    "ratings[\(index)].rating",
                    "is outside the scale of item '\(rating.itemID)': whole numbers \(scale.minValue) to \(scale.maxValue)"
                ))
            }
        }
        return problems
    }
}
