"""Dropout as a regulariser in a small numpy MLP trained on a noisy teacher task.

Usage (from the artifact root):
    python src/execution/train_mlp.py --seed 0 --out metrics.json
    python src/execution/train_mlp.py --seed 0 --out m.json --configs p0.0 p0.5

One call trains every configuration in CONFIGS (or the subset named by
--configs) with one training seed and writes a flat JSON object
metric name -> number, e.g. "p0.5/test_acc". The data set never depends on
--seed: it is drawn once from DATA_SEED, so seeds vary only the weight
initialisation, the dropout masks and the minibatch order.
"""

import argparse
import json
import os
import sys
import time

# one BLAS thread per process: the matrices are small, and threads only
# contend (measured: 1.1 s per run single-threaded, several times slower
# when two multi-threaded runs shared the 2 cores)
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402

# ------------------------------------------------------------------ task
DATA_SEED = 12345
D_IN = 5             # input dimension (--d-in; the pilot task used 20)
TEACHER_HIDDEN = 8   # hidden units of the random teacher
TEACHER_GAIN = 1.0   # pre-activation gain of the teacher (--teacher-gain; pilot: 2.0)
N_TRAIN = 300
N_TEST = 4000
LABEL_NOISE = 0.2    # fraction of training labels flipped (test labels stay clean)

# ------------------------------------------------------------------ student
HIDDEN = 256         # two hidden layers of this width
EPOCHS = 200
BATCH = 32
LR = 0.05            # peak learning rate
LR_SCHEDULE = "cosine"   # "cosine" (decay to 0 over EPOCHS) or "constant" (--lr-schedule)
MOMENTUM = 0.9
EVAL_EVERY = 25      # epochs between test-set checkpoints (curve metrics)

# name -> dropout settings
#   p_hidden : drop probability on both hidden layers
#   p_input  : drop probability on the input features
#   inverted : scale kept units by 1/(1-p) during training (True) or not (False);
#              with inverted=False and no test-time rescaling the train and test
#              networks see activations of different scale (ablation A2)
#   wd       : L2 weight decay coefficient (baseline B1)
#   clean    : train on the clean teacher labels (reference ceiling, no noise)
_BASE = dict(p_hidden=0.0, p_input=0.0, inverted=True, wd=0.0, clean=False)
CONFIGS = {
    "p0.0": dict(_BASE),
    "p0.2": dict(_BASE, p_hidden=0.2),
    "p0.5": dict(_BASE, p_hidden=0.5),
    "p0.5_noscale": dict(_BASE, p_hidden=0.5, inverted=False),
    "p0.5_in0.2": dict(_BASE, p_hidden=0.5, p_input=0.2),
    "wd1e-3": dict(_BASE, wd=1e-3),
    "p0.0_clean": dict(_BASE, clean=True),
}


def set_task(d_in, teacher_gain, lr_schedule):
    """Override the module-level task / schedule settings (used by the CLI)."""
    global D_IN, TEACHER_GAIN, LR_SCHEDULE
    D_IN, TEACHER_GAIN, LR_SCHEDULE = d_in, teacher_gain, lr_schedule


def make_data():
    """Random two-layer tanh teacher; labels = sign of its output."""
    rng = np.random.default_rng(DATA_SEED)
    w1 = rng.standard_normal((D_IN, TEACHER_HIDDEN)) / np.sqrt(D_IN)
    w2 = rng.standard_normal(TEACHER_HIDDEN)

    def teacher(x):
        return (np.tanh(TEACHER_GAIN * (x @ w1)) @ w2 > 0).astype(np.int64)

    x_tr = rng.standard_normal((N_TRAIN, D_IN))
    y_clean = teacher(x_tr)
    flip = rng.random(N_TRAIN) < LABEL_NOISE
    y_tr = np.where(flip, 1 - y_clean, y_clean)
    x_te = rng.standard_normal((N_TEST, D_IN))
    y_te = teacher(x_te)
    return x_tr, y_tr, y_clean, flip, x_te, y_te


# ------------------------------------------------------------------ model
def init(rng):
    """He-normal weights, zero biases: D_IN -> HIDDEN -> HIDDEN -> 2."""
    sizes = [D_IN, HIDDEN, HIDDEN, 2]
    params = []
    for a, b in zip(sizes[:-1], sizes[1:]):
        params.append(rng.standard_normal((a, b)) * np.sqrt(2.0 / a))
        params.append(np.zeros(b))
    return params


def mask(rng, shape, p, inverted):
    if p <= 0.0:
        return None
    keep = (rng.random(shape) >= p).astype(np.float64)
    return keep / (1.0 - p) if inverted else keep


