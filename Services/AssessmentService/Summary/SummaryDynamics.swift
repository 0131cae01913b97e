internal import TiltsMessages

/// Computes a final summary's dynamics per area from the BASELINE, MID and FINAL assessments of one
/// instrument. Pure; use anywhere.
///
/// Areas follow the instrument's order and are matched by `area_id`. The change is
/// `final − baseline` when both scores are complete; the trend reads it with the area's direction
/// (`higher_is_better`): a rise is an improvement on the pilot scale, a worsening on a
/// difficulties questionnaire. An area incomplete or absent at either end is NOT_COMPARABLE.
enum SummaryDynamics {
    static func compute(instrument: Instrument, baseline: Assessment, mid: Assessment?, final: Assessment) -> [AreaDynamics] {
        func scores(_ assessment: Assessment?) -> [String: AreaScore] {
            Dictionary((assessment?.scores ?? []).map { ($0.areaID, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let (start, middle, end) = (scores(baseline), scores(mid), scores(final))
        return instrument.areas.map { area in
            var dynamics = AreaDynamics()
            dynamics.areaID = area.areaID
            dynamics.areaName = area.name
            dynamics.pilotArea = area.pilotArea
            dynamics.higherIsBetter = area.higherIsBetter
            dynamics.baseline = start[area.areaID]
            dynamics.mid = middle[area.areaID]
            dynamics.finalScore = end[area.areaID]
            (dynamics.change, dynamics.trend) = trend(
                from: dynamics.baseline, to: dynamics.finalScore, higherIsBetter: area.higherIsBetter)
            return dynamics
        }
    }

    /// The change and trend between two scores of one area.
    static func trend(from start: AreaScore?, to end: AreaScore?, higherIsBetter: Bool) -> (Int32, AreaTrend) {
        guard let start, let end, start.complete, end.complete else { return (0, .notComparable) }
        let change = end.score - start.score
        if change == 0 { return (0, .unchanged) }
        return (change, (change > 0) == higherIsBetter ? .improved : .worsened)
    }
}
