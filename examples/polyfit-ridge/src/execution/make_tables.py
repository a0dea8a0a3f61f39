"""Build the evidence tables of the polyfit-ridge artifact.

Runs `python src/execution/polyfit.py --seed s --out <tmp>/seed_s.json` for
s in SEEDS (exactly the command of src/reproduce.yaml), reads the JSON files
back, and writes mean / sample standard deviation across seeds into
evidence/tables/*.md. Standard library only.

Usage (from the artifact root):
    python src/execution/make_tables.py            # (re)write the tables
    python src/execution/make_tables.py --check    # fail if a table would change
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True     # keep the artifact free of __pycache__
sys.path.insert(0, HERE)
import polyfit  # noqa: E402  (constants and lnl_key only)

SEEDS = list(range(10))
TITLE = "Ridge-Regularised Polynomial Curve Fitting of Noisy sin(2 pi x)"
PRODUCER = ("produced by src/execution/polyfit.py --seed s for s = 0..9, "
            "aggregated by src/execution/make_tables.py")


def fmt_rms(v):
    return "%.2e" % v if 0.0 < abs(v) < 1e-3 else "%.4f" % v


def fmt_big(v):
    return "%.4g" % v if abs(v) < 1e4 else "%.3e" % v


def collect():
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for s in SEEDS:
            out = os.path.join(tmp, "seed_%d.json" % s)
            subprocess.run([sys.executable, os.path.join(HERE, "polyfit.py"),
                            "--seed", str(s), "--out", out], check=True, cwd=ROOT)
            with open(out) as fh:
                runs.append(json.load(fh))
    return runs


def agg(runs, key):
    vals = [r[key] for r in runs]
    return statistics.mean(vals), statistics.stdev(vals), statistics.median(vals)


SHORT = {
    1: "RMS error vs polynomial degree (N = 10, lambda = 0)",
    2: "RMS error vs ln lambda (M = 9, N = 10)",
    3: "RMS error vs training-set size (M = 9, lambda = 0)",
    4: "Solver ablation, QR vs normal equations (M = 9, N = 10)",
}


def header(num, caption):
    return ("# Table %d: %s\n\n"
            "**Source**: Table %d in %s (%s)\n"
            "**Caption**: %s\n"
            "**Extraction type**: raw_table\n\n") % (num, SHORT[num], num, TITLE, PRODUCER, caption)


def row(cells):
    return "| " + " | ".join(cells) + " |\n"


def table1(runs):
    cap = ("Train and test RMS error against polynomial degree M, N = 10 training "
           "points, no penalty (lambda = 0); mean and sample std over seeds 0-9, "
           "plus the median of the largest absolute coefficient max_j |w_j|.")
    t = header(1, cap)
    cols = ["M", "train RMS (mean)", "train RMS (std)", "test RMS (mean)",
            "test RMS (std)", "max abs w (median)"]
    t += row(cols) + row(["---"] * len(cols))
    for m in polyfit.DEGREES:
        tr = agg(runs, "train_rms_m%d_lambda0" % m)
        te = agg(runs, "test_rms_m%d_lambda0" % m)
        w = agg(runs, "max_abs_w_m%d_lambda0" % m)
        t += row([str(m), fmt_rms(tr[0]), fmt_rms(tr[1]), fmt_rms(te[0]),
                  fmt_rms(te[1]), fmt_big(w[2])])
    return t


def lnl_label(lnl):
    return "-inf" if lnl is None else str(lnl)


def table2(runs):
    cap = ("Train and test RMS error of the M = 9 polynomial against ln(lambda), "
           "N = 10 training points; '-inf' is the unpenalised fit (lambda = 0); "
           "mean and sample std over seeds 0-9, plus the median of max_j |w_j|.")
    t = header(2, cap)
    cols = ["ln lambda", "train RMS (mean)", "train RMS (std)", "test RMS (mean)",
            "test RMS (std)", "max abs w (median)"]
    t += row(cols) + row(["---"] * len(cols))
    for lnl in polyfit.LNLAMBDAS:
        k = polyfit.lnl_key(lnl)
        tr = agg(runs, "train_rms_m9_%s" % k)
        te = agg(runs, "test_rms_m9_%s" % k)
        w = agg(runs, "max_abs_w_m9_%s" % k)
        t += row([lnl_label(lnl), fmt_rms(tr[0]), fmt_rms(tr[1]), fmt_rms(te[0]),
                  fmt_rms(te[1]), fmt_big(w[2])])
    return t


def table3(runs):
    cap = ("Train and test RMS error of the unpenalised M = 9 polynomial against "
           "the number N of equally spaced training points; mean and sample std "
           "over seeds 0-9.")
    t = header(3, cap)
    cols = ["N", "train RMS (mean)", "train RMS (std)", "test RMS (mean)", "test RMS (std)"]
    t += row(cols) + row(["---"] * len(cols))
    for n in polyfit.NS:
        tr = agg(runs, "train_rms_m9_n%d" % n)
        te = agg(runs, "test_rms_m9_n%d" % n)
        t += row([str(n), fmt_rms(tr[0]), fmt_rms(tr[1]), fmt_rms(te[0]), fmt_rms(te[1])])
    return t


def table4(runs):
    cap = ("Solver ablation at M = 9, N = 10: Householder QR on [Phi; sqrt(lambda) I] "
           "against Cholesky on the normal equations (Phi^T Phi + lambda I) w = Phi^T t. "
           "cond is the 2-norm condition number of the matrix each solver works on "
           "(inputs are the same for every seed); RMS values are means over seeds 0-9; "
           "failures counts seeds where Cholesky met a non-positive pivot.")
    t = header(4, cap)
    cols = ["Solver", "ln lambda", "cond", "train RMS (mean)", "test RMS (mean)",
            "failures"]
    t += row(cols) + row(["---"] * len(cols))
    for lnl in [None, -18]:
        k = polyfit.lnl_key(lnl)
        for name, pre in [("QR", "qr"), ("Cholesky", "chol")]:
            label = "%s, ln lambda = %s" % (name, lnl_label(lnl))
            cond = runs[0]["cond_%s_m9_%s" % (pre, k)]
            if pre == "chol":
                fails = sum(int(r["chol_failed_m9_%s" % k]) for r in runs)
                ok = [r for r in runs if not r["chol_failed_m9_%s" % k]]
            else:
                fails, ok = 0, runs
            tr = statistics.mean(r["%s_train_rms_m9_%s" % (pre, k)] for r in ok)
            te = statistics.mean(r["%s_test_rms_m9_%s" % (pre, k)] for r in ok)
            t += row([label, lnl_label(lnl), "%.3e" % cond, fmt_rms(tr), fmt_rms(te),
                      "%d/%d" % (fails, len(runs))])
    return t


def derived(t2):
    keep = {"-inf", "-18", "-10", "0"}
    lines = t2.splitlines()
    tbl = [l for l in lines if l.startswith("|")]
    body = [tbl[0], tbl[1]] + [l for l in tbl[2:] if l.split("|")[1].strip() in keep]
    cap = ("Four rows of Table 2 (M = 9, N = 10): no penalty, the penalty used in "
           "Bishop's illustration (ln lambda = -18), the best grid point, and an "
           "over-strong penalty (ln lambda = 0). Cells copied unchanged.")
    return ("# Headline subset of Table 2\n\n"
            "**Source**: Table 2 in %s (%s)\n"
            "**Caption**: %s\n"
            "**Extraction type**: derived_subset\n"
            "**Derived from**: tables/table2_rms_vs_lnlambda.md\n\n"
            % (TITLE, PRODUCER, cap)) + "\n".join(body) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    runs = collect()
    t2 = table2(runs)
    files = {
        "table1_rms_vs_degree.md": table1(runs),
        "table2_rms_vs_lnlambda.md": t2,
        "table3_rms_vs_n.md": table3(runs),
        "table4_solver_ablation.md": table4(runs),
        "derived_m9_headline.md": derived(t2),
    }
    outdir = os.path.join(ROOT, "evidence", "tables")
    os.makedirs(outdir, exist_ok=True)
    bad = 0
    for name, text in files.items():
        path = os.path.join(outdir, name)
        if args.check:
            old = open(path).read() if os.path.exists(path) else None
            status = "ok" if old == text else "DIFFERS"
            bad += status != "ok"
            print("%-32s %s" % (name, status))
        else:
            with open(path, "w") as fh:
                fh.write(text)
            print("wrote", os.path.relpath(path, ROOT))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
