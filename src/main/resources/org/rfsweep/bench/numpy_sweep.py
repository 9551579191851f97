"""The benchmark's reference: a power-law sweep written carefully in numpy, timed beside rfsweep.

It computes what rfsweep's fits table holds for linear features on a power-law task (docs/THEORY.md):
per (seed, width N, samples n) one eigendecomposition of the smaller Gram matrix serves every ridge,
giving train risk, exact test risk, leave-one-out and GCV estimates; each seed draws its data and one
feature bank, and every cell uses its leading samples and features. It writes nothing and stops at
the numbers, so it is the floor a hand-written script reaches, not a tool.

Usage: python3 numpy_sweep.py '{"modes": 2000, "alpha": 1.5, "beta": 1.5, "noise": 0.5,
        "cells": [[width, samples], ...], "ridges": [...], "seeds": 16, "leave_one_out": true}'
Prints one JSON line: {"seconds": compute loop, "fits": cells x seeds, "checksum": ...}; with
"means": true also each cell's test, train and LOO risk per ridge averaged over seeds, which the tests
compare with the theory so the yardstick is known to compute what rfsweep does.
"""

import json
import sys
import time

import numpy as np


def fit_cell(features, labels, ridges, eps, leave_one_out):
    """Ridge path of one cell: coefficients (N x R), train risk, LOO (or None) and GCV per ridge."""
    n, width = features.shape
    dual = width >= n
    gram = features @ features.T if dual else features.T @ features
    s, u = np.linalg.eigh(gram)
    s = np.maximum(s, 0.0)
    # Ridge 0 is the minimum-norm solution: invert only eigenvalues above the round-off floor.
    keep = s > max(n, width) * eps * s[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        inverse = np.where(ridges[None, :] > 0, 1.0 / (s[:, None] + ridges[None, :]),
                           np.where(keep, 1.0 / np.where(keep, s, 1.0), 0.0)[:, None])
    shrunk = s[:, None] * inverse  # eigenvalue filters of the hat matrix
    if dual:
        c = u.T @ labels
        alpha = u @ (c[:, None] * inverse)
        coefficients = features.T @ alpha
        residual = labels[:, None] - u @ (c[:, None] * shrunk)
        loo = np.mean((alpha / ((u * u) @ inverse)) ** 2, axis=0) if leave_one_out else None
    else:
        p = features @ u
        b = p.T @ labels
        coefficients = u @ (b[:, None] * inverse)
        residual = labels[:, None] - p @ (b[:, None] * inverse)
        loo = None
        if leave_one_out:
            leverage = (p * p) @ inverse
            loo = np.mean((residual / (1.0 - leverage)) ** 2, axis=0)
    train = np.mean(residual ** 2, axis=0)
    dof = shrunk.sum(axis=0)
    with np.errstate(divide="ignore"):
        gcv = train / (1.0 - dof / n) ** 2  # infinite when interpolating, as in rfsweep
    return coefficients, train, loo, gcv


def finite(values):
    """Numbers as JSON has them: NaN and infinities (LOO switched off, the n = N peak) as null."""
    if np.ndim(values) == 0:
        return float(values) if np.isfinite(values) else None
    return [finite(v) for v in values]


def blas_name():
    """numpy's BLAS as its build records it: a reference BLAS would make the yardstick unfair."""
    try:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        return f"{blas.get('name', '?')} {blas.get('version', '')}".strip()
    except Exception:  # older numpy: no dictionary form
        return "unknown"


def main():
    spec = json.loads(sys.argv[1])
    modes = spec["modes"]
    cells = sorted(tuple(cell) for cell in spec["cells"])
    widest = max(width for width, _ in cells)
    most = max(n for _, n in cells)
    ridges = np.array(spec["ridges"], dtype=float)
    index = np.arange(1, modes + 1, dtype=float)
    root_eigenvalues = index ** (-spec["alpha"] / 2)
    target = index ** (-spec["beta"] / 2)
    noise = spec["noise"]
    leave_one_out = spec.get("leave_one_out", True)
    eps = np.finfo(float).eps
    rng = np.random.default_rng(spec.get("seed", 1))
    start = time.perf_counter()
    checksum = 0.0
    fits = 0
    sums = {cell: np.zeros((3, len(ridges))) for cell in cells}
    for _ in range(spec["seeds"]):
        x = rng.standard_normal((most, modes))
        labels = x @ target + np.sqrt(noise) * rng.standard_normal(most)
        weights = rng.standard_normal((widest, modes)) * root_eigenvalues  # rows w_j Lambda^1/2
        bank = x @ weights.T  # every cell's features are a leading block of this, over sqrt(N)
        projection = None
        for width, n in cells:  # by width, so each width's projection is scaled once
            if projection is None or projection.shape[1] != width:
                projection = weights[:width].T / np.sqrt(width)
            coefficients, train, loo, gcv = fit_cell(
                bank[:n, :width] / np.sqrt(width), labels[:n], ridges, eps, leave_one_out)
            # Exact test risk of linear features on Gaussian data, noise included.
            test = np.sum((projection @ coefficients - target[:, None]) ** 2, axis=0) + noise
            checksum += float(np.sum(test) + np.sum(train))
            sums[(width, n)] += (test, train, loo if leave_one_out else np.full_like(test, np.nan))
            fits += 1
    seconds = time.perf_counter() - start
    result = {"seconds": seconds, "fits": fits, "checksum": finite(checksum), "blas": blas_name()}
    if spec.get("means", False):
        result["means"] = [
            {"width": width, "samples": n, "test": finite(total[0] / spec["seeds"]),
             "train": finite(total[1] / spec["seeds"]), "loo": finite(total[2] / spec["seeds"])}
            for (width, n), total in sums.items()]
    print(json.dumps(result, allow_nan=False))


if __name__ == "__main__":
    main()
