#!/usr/bin/python3
"""The textbook Bayesian-optimization loop that `sdl bench campaign` is compared with.

A plain scikit-learn loop, written the way a course or a tutorial would: a Gaussian process with
ConstantKernel x Matern(nu=5/2, one length scale per input) + WhiteKernel, normalize_y=True,
n_restarts_optimizer=1, inputs min-max scaled to [0, 1], and expected improvement with xi = 0 on
the predictive standard deviation scikit-learn returns. It runs the pool protocol of Liang et al.
(npj Comput. Mater. 7, 188, 2021) exactly as `sdl bench campaign` does, so the two print figures
that can be put side by side:

- the same table loading: one candidate per distinct input row (replicate rows averaged, in order of
  first appearance), every column but the target an input, text columns one-hot encoded (one 0/1
  feature per level, levels in order of first appearance);
- the same good set: the ceil(5 % of N) best candidates by score, plus any tied with the last one;
- the same seeds policy: campaign s (s = 0 .. seeds-1) starts from the first `initial` candidates of
  the permutation that sorts candidate indices i by SeedMixer.Mix(s, i, 3) (SplitMix64, the
  function in src/SelfDrivingLab.Optimization/Proposals/SeedMixer.cs), ties by index;
- the same metric: the experiments (initial ones included) until 80 % of the good set has been
  measured; the median over seeds (linear interpolation, numpy's default; a campaign that never gets
  there counts as infinite) and AF(0.8) = the analytic expectation of random sampling,
  ceil(0.8 G) (N + 1) / (G + 1), divided by that median.

Run it with Debian's interpreter, which has scikit-learn 1.2 and pandas (apt install
python3-sklearn python3-pandas), e.g.

    /usr/bin/python3 benchmarks/textbook_peer.py --data data/benchmarks/liang/P3HT_dataset.csv \
        --target "Conductivity (measured) (S/cm)" --goal max --initial 2 --seeds 20 --stop-at-goal

--stop-at-goal ends a campaign once 80 % of the good set is found: that is all the median needs,
so the figure is the same as with a full budget, only cheaper.
"""

import argparse
import json
import math
import sys
import warnings
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import pandas as pd
from scipy.stats import norm
from sklearn.exceptions import ConvergenceWarning
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import ConstantKernel, Matern, WhiteKernel

MASK64 = (1 << 64) - 1
POOL_ORDER_STREAM = 3
LEVEL = 0.8


def seed_mix(seed, index, stream):
    """SeedMixer.Mix of the C# code base (SplitMix64 finalizer), bit for bit."""
    z = ((seed & 0xFFFFFFFF) << 32) ^ (index & 0xFFFFFFFF) ^ (((stream & 0xFFFFFFFF) * 0x9E3779B97F4A7C15) & MASK64)
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    z ^= z >> 31
    return z & 0x7FFFFFFF


def pool_order(seed, n):
    return sorted(range(n), key=lambda i: (seed_mix(seed, i, POOL_ORDER_STREAM), i))


def find_column(columns, name):
    if name in columns:
        return name
    matches = [c for c in columns if c.strip().lower() == name.strip().lower()]
    if len(matches) != 1:
        sys.exit(f"error: no column '{name}'; columns: {list(columns)}")
    return matches[0]


def load(path, target, inputs):
    table = pd.read_csv(path, encoding="utf-8-sig", float_precision="round_trip", dtype=str, keep_default_na=False)
    target = find_column(table.columns, target)
    names = [find_column(table.columns, n) for n in inputs] if inputs else [c for c in table.columns if c != target]
    features = []
    for name in names:
        column = table[name].str.strip()
        numbers = pd.to_numeric(column, errors="coerce")
        if numbers.notna().all():
            features.append(numbers.to_numpy(dtype=float)[:, None])
        else:
            levels = list(dict.fromkeys(column))
            features.append(np.stack([(column == level).to_numpy(dtype=float) for level in levels], axis=1))
    x = np.hstack(features)
    y = pd.to_numeric(table[target].str.strip()).to_numpy(dtype=float)
    groups = {}
    for row, value in zip(map(tuple, x), y):
        groups.setdefault(row, []).append(value)
    candidates = np.array(list(groups.keys()))
    means = np.array([np.mean(v) for v in groups.values()])
    return candidates, means, len(y)


def min_max(x):
    low, high = x.min(axis=0), x.max(axis=0)
    keep = high > low
    return (x[:, keep] - low[keep]) / (high[keep] - low[keep])


