#!/usr/bin/python3
"""Writes noisy synthetic pools for checking that choices made on the real tables generalize.

Each pool is a CSV in the format `sdl bench campaign` and benchmarks/textbook_peer.py read: N random designs
(seeded, uniform in the function's box) measured twice each with Gaussian noise (replicate rows; the benchmark averages
them), so a model sees a noisy function as a lab would. The functions are the usual test functions, all minimized:

    branin     2-D, 400 designs, noise sd 2     (f from 0.4 to about 300)
    hartmann3  3-D, 500 designs, noise sd 0.1   (f from -3.86 to 0)
    hartmann6  6-D, 1000 designs, noise sd 0.1  (f from -3.32 to 0)
    ackley4    4-D, 600 designs on [-5, 5]^4, noise sd 0.5

Usage: /usr/bin/python3 benchmarks/synthetic_pools.py <output directory>   (then --target y --goal min)
"""

import math
import os
import sys

import numpy as np


def branin(x):
    a, b, c, r, s, t = 1, 5.1 / (4 * math.pi ** 2), 5 / math.pi, 6, 10, 1 / (8 * math.pi)
    return a * (x[1] - b * x[0] ** 2 + c * x[0] - r) ** 2 + s * (1 - t) * math.cos(x[0]) + s


HARTMANN3 = (
    np.array([1.0, 1.2, 3.0, 3.2]),
    np.array([[3.0, 10, 30], [0.1, 10, 35], [3.0, 10, 30], [0.1, 10, 35]]),
    1e-4 * np.array([[3689, 1170, 2673], [4699, 4387, 7470], [1091, 8732, 5547], [381, 5743, 8828]]),
)

HARTMANN6 = (
    np.array([1.0, 1.2, 3.0, 3.2]),
    np.array([[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]),
    1e-4 * np.array([
        [1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
        [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]),
)


def hartmann(parameters):
    alpha, a, p = parameters
    return lambda x: -float(np.sum(alpha * np.exp(-np.sum(a * (np.asarray(x) - p) ** 2, axis=1))))


def ackley(x):
    x = np.asarray(x)
    d = len(x)
    return float(-20 * np.exp(-0.2 * np.sqrt(np.sum(x ** 2) / d)) - np.exp(np.sum(np.cos(2 * np.pi * x)) / d) + 20 + math.e)


POOLS = [
    ("branin", branin, [(-5, 10), (0, 15)], 400, 2.0),
    ("hartmann3", hartmann(HARTMANN3), [(0, 1)] * 3, 500, 0.1),
    ("hartmann6", hartmann(HARTMANN6), [(0, 1)] * 6, 1000, 0.1),
    ("ackley4", ackley, [(-5, 5)] * 4, 600, 0.5),
]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    directory = sys.argv[1]
    os.makedirs(directory, exist_ok=True)
    for k, (name, function, box, count, noise) in enumerate(POOLS):
        rng = np.random.default_rng(1000 + k)
        low, high = np.array(box).T
        designs = low + (high - low) * rng.random((count, len(box)))
        path = os.path.join(directory, f"{name}.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write(",".join([f"x{i + 1}" for i in range(len(box))] + ["y"]) + "\n")
            for x in designs:
                value = function(x)
                for _ in range(2):
                    f.write(",".join([repr(float(v)) for v in x] + [repr(value + noise * float(rng.standard_normal()))]) + "\n")
        print(path)


if __name__ == "__main__":
    main()