def forward(params, x, cfg, rng=None):
    """Returns logits and a cache for backprop. rng=None means evaluation mode:
    no masks, weights used as trained (inverted dropout needs no rescaling)."""
    w1, b1, w2, b2, w3, b3 = params
    m0 = m1 = m2 = None
    if rng is not None:
        m0 = mask(rng, x.shape, cfg["p_input"], cfg["inverted"])
    h0 = x if m0 is None else x * m0
    a1 = h0 @ w1 + b1
    r1 = np.maximum(a1, 0.0)
    if rng is not None:
        m1 = mask(rng, r1.shape, cfg["p_hidden"], cfg["inverted"])
    h1 = r1 if m1 is None else r1 * m1
    a2 = h1 @ w2 + b2
    r2 = np.maximum(a2, 0.0)
    if rng is not None:
        m2 = mask(rng, r2.shape, cfg["p_hidden"], cfg["inverted"])
    h2 = r2 if m2 is None else r2 * m2
    logits = h2 @ w3 + b3
    return logits, (h0, a1, m1, h1, a2, m2, h2)


def softmax_xent(logits, y):
    z = logits - logits.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    loss = -logp[np.arange(len(y)), y].mean()
    return loss, logp


def backward(params, cache, logp, y):
    w1, b1, w2, b2, w3, b3 = params
    h0, a1, m1, h1, a2, m2, h2 = cache
    n = len(y)
    g = np.exp(logp)
    g[np.arange(n), y] -= 1.0
    g /= n
    gw3 = h2.T @ g
    gb3 = g.sum(0)
    gh2 = g @ w3.T
    if m2 is not None:
        gh2 *= m2
    ga2 = gh2 * (a2 > 0)
    gw2 = h1.T @ ga2
    gb2 = ga2.sum(0)
    gh1 = ga2 @ w2.T
    if m1 is not None:
        gh1 *= m1
    ga1 = gh1 * (a1 > 0)
    gw1 = h0.T @ ga1
    gb1 = ga1.sum(0)
    return [gw1, gb1, gw2, gb2, gw3, gb3]


def evaluate(params, x, y, cfg):
    logits, _ = forward(params, x, cfg, rng=None)
    loss, logp = softmax_xent(logits, y)
    acc = float((logp.argmax(1) == y).mean())
    return acc, float(loss)


def train(cfg, seed, data):
    x_tr, y_noisy, y_clean, flip, x_te, y_te = data
    y_tr = y_clean if cfg["clean"] else y_noisy
    rng = np.random.default_rng(seed)
    params = init(rng)
    vel = [np.zeros_like(p) for p in params]
    curve = {}
    for epoch in range(1, EPOCHS + 1):
        if LR_SCHEDULE == "cosine":     # per-epoch cosine decay from LR to 0
            lr = 0.5 * LR * (1.0 + np.cos(np.pi * (epoch - 1) / EPOCHS))
        else:
            lr = LR
        order = rng.permutation(N_TRAIN)
        for start in range(0, N_TRAIN, BATCH):
            idx = order[start:start + BATCH]
            logits, cache = forward(params, x_tr[idx], cfg, rng)
            _, logp = softmax_xent(logits, y_tr[idx])
            grads = backward(params, cache, logp, y_tr[idx])
            for i, (p, gr) in enumerate(zip(params, grads)):
                if cfg["wd"] > 0.0 and p.ndim == 2:       # decay weights, not biases
                    gr = gr + cfg["wd"] * p
                vel[i] = MOMENTUM * vel[i] - lr * gr
                p += vel[i]
        if epoch % EVAL_EVERY == 0:
            curve[epoch] = evaluate(params, x_te, y_te, cfg)[0]
    train_acc, train_loss = evaluate(params, x_tr, y_tr, cfg)
    test_acc, test_loss = evaluate(params, x_te, y_te, cfg)
    pred_tr = forward(params, x_tr, cfg)[0].argmax(1)
    # fraction of flipped training points whose noisy label the net reproduces
    memorised = float((pred_tr[flip] == y_noisy[flip]).mean())
    out = {
        "train_acc": 100.0 * train_acc,
        "train_loss": train_loss,
        "test_acc": 100.0 * test_acc,
        "test_loss": test_loss,
        "gap": 100.0 * (train_acc - test_acc),
        "memorised_noisy": 100.0 * memorised,
    }
    for epoch, acc in curve.items():
        out["test_acc_ep%d" % epoch] = 100.0 * acc
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default="-", help="JSON output path ('-' = stdout)")
    ap.add_argument("--configs", nargs="*", default=list(CONFIGS), choices=list(CONFIGS))
    ap.add_argument("--lr-schedule", choices=["cosine", "constant"], default=LR_SCHEDULE)
    ap.add_argument("--d-in", type=int, default=D_IN)
    ap.add_argument("--teacher-gain", type=float, default=TEACHER_GAIN)
    args = ap.parse_args(argv)
    set_task(args.d_in, args.teacher_gain, args.lr_schedule)
    data = make_data()
    metrics = {}
    for name in args.configs:
        t0 = time.perf_counter()
        res = train(CONFIGS[name], args.seed, data)
        for k, v in res.items():
            metrics["%s/%s" % (name, k)] = v
        print("%-14s seed %d  test_acc %.2f  train_acc %.2f  (%.1fs)"
              % (name, args.seed, res["test_acc"], res["train_acc"],
                 time.perf_counter() - t0), file=sys.stderr)
    text = json.dumps(metrics, indent=1, sort_keys=True)
    if args.out == "-":
        sys.stdout.write(text + "\n")
    else:
        with open(args.out, "w") as fh:
            fh.write(text + "\n")


if __name__ == "__main__":
    main()
