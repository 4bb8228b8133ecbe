"""Fit the findings ranker to readers' choices: logistic regression, in plain Python.

The target of a sentence is the share of readers who chose it as a finding (a sentence
two of three readers chose counts for more than one only one chose). The fit is Newton's
method (iteratively reweighted least squares) over standardised features, L2-regularised
towards the genre's PRIOR: a few dozen features and a few thousand sentences converge in
ten steps.
"""
from __future__ import annotations

import math
import statistics
from operator import mul

from pipeline.analyse.ranker import FEATURES, Ranker

RIDGE = 1.0  # L2 penalty: keeps weights of rare features from chasing single essays
# What the genre says before any reader is counted (log-odds per unit of the feature): the
# penalty pulls each weight towards these instead of towards nothing, so a feature the
# training essays never show (none of the corpus has lead points, a 結論 or 前言 section)
# keeps what is known of it rather than being ignored on the essays that have it.
PRIOR = {"lead": 1.0, "conclusion_section": 0.5, "introduction_section": -0.5}
STEPS = 25


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the matrix is small and well-conditioned)."""
    n = len(vector)
    a = [row[:] + [v] for row, v in zip(matrix, vector)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(col + 1, n):
            factor = a[r][col] / a[col][col]
            if factor:
                a[r] = [x - factor * y for x, y in zip(a[r], a[col])]
    out = [0.0] * n
    for r in range(n - 1, -1, -1):
        out[r] = (a[r][n] - sum(a[r][c] * out[c] for c in range(r + 1, n))) / a[r][r]
    return out


def fit(rows: list[list[float]], targets: list[float], fitted_on: frozenset[str] = frozenset(),
        ridge: float = RIDGE) -> Ranker:
    columns = list(zip(*rows))
    mean = [statistics.fmean(c) for c in columns]
    scale = [statistics.pstdev(c) or 1.0 for c in columns]
    # standardised columns, with a constant column for the bias (not penalised)
    x = [[(v - m) / s for v in c] for c, m, s in zip(columns, mean, scale)] + [[1.0] * len(rows)]
    d = len(x)
    prior = [PRIOR.get(name, 0.0) * s for name, s in zip(FEATURES, scale)] + [0.0]  # in standardised units
    beta = prior[:]
    for _ in range(STEPS):
        z = [0.0] * len(rows)
        for column, b in zip(x, beta):
            z = [acc + b * v for acc, v in zip(z, column)]
        p = [1 / (1 + math.exp(-max(-30.0, min(30.0, v)))) for v in z]
        w = [q * (1 - q) for q in p]
        residual = [t - q for t, q in zip(targets, p)]
        gradient = [sum(map(mul, c, residual)) - (ridge * (b - b0) if j < d - 1 else 0.0)
                    for j, (c, b, b0) in enumerate(zip(x, beta, prior))]
        weighted = [list(map(mul, c, w)) for c in x]
        hessian = [[sum(map(mul, weighted[i], x[j])) + (ridge if i == j and i < d - 1 else 0.0)
                    for j in range(d)] for i in range(d)]
        step = _solve(hessian, gradient)
        beta = [b + s for b, s in zip(beta, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return Ranker(FEATURES, tuple(mean), tuple(scale), tuple(beta[:-1]), beta[-1], fitted_on)