def good_set(scores, fraction):
    k = max(1, math.ceil(fraction * len(scores) - 1e-9))
    threshold = np.sort(scores)[::-1][k - 1]
    return scores >= threshold


def expected_improvement(mean, sd, best):
    sd = np.maximum(sd, 1e-300)
    z = (mean - best) / sd
    return (mean - best) * norm.cdf(z) + sd * norm.pdf(z)


def campaign(job):
    x, scores, good, seed, initial, budget, stop_at_goal = job
    warnings.filterwarnings("ignore", category=ConvergenceWarning)
    n = len(scores)
    needed = LEVEL * good.sum() - 1e-12
    picks = list(pool_order(seed, n)[:initial])
    rng = np.random.RandomState(seed)
    measured = np.zeros(n, dtype=bool)
    measured[picks] = True
    found = int(good[picks].sum())
    reached = len(picks) if found >= needed else None
    while len(picks) < budget and not (stop_at_goal and reached is not None):
        kernel = ConstantKernel(1.0) * Matern(length_scale=np.ones(x.shape[1]), nu=2.5) + WhiteKernel()
        gp = GaussianProcessRegressor(kernel=kernel, normalize_y=True, n_restarts_optimizer=1, random_state=rng)
        gp.fit(x[picks], scores[picks])
        unmeasured = np.flatnonzero(~measured)
        mean, sd = gp.predict(x[unmeasured], return_std=True)
        pick = int(unmeasured[np.argmax(expected_improvement(mean, sd, scores[picks].max()))])
        picks.append(pick)
        measured[pick] = True
        found += int(good[pick])
        if reached is None and found >= needed:
            reached = len(picks)
    return picks, reached


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True)
    parser.add_argument("--target", required=True)
    parser.add_argument("--goal", required=True, choices=["max", "min"])
    parser.add_argument("--inputs", help="comma-separated input columns (default: every column but the target)")
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--initial", type=int, default=2)
    parser.add_argument("--budget", type=int, help="experiments per campaign (default: the pool size)")
    parser.add_argument("--stop-at-goal", action="store_true", help="end a campaign once 80 %% of the good set is found")
    parser.add_argument("--jobs", type=int, default=1, help="campaigns run at once (default 1)")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()

    raw, means, rows = load(args.data, args.target, args.inputs.split(",") if args.inputs else None)
    x = min_max(raw)
    scores = means if args.goal == "max" else -means
    good = good_set(scores, 0.05)
    n, g = len(scores), int(good.sum())
    budget = min(args.budget or n, n)
    jobs = [(x, scores, good, s, args.initial, budget, args.stop_at_goal) for s in range(args.seeds)]
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            results = list(pool.map(campaign, jobs))
    else:
        results = [campaign(job) for job in jobs]

    to_goal = np.array([r if r is not None else np.inf for _, r in results], dtype=float)
    median = float(np.median(to_goal))  # inf when a middle campaign never got there, as in the C# bench
    random_expected = math.ceil(LEVEL * g - 1e-9) * (n + 1) / (g + 1)
    band = (float(np.percentile(to_goal, 5)), float(np.percentile(to_goal, 95)))
    af = random_expected / median if math.isfinite(median) else None
    print(f"{args.data}: {n} candidates from {rows} rows, {x.shape[1]} inputs; goal {args.goal}; top-5% set {g}")
    print(f"textbook GP-EI (sklearn {__import__('sklearn').__version__}), initial {args.initial}, {args.seeds} seeds, budget {budget}"
          + (", campaigns stop at 80 %" if args.stop_at_goal else ""))
    print(f"  Top% >= 0.8:  median {median:g}  5-95% [{band[0]:g}, {band[1]:g}]  reached in {int(np.isfinite(to_goal).sum())}/{args.seeds}")
    print(f"  AF(0.8):      {af:.2f} vs analytic random ({random_expected:.1f})" if af else "  AF(0.8):      -")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({
                "data": args.data, "candidates": n, "top5": g, "initial": args.initial, "seeds": args.seeds, "budget": budget,
                "median_to_80": median if math.isfinite(median) else None, "band_to_80": band,
                "random_expected_to_80": random_expected, "af80": af,
                "to_80": [r for _, r in results], "picks": [p for p, _ in results],
            }, f, indent=1)


if __name__ == "__main__":
    main()
