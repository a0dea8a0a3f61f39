"""Ridge-regularised polynomial curve fitting of noisy sin(2*pi*x).

Standard library only (no numpy): the script is re-run in a bare sandbox.

Usage:
    python src/execution/polyfit.py --seed 0 --out metrics.json

One call runs every sweep of the artifact for one seed:
  * E01  degree sweep      M = 0..9,   N = 10, lambda = 0
  * E02  penalty sweep     M = 9,      N = 10, ln(lambda) in LNLAMBDAS
  * E03  sample-size sweep M = 9,      lambda = 0, N in NS
  * E04  solver ablation   normal equations + Cholesky vs Householder QR
and writes a flat JSON object: metric name -> number.
"""

import argparse
import json
import math
import random
import sys

# ---------------------------------------------------------------- constants
NOISE_SD = 0.3          # standard deviation of the additive Gaussian noise
N_TRAIN = 10            # default training-set size
N_TEST = 100            # test-set size (fresh draws, same noise)
DEGREES = list(range(10))                      # M = 0..9
LNLAMBDAS = [None, -35, -30, -25, -20, -18, -15, -12, -10, -8, -5, -2, 0]  # None: lambda=0
NS = [10, 15, 20, 50, 100, 200]
M_HIGH = 9


def lnl_key(lnl):
    """Metric-name fragment for a ln(lambda) value (None means lambda = 0)."""
    if lnl is None:
        return "lambda0"
    return "lnlambda_m%d" % (-lnl) if lnl < 0 else "lnlambda_%d" % lnl


# ---------------------------------------------------------------- data
def target(x):
    return math.sin(2.0 * math.pi * x)


def gauss(rng, sd):
    """N(0, sd^2) draw by Box-Muller from rng.random() only.

    random.random() and integer seeding are stable across CPython 3.x, so the
    data set is identical on every interpreter (random.gauss is avoided on
    purpose: its caching of the second variate is an implementation detail).
    """
    u1 = 1.0 - rng.random()            # in (0, 1], safe for log
    u2 = rng.random()
    return sd * math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)


def make_train(n, rng):
    """Equally spaced inputs on [0, 1], noisy targets."""
    xs = [i / (n - 1) for i in range(n)]
    ts = [target(x) + gauss(rng, NOISE_SD) for x in xs]
    return xs, ts


def make_test(n, rng):
    """Uniform random inputs on [0, 1], noisy targets (independent of train)."""
    xs = [rng.random() for _ in range(n)]
    ts = [target(x) + gauss(rng, NOISE_SD) for x in xs]
    return xs, ts


# ---------------------------------------------------------------- linear algebra
def design(xs, m):
    """Vandermonde design matrix Phi[n][j] = x_n ** j, j = 0..m."""
    return [[x ** j for j in range(m + 1)] for x in xs]


def solve_qr(a, b):
    """Least squares min ||a w - b|| by Householder QR (a is rows x cols, rows >= cols).

    Works on copies; returns the coefficient list. Numerically stable: the
    condition number that matters is cond(a), not cond(a^T a).
    """
    rows, cols = len(a), len(a[0])
    r = [row[:] for row in a]
    y = b[:]
    for k in range(cols):
        norm = math.sqrt(sum(r[i][k] ** 2 for i in range(k, rows)))
        if norm == 0.0:
            continue
        alpha = -norm if r[k][k] >= 0 else norm
        v = [0.0] * rows
        v[k] = r[k][k] - alpha
        for i in range(k + 1, rows):
            v[i] = r[i][k]
        vnorm2 = sum(v[i] ** 2 for i in range(k, rows))
        if vnorm2 == 0.0:
            continue
        for j in range(k, cols):
            s = sum(v[i] * r[i][j] for i in range(k, rows))
            f = 2.0 * s / vnorm2
            for i in range(k, rows):
                r[i][j] -= f * v[i]
        s = sum(v[i] * y[i] for i in range(k, rows))
        f = 2.0 * s / vnorm2
        for i in range(k, rows):
            y[i] -= f * v[i]
    w = [0.0] * cols
    for k in range(cols - 1, -1, -1):
        s = y[k] - sum(r[k][j] * w[j] for j in range(k + 1, cols))
        w[k] = s / r[k][k]
    return w


