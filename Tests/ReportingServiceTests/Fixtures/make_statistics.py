#!/usr/bin/env python3
"""Writes statistics.json: reference values from scipy and numpy for ReportingServiceTests/StatisticsTests.

Regenerate (from the repository root) after changing the cases below:

    .venv/bin/pip install scipy numpy
    .venv/bin/python Tests/ReportingServiceTests/Fixtures/make_statistics.py

The Swift statistics (Services/ReportingService/Statistics) use no statistics library; the tests hold
them to these values within 1e-9 (quantiles, CDFs, incomplete beta) and 1e-6 (the report figures):

  t_cdf        scipy.stats.t.cdf and the two-sided tail 2 * t.sf(|t|)
  t_quantile   scipy.stats.t.ppf
  betainc      scipy.special.betainc (the regularized incomplete beta function)
  samples      pairs (a, b): scipy.stats.ttest_ind(a, b, equal_var=False) -> t, df, p and the 95%
               confidence interval of mean(a) - mean(b); each sample's mean, SD and 95% CI of the mean
               (scipy.stats.t.interval with the standard error); Hedges' g of a versus b with
               J = 1 - 3 / (4 (na + nb) - 9); numpy.percentile 50 and 90 (linear interpolation).

Nothing here runs at test time; the fixture is committed.
"""

import json
import os

import numpy as np
import scipy
from scipy import special, stats

HERE = os.path.dirname(os.path.abspath(__file__))


def hedges_g(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    na, nb = len(a), len(b)
    pooled = ((na - 1) * a.var(ddof=1) + (nb - 1) * b.var(ddof=1)) / (na + nb - 2)
    return (1 - 3 / (4 * (na + nb) - 9)) * (a.mean() - b.mean()) / np.sqrt(pooled)


def sample_summary(x):
    x = np.asarray(x, float)
    n = len(x)
    low, high = stats.t.interval(0.95, n - 1, loc=x.mean(), scale=stats.sem(x))
    return {"values": x.tolist(), "mean": x.mean(), "sd": x.std(ddof=1), "ci_low": low, "ci_high": high,
            "p50": float(np.percentile(x, 50)), "p90": float(np.percentile(x, 90))}


def pair(name, a, b):
    result = stats.ttest_ind(a, b, equal_var=False)
    ci = result.confidence_interval(0.95)
    return {"name": name, "a": sample_summary(a), "b": sample_summary(b), "welch_t": float(result.statistic),
            "welch_df": float(result.df), "p_value": float(result.pvalue), "diff_ci_low": float(ci.low),
            "diff_ci_high": float(ci.high), "hedges_g": float(hedges_g(a, b))}


def main():
    rng = np.random.default_rng(20260301)
    pairs = [
        # Score changes of two small cohorts (integers, as the pilot's 1-5 areas give).
        pair("small-integer", [1, 2, 2, 3, 1, 0], [0, 1, 0, -1, 1, 0]),
        pair("unequal-sizes", [2, 1, 1, 0, 3, 2, 2, 1, 0, 4, 1], [0, 1, -1, 0, 2]),
        pair("negative-difference", [-1, 0, 0, 1, -2, 0, -1], [1, 2, 1, 3, 0, 2, 1, 2]),
        pair("integers-40-vs-55", rng.integers(-2, 5, 40).tolist(), rng.integers(-3, 4, 55).tolist()),
        pair("normal-8-vs-15", rng.normal(0.8, 1.5, 8).round(6).tolist(), rng.normal(0.1, 0.4, 15).round(6).tolist()),
        pair("large-300-vs-280", rng.integers(-4, 5, 300).tolist(), rng.integers(-4, 4, 280).tolist()),
    ]
    t_points = [(-3.2, 1), (0.0, 2), (0.7, 3.5), (1.96, 7), (-2.5, 12.3), (2.042, 30), (4.5, 100), (-0.3, 10000),
                (12.0, 5), (-40.0, 3)]
    t_cdf = [{"t": t, "df": df, "cdf": float(stats.t.cdf(t, df)), "two_sided": float(2 * stats.t.sf(abs(t), df))}
             for t, df in t_points]
    q_points = [(0.975, 1), (0.975, 2), (0.975, 5), (0.975, 9), (0.975, 10.73), (0.95, 30), (0.9, 100),
                (0.025, 4), (0.5005, 20), (0.9995, 3), (0.975, 100000)]
    t_quantile = [{"p": p, "df": df, "t": float(stats.t.ppf(p, df))} for p, df in q_points]
    b_points = [(0.5, 0.5, 0.3), (2.0, 3.0, 0.4), (10.0, 0.5, 0.9), (0.5, 10.0, 0.02), (50.0, 0.5, 0.99),
                (3.25, 0.5, 0.5), (1.0, 1.0, 0.75), (200.0, 0.5, 0.995)]
    betainc = [{"a": a, "b": b, "x": x, "value": float(special.betainc(a, b, x))} for a, b, x in b_points]
    out = {"generator": f"scipy {scipy.__version__}, numpy {np.__version__}", "t_cdf": t_cdf,
           "t_quantile": t_quantile, "betainc": betainc, "samples": pairs}
    with open(os.path.join(HERE, "statistics.json"), "w") as f:
        json.dump(out, f, indent=1, default=float)
        f.write("\n")


if __name__ == "__main__":
    main()
