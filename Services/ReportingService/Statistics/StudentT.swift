internal import Foundation

/// Student's t distribution: CDF, two-sided tail probability and quantiles, for any positive
/// (also non-integer, e.g. Welch–Satterthwaite) degrees of freedom.
///
/// Built on the regularized incomplete beta function: for t with ν degrees of freedom and
/// x = ν / (ν + t²), P(|T| ≥ |t|) = I_x(ν/2, 1/2). Quantiles invert that by bisection on x (which
/// is monotone in |t|), to the resolution of `Double`. No external statistics library is used;
/// `ReportingServiceTests/StatisticsTests` holds the results to scipy's within 1e-9.
///
/// Pure functions; safe from any thread.
enum StudentT {
    /// P(T ≤ t).
    /// - Precondition: `degreesOfFreedom > 0`.
    static func cdf(_ t: Double, degreesOfFreedom df: Double) -> Double {
        precondition(df > 0, "degrees of freedom must be positive")
        if t.isInfinite { return t > 0 ? 1 : 0 }
        let tail = 0.5 * twoSidedTail(t, degreesOfFreedom: df)
        return t > 0 ? 1 - tail : tail
    }

    /// P(|T| ≥ |t|): the two-sided p-value of a t statistic.
    static func twoSidedTail(_ t: Double, degreesOfFreedom df: Double) -> Double {
        precondition(df > 0, "degrees of freedom must be positive")
        if t.isInfinite { return 0 }
        let x = df / (df + t * t)
        return IncompleteBeta.regularized(a: df / 2, b: 0.5, x: x)
    }

    /// The density at `t`.
    static func pdf(_ t: Double, degreesOfFreedom df: Double) -> Double {
        let logDensity = IncompleteBeta.logGamma((df + 1) / 2) - IncompleteBeta.logGamma(df / 2)
            - 0.5 * Foundation.log(df * Double.pi) - (df + 1) / 2 * Foundation.log1p(t * t / df)
        return Foundation.exp(logDensity)
    }

    /// The t with P(T ≤ t) = p.
    /// - Precondition: 0 < p < 1 and `degreesOfFreedom > 0`.
    static func quantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
        precondition(p > 0 && p < 1, "p must lie strictly between 0 and 1")
        precondition(df > 0, "degrees of freedom must be positive")
        if p == 0.5 { return 0 }
        if p < 0.5 { return -quantile(1 - p, degreesOfFreedom: df) }
        // P(T > t) = 1 - p = I_x(ν/2, 1/2) / 2 with x = ν / (ν + t²); I_x rises with x.
        let target = 2 * (1 - p)
        var low = 0.0  // I = 0: t = +∞
        var high = 1.0  // I = 1: t = 0
        for _ in 0..<2000 {
            let middle = low + (high - low) / 2
            if middle <= low || middle >= high { break }
            if IncompleteBeta.regularized(a: df / 2, b: 0.5, x: middle) < target {
                low = middle
            } else {
                high = middle
            }
        }
        let x = low + (high - low) / 2
        var t = (df * (1 - x) / x).squareRoot()
        // Two Newton steps on the CDF polish the last bits lost to x's resolution near 1.
        for _ in 0..<2 {
            let density = pdf(t, degreesOfFreedom: df)
            guard density > 0, density.isFinite else { break }
            let step = (cdf(t, degreesOfFreedom: df) - p) / density
            guard step.isFinite, abs(step) < 0.5 * max(1, abs(t)) else { break }
            t -= step
        }
        return t
    }
}

/// The regularized incomplete beta function I_x(a, b) and the log-gamma function it needs.
///
/// I_x(a, b) is evaluated by its continued fraction (modified Lentz's method), on the side of the
/// symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges fast; ln Γ by the Lanczos
/// approximation (g = 7, 9 terms), accurate to about 1e-15 relative. Pure functions.
enum IncompleteBeta {
    static func regularized(a: Double, b: Double, x: Double) -> Double {
        precondition(a > 0 && b > 0, "a and b must be positive")
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Foundation.log(x) + b * Foundation.log1p(-x)
        let front = Foundation.exp(logFront)
        if x < (a + 1) / (a + b + 2) {
            return front * continuedFraction(a: a, b: b, x: x) / a
        }
        return 1 - front * continuedFraction(a: b, b: a, x: 1 - x) / b
    }

    /// The continued fraction of I_x(a, b) (Numerical Recipes' `betacf`), to relative 1e-16.
    private static func continuedFraction(a: Double, b: Double, x: Double) -> Double {
        let tiny = 1e-300
        let epsilon = 1e-16
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let m = Double(m)
            let m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return h
    }

    private static let lanczos: [Double] = [
        0.999_999_999_999_809_93, 676.520_368_121_885_1, -1259.139_216_722_402_8, 771.323_428_777_653_13,
        -176.615_029_162_140_59, 12.507_343_278_686_905, -0.138_571_095_265_720_12,
        9.984_369_578_019_571_6e-6, 1.505_632_735_149_311_6e-7,
    ]

    /// ln Γ(x) for x > 0.
    static func logGamma(_ x: Double) -> Double {
        precondition(x > 0, "logGamma needs a positive argument")
        if x < 0.5 {
            // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
            return Foundation.log(Double.pi / Foundation.sin(Double.pi * x)) - logGamma(1 - x)
        }
        let z = x - 1
        var sum = lanczos[0]
        for index in 1..<lanczos.count {
            sum += lanczos[index] / (z + Double(index))
        }
        let t = z + 7.5
        return 0.5 * Foundation.log(2 * Double.pi) + (z + 0.5) * Foundation.log(t) - t + Foundation.log(sum)
    }
}
