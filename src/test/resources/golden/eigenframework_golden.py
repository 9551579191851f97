#!/usr/bin/env python3
"""Golden values for GoldenValuesTest: the RF eigenframework (docs/THEORY.md, section 2) solved independently of
rfsweep, by plain bisection in log gamma with numpy, on the power-law spectrum lambda_i = i^-alpha,
v_i^2 = i^-beta over M modes. Prints one line per point: width samples ridge test_mse train_mse.
Run: python3 eigenframework_golden.py > eigenframework_golden.txt
"""
import numpy as np

ALPHA, BETA, MODES, NOISE = 1.5, 1.5, 2000, 0.5
POINTS = [(256, 128, 0.1), (128, 256, 0.1), (64, 1024, 1.0), (1024, 64, 0.0), (64, 256, 0.0),
          (float("inf"), 200, 0.01), (float("inf"), 200, 0.0)]

i = np.arange(1, MODES + 1, dtype=np.float64)
lam = i ** -ALPHA
v2 = i ** -BETA


def z_of(g):
    return np.sum(lam / (lam + g))


def bisect(f, lo, hi, steps=400):
    """Root of an increasing f on [lo, hi], in log space."""
    a, b = np.log(lo), np.log(hi)
    for _ in range(steps):
        m = 0.5 * (a + b)
        if f(np.exp(m)) > 0:
            b = m
        else:
            a = m
    return np.exp(0.5 * (a + b))


def point(width, samples, ridge):
    cap = min(width, samples)
    gmin = 0.0 if cap >= MODES else bisect(lambda g: cap - z_of(g), 1e-30, 1e10)
    if ridge == 0:
        g = gmin
    else:
        def h(g):
            z = z_of(g)
            return g * (1 - (0 if width == float("inf") else z / width)) * (samples - z) - ridge
        g = bisect(h, max(gmin, 1e-30) * (1 + 1e-15), 1e10)
    L = lam / (lam + g)
    z, q = L.sum(), (L * L).sum()
    if width == float("inf"):
        r, df2 = 1.0, q
    else:
        r = (width - z) / (width - q)
        df2 = (q * (width - 2 * z) + z * z) / (width - q)
    e0 = samples / (samples - df2)
    test = e0 * (np.sum((1 - L) * (1 - r * L) * v2) + NOISE)
    train = ((samples - z) / samples) ** 2 * test
    return test, train


for width, samples, ridge in POINTS:
    test, train = point(width, samples, ridge)
    print(f"{width} {samples} {ridge!r} {float(test)!r} {float(train)!r}")