def solve_cholesky(g, h):
    """Solve g w = h for symmetric positive definite g (Cholesky, no pivoting).

    Raises ValueError when a pivot is not positive (matrix numerically not SPD).
    """
    n = len(g)
    low = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1):
            s = g[i][j] - sum(low[i][k] * low[j][k] for k in range(j))
            if i == j:
                if s <= 0.0:
                    raise ValueError("non-positive pivot %g at %d" % (s, i))
                low[i][i] = math.sqrt(s)
            else:
                low[i][j] = s / low[j][j]
    z = [0.0] * n
    for i in range(n):
        z[i] = (h[i] - sum(low[i][k] * z[k] for k in range(i))) / low[i][i]
    w = [0.0] * n
    for i in range(n - 1, -1, -1):
        w[i] = (z[i] - sum(low[k][i] * w[k] for k in range(i + 1, n))) / low[i][i]
    return w


def fit_ridge(xs, ts, m, lam):
    """Minimise 1/2 sum (y(x_n, w) - t_n)^2 + lam/2 ||w||^2 (w_0 penalised too).

    Solved as the augmented least-squares problem [Phi; sqrt(lam) I] w ~ [t; 0]
    with Householder QR, which never forms Phi^T Phi.
    """
    phi = design(xs, m)
    rhs = list(ts)
    if lam > 0.0:
        s = math.sqrt(lam)
        for j in range(m + 1):
            row = [0.0] * (m + 1)
            row[j] = s
            phi.append(row)
            rhs.append(0.0)
    if len(phi) < m + 1:
        raise ValueError("underdetermined: %d rows for %d unknowns" % (len(phi), m + 1))
    return solve_qr(phi, rhs)


def fit_normal_cholesky(xs, ts, m, lam):
    """Same objective via the normal equations (Phi^T Phi + lam I) w = Phi^T t."""
    phi = design(xs, m)
    p = m + 1
    g = [[sum(row[i] * row[j] for row in phi) for j in range(p)] for i in range(p)]
    for i in range(p):
        g[i][i] += lam
    h = [sum(row[i] * t for row, t in zip(phi, ts)) for i in range(p)]
    return solve_cholesky(g, h)


def singular_values(a, sweeps=60, tol=1e-15):
    """Singular values of a (rows >= cols) by one-sided Jacobi (Hestenes).

    Rotates column pairs until all are mutually orthogonal; the column norms
    are then the singular values. Accurate in the relative sense even for the
    tiny singular values of a Vandermonde matrix, because a^T a is never formed.
    """
    cols = [list(c) for c in zip(*a)]
    n = len(cols)
    for _ in range(sweeps):
        off = 0.0
        for i in range(n - 1):
            for j in range(i + 1, n):
                ci, cj = cols[i], cols[j]
                alpha = sum(v * v for v in ci)
                beta = sum(v * v for v in cj)
                gamma = sum(u * v for u, v in zip(ci, cj))
                if gamma == 0.0:
                    continue
                off = max(off, abs(gamma) / math.sqrt(alpha * beta))
                zeta = (beta - alpha) / (2.0 * gamma)
                t = math.copysign(1.0, zeta) / (abs(zeta) + math.sqrt(1.0 + zeta * zeta))
                c = 1.0 / math.sqrt(1.0 + t * t)
                s = c * t
                cols[i] = [c * u - s * v for u, v in zip(ci, cj)]
                cols[j] = [s * u + c * v for u, v in zip(ci, cj)]
        if off < tol:
            break
    return sorted((math.sqrt(sum(v * v for v in col)) for col in cols), reverse=True)


