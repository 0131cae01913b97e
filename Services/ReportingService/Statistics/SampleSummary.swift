/// The count, mean and sample variance of one group of values: all the two-sample statistics need.
///
/// Build it from the values (two-pass, for tests and small groups) or from exact integer sums (the
/// reports' aggregation: scores and day counts are integers, so the sums are exact and the variance
/// is computed from an exact 128-bit numerator). A value type.
struct SampleSummary: Sendable, Equatable {
    let count: Int
    let mean: Double
    /// Sample variance (divisor n − 1); 0 when n < 2.
    let variance: Double

    init(values: [Double]) {
        count = values.count
        guard count > 0 else {
            mean = 0
            variance = 0
            return
        }
        let mean = values.reduce(0, +) / Double(count)
        self.mean = mean
        if count < 2 {
            variance = 0
        } else {
            var squares = 0.0
            var residual = 0.0
            for value in values {
                squares += (value - mean) * (value - mean)
                residual += value - mean
            }
            // The compensated two-pass formula (Chan, Golub & LeVeque).
            variance = (squares - residual * residual / Double(count)) / Double(count - 1)
        }
    }

    /// From exact sums of integer values: n, Σx, Σx².
    init(count: Int, sum: Int64, sumOfSquares: Int64) {
        self.count = count
        guard count > 0 else {
            mean = 0
            variance = 0
            return
        }
        mean = Double(sum) / Double(count)
        if count < 2 {
            variance = 0
        } else {
            let n = Int128(count)
            let numerator = n * Int128(sumOfSquares) - Int128(sum) * Int128(sum)
            variance = Double(numerator) / Double(n * (n - 1))
        }
    }

    var standardDeviation: Double { variance.squareRoot() }

    /// The standard error of the mean.
    var standardError: Double { (variance / Double(count)).squareRoot() }
}

/// The statistics the evaluation reports, from ``SampleSummary`` values. Each returns nil when its
/// inputs cannot give a value (too few values, or no spread where the formula divides by it).
/// Pure functions; safe from any thread.
enum TwoSample {
    struct Interval: Equatable, Sendable {
        var low: Double
        var high: Double
    }

    /// The `level` confidence interval of a mean (Student's t with n − 1 degrees of freedom).
    /// Needs n ≥ 2; a group without spread gives the zero-width interval at its mean.
    static func meanInterval(_ sample: SampleSummary, level: Double = 0.95) -> Interval? {
        guard sample.count >= 2 else { return nil }
        let quantile = StudentT.quantile(0.5 + level / 2, degreesOfFreedom: Double(sample.count - 1))
        let half = quantile * sample.standardError
        return Interval(low: sample.mean - half, high: sample.mean + half)
    }

    struct Welch: Equatable, Sendable {
        /// mean(a) − mean(b).
        var difference: Double
        var t: Double
        /// Welch–Satterthwaite degrees of freedom.
        var degreesOfFreedom: Double
        /// Two-sided.
        var pValue: Double
        var interval: Interval
    }

    /// Welch's unequal-variances t-test of mean(a) − mean(b), with its `level` confidence interval
    /// (as scipy.stats.ttest_ind(a, b, equal_var=False)). Needs n ≥ 2 in each group and some spread.
    static func welch(_ a: SampleSummary, _ b: SampleSummary, level: Double = 0.95) -> Welch? {
        guard a.count >= 2, b.count >= 2 else { return nil }
        let va = a.variance / Double(a.count)
        let vb = b.variance / Double(b.count)
        let squaredError = va + vb
        guard squaredError > 0 else { return nil }
        let standardError = squaredError.squareRoot()
        let difference = a.mean - b.mean
        let t = difference / standardError
        let df = squaredError * squaredError / (va * va / Double(a.count - 1) + vb * vb / Double(b.count - 1))
        let p = StudentT.twoSidedTail(t, degreesOfFreedom: df)
        let half = StudentT.quantile(0.5 + level / 2, degreesOfFreedom: df) * standardError
        return Welch(
            difference: difference, t: t, degreesOfFreedom: df, pValue: p,
            interval: Interval(low: difference - half, high: difference + half))
    }

    /// Hedges' g of a versus b: (mean(a) − mean(b)) / pooled SD, times the small-sample correction
    /// J = 1 − 3 / (4 (na + nb) − 9). Needs na + nb ≥ 3 and a pooled SD above zero.
    static func hedgesG(_ a: SampleSummary, _ b: SampleSummary) -> Double? {
        let n = a.count + b.count
        guard a.count >= 1, b.count >= 1, n >= 3 else { return nil }
        let pooled = (Double(a.count - 1) * a.variance + Double(b.count - 1) * b.variance) / Double(n - 2)
        guard pooled > 0 else { return nil }
        let correction = 1 - 3 / (4 * Double(n) - 9)
        return correction * (a.mean - b.mean) / pooled.squareRoot()
    }
}

/// Percentiles by linear interpolation between order statistics (numpy's default, "type 7"):
/// for n sorted values and q in [0, 1], h = (n − 1) q and the result is
/// x[⌊h⌋] + (h − ⌊h⌋) (x[⌊h⌋ + 1] − x[⌊h⌋]). Pure functions.
enum Percentile {
    /// The q-th percentile of sorted values; nil when empty.
    static func of(sorted values: [Double], _ q: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let h = Double(values.count - 1) * q
        let low = Int(h.rounded(.down))
        let high = min(low + 1, values.count - 1)
        return values[low] + (h - Double(low)) * (values[high] - values[low])
    }

    /// The q-th percentile of integer values given as a histogram (value → how many); nil when empty.
    static func of(histogram: [Int: Int], _ q: Double) -> Double? {
        let total = histogram.values.reduce(0, +)
        guard total > 0 else { return nil }
        let h = Double(total - 1) * q
        let low = Int(h.rounded(.down))
        let high = min(low + 1, total - 1)
        var lowValue: Int?
        var highValue: Int?
        var seen = 0
        for value in histogram.keys.sorted() {
            seen += histogram[value]!
            if lowValue == nil && seen > low { lowValue = value }
            if seen > high {
                highValue = value
                break
            }
        }
        let x0 = Double(lowValue!)
        return x0 + (h - Double(low)) * (Double(highValue!) - x0)
    }
}
