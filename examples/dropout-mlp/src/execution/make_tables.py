"""Build the evidence tables of the dropout-mlp artifact.

Runs `python src/execution/train_mlp.py --seed s --out <tmp>/<variant>_s.json
[extra args]` for every variant in VARIANTS and s in SEEDS (two processes at
a time, one BLAS thread each), reads the JSON back and writes
evidence/tables/*.md and evidence/figures/*.md.
Cells are mean ± sample standard deviation (ddof = 1) over the seeds.

Usage (from the artifact root):
    python src/execution/make_tables.py            # (re)write evidence files
    python src/execution/make_tables.py --check    # fail if a file would change
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True     # keep the artifact free of __pycache__
sys.path.insert(0, HERE)
import train_mlp  # noqa: E402  (constants only)

SEEDS = [0, 1, 2]
JOBS = 2
TITLE = "Dropout Against Label-Noise Memorisation in a Small MLP"
PRODUCER = ("produced by src/execution/train_mlp.py --seed s for s = 0, 1, 2, "
            "aggregated by src/execution/make_tables.py")


# variant -> extra command-line arguments of train_mlp.py
VARIANTS = {
    # the main study: all configurations, cosine learning-rate decay
    "main": [],
    # Table 4: the same task with the constant learning rate of the first attempt
    "constant_lr": ["--lr-schedule", "constant",
                    "--configs", "p0.0", "p0.2", "p0.5", "p0.5_in0.2"],
    # Table 5: the abandoned pilot task (20 inputs, teacher gain 2, constant LR)
    "pilot": ["--d-in", "20", "--teacher-gain", "2.0", "--lr-schedule", "constant",
              "--configs", "p0.0", "p0.5"],
}


def collect():
    """Returns {variant: [metrics of seed s for s in SEEDS]}."""
    runs = {}
    with tempfile.TemporaryDirectory() as tmp:
        pending = [(v, s) for v in VARIANTS for s in SEEDS]
        procs = []
        t0 = time.perf_counter()
        while pending or procs:
            while pending and len(procs) < JOBS:
                v, s = pending.pop(0)
                out = os.path.join(tmp, "%s_%d.json" % (v, s))
                cmd = [sys.executable, os.path.join(HERE, "train_mlp.py"),
                       "--seed", str(s), "--out", out] + VARIANTS[v]
                procs.append((v, s, out, subprocess.Popen(cmd, cwd=ROOT)))
            v, s, out, p = procs.pop(0)
            if p.wait() != 0:
                raise SystemExit("train_mlp.py failed: %s seed %d" % (v, s))
            with open(out) as fh:
                runs[(v, s)] = json.load(fh)
        print("all runs done in %.1f s" % (time.perf_counter() - t0), file=sys.stderr)
    return {v: [runs[(v, s)] for s in SEEDS] for v in VARIANTS}


def ms(runs, key, digits=2):
    v = np.array([r[key] for r in runs])
    return "%.*f ± %.*f" % (digits, v.mean(), digits, v.std(ddof=1))


def row(cells):
    return "| " + " | ".join(cells) + " |\n"


def header(kind, num, short, caption):
    return ("# %s %d: %s\n\n"
            "**Source**: %s %d in %s (%s)\n"
            "**Caption**: %s\n"
            "**Extraction type**: raw_table\n") % (kind, num, short, kind, num, TITLE,
                                                   PRODUCER, caption)


COLS = ["Configuration", "train acc (%)", "test acc (%)", "gap (pp)",
        "memorised flips (%)", "test NLL (nats)"]


def metric_row(runs, label, name):
    return row([label,
                ms(runs, name + "/train_acc"),
                ms(runs, name + "/test_acc"),
                ms(runs, name + "/gap"),
                ms(runs, name + "/memorised_noisy"),
                ms(runs, name + "/test_loss", 3)])


def n_flips():
    """Number of flipped training labels of the main task (Bernoulli draw, nominal 20%)."""
    return int(train_mlp.make_data()[3].sum())


def table1(runs):
    cap = ("Hidden-layer dropout rate p on a 5-256-256-2 ReLU MLP trained for 200 "
           "epochs on 300 teacher-labelled points with each label flipped with probability 0.2; test "
           "accuracy and NLL on 4000 clean-labelled points; memorised flips = share "
           "of the %d flipped training points on which the network outputs the "
           "flipped label. Mean ± sample std over training seeds 0, 1, 2 (data fixed)."
           % n_flips())
    t = header("Table", 1, "Dropout rate vs accuracy, memorisation and NLL", cap) + "\n"
    t += row(COLS) + row(["---"] * len(COLS))
    for name, label in [("p0.0", "p = 0.0"), ("p0.2", "p = 0.2"), ("p0.5", "p = 0.5")]:
        t += metric_row(runs, label, name)
    return t


def table2(runs):
    cap = ("Ablations and baselines around p = 0.5 on the same task and seeds as "
           "Table 1: dropout without the 1/(1-p) training-time scaling (and no "
           "test-time rescaling), extra input dropout 0.2, L2 weight decay 1e-3 "
           "without dropout, and an unregularised network trained on the clean "
           "labels (noise-free ceiling). Mean ± sample std over seeds 0, 1, 2.")
    t = header("Table", 2, "Ablations and baselines", cap) + "\n"
    t += row(COLS) + row(["---"] * len(COLS))
    for name, label in [("p0.5", "p = 0.5 (inverted dropout)"),
                        ("p0.5_noscale", "p = 0.5, no 1/(1-p) scaling"),
                        ("p0.5_in0.2", "p = 0.5 + input dropout 0.2"),
                        ("wd1e-3", "weight decay 1e-3, p = 0.0"),
                        ("p0.0", "p = 0.0 (no regulariser)"),
                        ("p0.0_clean", "p = 0.0, clean labels")]:
        t += metric_row(runs, label, name)
    return t


def table3(runs):
    cap = ("Per-seed final test accuracy (%) of every configuration, the raw "
           "numbers behind the means of Tables 1 and 2.")
    t = header("Table", 3, "Per-seed test accuracy", cap) + "\n"
    cols = ["Configuration"] + ["seed %d" % s for s in SEEDS]
    t += row(cols) + row(["---"] * len(cols))
    for name in train_mlp.CONFIGS:
        t += row([name] + ["%.2f" % r[name + "/test_acc"] for r in runs])
    return t


def figure1(runs):
    cap = ("Test accuracy during training, read every 25 epochs, for the three "
           "dropout rates of Table 1. Mean ± sample std over seeds 0, 1, 2. Exact "
           "values computed by the code, not read off a plot.")
    t = header("Figure", 1, "Test accuracy vs epoch", cap)
    t += "**Axes**: x = epoch (1 epoch = 10 minibatches of 32 or fewer); y = clean test accuracy (%)\n\n"
    cols = ["epoch", "p = 0.0", "p = 0.2", "p = 0.5"]
    t += row(cols) + row(["---"] * len(cols))
    for ep in range(train_mlp.EVAL_EVERY, train_mlp.EPOCHS + 1, train_mlp.EVAL_EVERY):
        t += row([str(ep)] + [ms(runs, "%s/test_acc_ep%d" % (n, ep))
                              for n in ("p0.0", "p0.2", "p0.5")])
    return t


def table4(runs):
    cap = ("The Table 1 task and seeds trained with a constant learning rate of "
           "0.05 (no cosine decay), the schedule of the first attempt; test accuracy "
           "is read after the last epoch. Mean ± sample std over seeds 0, 1, 2.")
    t = header("Table", 4, "Constant learning rate (no decay)", cap) + "\n"
    t += row(COLS) + row(["---"] * len(COLS))
    for name, label in [("p0.0", "p = 0.0"), ("p0.2", "p = 0.2"), ("p0.5", "p = 0.5"),
                        ("p0.5_in0.2", "p = 0.5 + input dropout 0.2")]:
        t += metric_row(runs, label, name)
    return t


def table5(runs):
    cap = ("Abandoned pilot task: 20 Gaussian inputs, teacher pre-activation gain "
           "2.0, constant learning rate 0.05, otherwise as Table 1 (300 training "
           "points, labels flipped with probability 0.2 (48 flips), 20-256-256-2 "
           "network). Mean ± sample "
           "std over seeds 0, 1, 2.")
    t = header("Table", 5, "Pilot task with 20 inputs", cap) + "\n"
    t += row(COLS) + row(["---"] * len(COLS))
    for name, label in [("p0.0", "p = 0.0"), ("p0.5", "p = 0.5")]:
        t += metric_row(runs, label, name)
    return t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    allruns = collect()
    runs = allruns["main"]
    files = {
        "tables/table1_dropout_rate.md": table1(runs),
        "tables/table2_ablations.md": table2(runs),
        "tables/table3_per_seed_test_acc.md": table3(runs),
        "tables/table4_constant_lr.md": table4(allruns["constant_lr"]),
        "tables/table5_pilot_task.md": table5(allruns["pilot"]),
        "figures/figure1_test_acc_vs_epoch.md": figure1(runs),
    }
    bad = 0
    for name, text in files.items():
        path = os.path.join(ROOT, "evidence", name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if args.check:
            old = open(path).read() if os.path.exists(path) else None
            status = "ok" if old == text else "DIFFERS"
            bad += status != "ok"
            print("%-40s %s" % (name, status))
        else:
            with open(path, "w") as fh:
                fh.write(text)
            print("wrote evidence/" + name)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
