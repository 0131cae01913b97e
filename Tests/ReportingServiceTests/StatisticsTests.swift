internal import Foundation
internal import Testing
@testable internal import ReportingService

/// The pure statistics against scipy and numpy (Fixtures/statistics.json, made by
/// Fixtures/make_statistics.py): distribution functions to 1e-9, report figures to 1e-6.
@Suite struct StatisticsTests {
    let fixture: [String: Any]

    init() throws {
        fixture = try ReportingFixtures.json("statistics.json") as! [String: Any]
    }

    func rows(_ key: String) -> [[String: Any]] { fixture[key] as! [[String: Any]] }

    static func close(_ actual: Double?, _ expected: Any?, _ tolerance: Double) -> Bool {
        guard let actual, let expected = (expected as? NSNumber)?.doubleValue else { return false }
        return abs(actual - expected) <= tolerance * max(1, abs(expected))
    }

    @Test func studentTCDFAndTwoSidedTailMatchScipy() {
        for row in rows("t_cdf") {
            let t = (row["t"] as! NSNumber).doubleValue
            let df = (row["df"] as! NSNumber).doubleValue
            #expect(Self.close(StudentT.cdf(t, degreesOfFreedom: df), row["cdf"], 1e-9), "cdf t=\(t) df=\(df)")
            #expect(Self.close(StudentT.twoSidedTail(t, degreesOfFreedom: df), row["two_sided"], 1e-9), "tail t=\(t) df=\(df)")
        }
    }

    @Test func studentTQuantilesMatchScipy() {
        for row in rows("t_quantile") {
            let p = (row["p"] as! NSNumber).doubleValue
            let df = (row["df"] as! NSNumber).doubleValue
            #expect(Self.close(StudentT.quantile(p, degreesOfFreedom: df), row["t"], 1e-9), "ppf p=\(p) df=\(df)")
        }
    }

    @Test func regularizedIncompleteBetaMatchesScipy() {
        for row in rows("betainc") {
            let (a, b, x) = ((row["a"] as! NSNumber).doubleValue, (row["b"] as! NSNumber).doubleValue, (row["x"] as! NSNumber).doubleValue)
            #expect(Self.close(IncompleteBeta.regularized(a: a, b: b, x: x), row["value"], 1e-10), "I_\(x)(\(a), \(b))")
        }
        #expect(IncompleteBeta.regularized(a: 2, b: 3, x: 0) == 0)
        #expect(IncompleteBeta.regularized(a: 2, b: 3, x: 1) == 1)
    }

    @Test func welchHedgesAndIntervalsMatchScipy() throws {
        for row in rows("samples") {
            let name = row["name"] as! String
            let a = row["a"] as! [String: Any]
            let b = row["b"] as! [String: Any]
            let sampleA = SampleSummary(values: (a["values"] as! [NSNumber]).map(\.doubleValue))
            let sampleB = SampleSummary(values: (b["values"] as! [NSNumber]).map(\.doubleValue))
            let welch = try #require(TwoSample.welch(sampleA, sampleB))
            #expect(Self.close(welch.t, row["welch_t"], 1e-6), "\(name) t")
            #expect(Self.close(welch.degreesOfFreedom, row["welch_df"], 1e-6), "\(name) df")
            #expect(Self.close(welch.pValue, row["p_value"], 1e-6), "\(name) p")
            #expect(Self.close(welch.interval.low, row["diff_ci_low"], 1e-6), "\(name) CI low")
            #expect(Self.close(welch.interval.high, row["diff_ci_high"], 1e-6), "\(name) CI high")
            #expect(Self.close(TwoSample.hedgesG(sampleA, sampleB), row["hedges_g"], 1e-6), "\(name) g")
            for (sample, expected) in [(sampleA, a), (sampleB, b)] {
                let interval = try #require(TwoSample.meanInterval(sample))
                #expect(Self.close(sample.mean, expected["mean"], 1e-9), "\(name) mean")
                #expect(Self.close(sample.standardDeviation, expected["sd"], 1e-9), "\(name) sd")
                #expect(Self.close(interval.low, expected["ci_low"], 1e-6), "\(name) mean CI low")
                #expect(Self.close(interval.high, expected["ci_high"], 1e-6), "\(name) mean CI high")
                let sorted = (expected["values"] as! [NSNumber]).map(\.doubleValue).sorted()
                #expect(Self.close(Percentile.of(sorted: sorted, 0.5), expected["p50"], 1e-12), "\(name) p50")
                #expect(Self.close(Percentile.of(sorted: sorted, 0.9), expected["p90"], 1e-12), "\(name) p90")
            }
        }
    }

    @Test func integerSumsGiveTheSameSummaryAsTheValues() throws {
        for row in rows("samples") where (row["name"] as! String).contains("integer") || (row["name"] as! String).contains("large") {
            let values = ((row["a"] as! [String: Any])["values"] as! [NSNumber]).map(\.int64Value)
            let fromSums = SampleSummary(
                count: values.count, sum: values.reduce(0, +), sumOfSquares: values.reduce(0) { $0 + $1 * $1 })
            let fromValues = SampleSummary(values: values.map(Double.init))
            #expect(abs(fromSums.mean - fromValues.mean) < 1e-12)
            #expect(abs(fromSums.variance - fromValues.variance) < 1e-12)
        }
    }

    @Test func histogramPercentilesAgreeWithSortedValues() {
        let values = [3, 0, 7, 7, 12, 1, 30, 7, 2, 5, 9]
        var histogram: [Int: Int] = [:]
        for value in values { histogram[value, default: 0] += 1 }
        let sorted = values.sorted().map(Double.init)
        for q in [0.0, 0.1, 0.25, 0.5, 0.9, 1.0] {
            #expect(Percentile.of(histogram: histogram, q) == Percentile.of(sorted: sorted, q))
        }
        #expect(Percentile.of(histogram: [:], 0.5) == nil)
        #expect(Percentile.of(histogram: [4: 1], 0.9) == 4)
    }

    @Test func degenerateInputsGiveNoFigure() {
        let one = SampleSummary(values: [2])
        let flat = SampleSummary(values: [1, 1, 1])
        #expect(TwoSample.meanInterval(one) == nil)
        #expect(TwoSample.meanInterval(flat) == TwoSample.Interval(low: 1, high: 1))
        #expect(TwoSample.welch(one, flat) == nil)
        #expect(TwoSample.welch(flat, flat) == nil, "no spread in either group: t is undefined")
        #expect(TwoSample.hedgesG(flat, flat) == nil)
        #expect(TwoSample.hedgesG(SampleSummary(values: [1, 2]), SampleSummary(values: [0])) != nil)
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 3) == 0)
    }
}