def augmented(xs, m, lam):
    """[Phi; sqrt(lam) I], the matrix the QR path actually factorises."""
    phi = design(xs, m)
    if lam > 0.0:
        s = math.sqrt(lam)
        phi += [[s if j == k else 0.0 for j in range(m + 1)] for k in range(m + 1)]
    return phi


def predict(w, x):
    y = 0.0
    for c in reversed(w):          # Horner
        y = y * x + c
    return y


def rms(w, xs, ts):
    """E_RMS = sqrt(2 E(w) / N) = root of the mean squared residual."""
    return math.sqrt(sum((predict(w, x) - t) ** 2 for x, t in zip(xs, ts)) / len(xs))


# ---------------------------------------------------------------- experiment
def run(seed):
    """All sweeps for one seed. Returns a dict metric -> float."""
    rng = random.Random(seed)
    test_x, test_t = make_test(N_TEST, rng)
    # nested training sets: a separate stream per N so that N=10 is shared
    out = {}
    train = {}
    for n in NS:
        train[n] = make_train(n, random.Random(1000 * seed + n))
    xs, ts = train[N_TRAIN]

    # E01: degree sweep, lambda = 0
    for m in DEGREES:
        w = fit_ridge(xs, ts, m, 0.0)
        out["train_rms_m%d_lambda0" % m] = rms(w, xs, ts)
        out["test_rms_m%d_lambda0" % m] = rms(w, test_x, test_t)
        out["max_abs_w_m%d_lambda0" % m] = max(abs(c) for c in w)

    # E02: penalty sweep at M = 9
    for lnl in LNLAMBDAS:
        lam = 0.0 if lnl is None else math.exp(lnl)
        w = fit_ridge(xs, ts, M_HIGH, lam)
        key = lnl_key(lnl)
        out["train_rms_m9_%s" % key] = rms(w, xs, ts)
        out["test_rms_m9_%s" % key] = rms(w, test_x, test_t)
        out["max_abs_w_m9_%s" % key] = max(abs(c) for c in w)

    # E03: sample-size sweep at M = 9, lambda = 0
    for n in NS:
        nx, nt = train[n]
        w = fit_ridge(nx, nt, M_HIGH, 0.0)
        out["train_rms_m9_n%d" % n] = rms(w, nx, nt)
        out["test_rms_m9_n%d" % n] = rms(w, test_x, test_t)

    # E04: solver ablation at M = 9, N = 10 -- normal equations vs QR
    for lnl in [None, -18]:
        lam = 0.0 if lnl is None else math.exp(lnl)
        key = lnl_key(lnl)
        sv = singular_values(augmented(xs, M_HIGH, lam))
        out["cond_qr_m9_%s" % key] = sv[0] / sv[-1]
        out["cond_chol_m9_%s" % key] = (sv[0] / sv[-1]) ** 2
        w_qr = fit_ridge(xs, ts, M_HIGH, lam)
        out["qr_train_rms_m9_%s" % key] = rms(w_qr, xs, ts)
        out["qr_test_rms_m9_%s" % key] = rms(w_qr, test_x, test_t)
        try:
            w_ne = fit_normal_cholesky(xs, ts, M_HIGH, lam)
            out["chol_train_rms_m9_%s" % key] = rms(w_ne, xs, ts)
            out["chol_test_rms_m9_%s" % key] = rms(w_ne, test_x, test_t)
            out["chol_failed_m9_%s" % key] = 0.0
        except ValueError:
            out["chol_failed_m9_%s" % key] = 1.0
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default="-", help="JSON output path ('-' = stdout)")
    args = ap.parse_args(argv)
    metrics = run(args.seed)
    text = json.dumps(metrics, indent=1, sort_keys=True)
    if args.out == "-":
        sys.stdout.write(text + "\n")
    else:
        with open(args.out, "w") as fh:
            fh.write(text + "\n")


if __name__ == "__main__":
    main()
