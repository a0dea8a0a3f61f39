"""Synthetic Ara artifacts of realistic size that pass Seal Level 1 with zero findings.

Every artifact is built as a typed `arakit.model.Artifact` and written by the library's
canonical writer (`arakit.codec.write_artifact`); only code files (attachments) and prose
bodies are plain text. Generation is deterministic: artifact k of seed S is always the same.

    python benchmarks/synth.py OUT_DIR --count N --seed S [--workers W] [--verify K]

writes OUT_DIR/a00000 ... OUT_DIR/a{N-1:05d} and then validates K of them (spread over the
range); any finding is printed and the exit status is 1.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Iterable
from multiprocessing import get_context
from pathlib import Path

from arakit.codec import render_artifact, write_artifact
from arakit.model import (
    Artifact,
    Assumption,
    Claim,
    Concept,
    ConfigFile,
    ConfigParam,
    Evidence,
    EvidenceFile,
    EvidenceIndex,
    Expectation,
    Experiment,
    Gap,
    Heuristic,
    KeyInsight,
    LayerTable,
    MarkdownDoc,
    Observation,
    Paper,
    Problem,
    RelatedWork,
    ReproducePlan,
    Run,
    Setup,
    Table,
    Tolerance,
    Trace,
    TraceNode,
)

# -- word banks ------------------------------------------------------------------------------
DOMAINS = {
    "machine learning": dict(
        things=[
            "model",
            "optimiser",
            "learning-rate schedule",
            "regulariser",
            "encoder",
            "attention layer",
            "batch normalisation",
            "weight decay",
            "dropout mask",
            "gradient estimator",
            "loss surface",
            "validation curve",
            "embedding table",
            "mixture of experts",
            "residual block",
            "tokeniser",
            "data loader",
            "label smoothing",
            "early stopping rule",
            "warm-up phase",
        ],
        models=[
            "ResNet-18",
            "ResNet-50",
            "ViT-B/16",
            "a 6-layer Transformer",
            "a 2-layer MLP with 512 hidden units",
            "GPT-2 small",
            "BERT-base",
            "a 4-layer LSTM",
            "logistic regression",
            "a gradient-boosted tree ensemble",
        ],
        datasets=[
            "CIFAR-10",
            "CIFAR-100",
            "ImageNet-1k",
            "WikiText-103",
            "SST-2",
            "MNIST",
            "Fashion-MNIST",
            "OpenWebText (10 GB subset)",
            "UCI Adult",
            "SVHN",
        ],
        metrics=[
            "top-1 error (%)",
            "validation loss (nats)",
            "perplexity",
            "accuracy (%)",
            "wall-clock time (s)",
            "expected calibration error",
            "F1 score",
            "throughput (samples/s)",
            "peak memory (GB)",
            "gradient norm",
        ],
    ),
    "systems": dict(
        things=[
            "scheduler",
            "page cache",
            "write-ahead log",
            "lock manager",
            "allocator",
            "replication protocol",
            "garbage collector",
            "compaction policy",
            "network stack",
            "thread pool",
            "consensus round",
            "index structure",
            "admission controller",
            "prefetcher",
            "checkpointing routine",
            "query planner",
            "batching layer",
            "retry policy",
            "load balancer",
            "shard map",
        ],
        models=[
            "a B-tree index",
            "an LSM tree",
            "a Raft cluster of 5 nodes",
            "a work-stealing runtime",
            "a slab allocator",
            "a log-structured store",
            "a columnar engine",
            "an RPC framework",
            "a token-bucket limiter",
            "a copy-on-write file system",
        ],
        datasets=[
            "YCSB workload A",
            "YCSB workload C",
            "TPC-C (100 warehouses)",
            "TPC-H (scale factor 10)",
            "a production trace of 24 hours",
            "the Twitter cache trace",
            "SPEC CPU 2017",
            "a synthetic Zipf workload",
            "the Alibaba cluster trace",
            "fio random-read",
        ],
        metrics=[
            "p99 latency (ms)",
            "throughput (ops/s)",
            "CPU utilisation (%)",
            "write amplification",
            "recovery time (s)",
            "tail latency (ms)",
            "memory footprint (MB)",
            "cache hit rate (%)",
            "bytes written (GB)",
            "energy per request (mJ)",
        ],
    ),
    "computational biology": dict(
        things=[
            "alignment score",
            "k-mer index",
            "read mapper",
            "variant caller",
            "phylogenetic prior",
            "expression matrix",
            "batch-effect correction",
            "clustering step",
            "motif finder",
            "assembly graph",
            "coverage filter",
            "normalisation factor",
            "imputation model",
            "quality threshold",
            "splice-site model",
            "peak caller",
            "dimensionality reduction",
            "cell-type classifier",
            "error-correction pass",
            "contig scaffolder",
        ],
        models=[
            "a hidden Markov model",
            "a profile HMM",
            "a graph neural network",
            "a negative binomial GLM",
            "a de Bruijn assembler",
            "a Bayesian mixture",
            "a random forest",
            "a variational autoencoder",
            "a Smith-Waterman aligner",
            "a convolutional network over one-hot sequence",
        ],
        datasets=[
            "GIAB HG002",
            "1000 Genomes phase 3",
            "Tabula Muris",
            "ENCODE DNase-seq",
            "the PBMC 10k data set",
            "UniProt Swiss-Prot",
            "CAMI II marine",
            "TCGA BRCA",
            "GTEx v8",
            "E. coli K-12 reads",
        ],
        metrics=[
            "F1 score",
            "recall (%)",
            "precision (%)",
            "adjusted Rand index",
            "N50 (kb)",
            "runtime (min)",
            "peak memory (GB)",
            "AUROC",
            "mapping rate (%)",
            "Spearman correlation",
        ],
    ),
}
VERBS = [
    "reduces",
    "increases",
    "stabilises",
    "removes",
    "bounds",
    "halves",
    "doubles",
    "controls",
    "explains",
    "predicts",
    "accelerates",
    "degrades",
    "preserves",
    "amplifies",
    "hides",
    "exposes",
    "dominates",
    "matches",
    "outperforms",
    "limits",
]
QUALIFIERS = [
    "under the default configuration",
    "when the workload is skewed",
    "for every seed we tried",
    "only at the largest scale",
    "once the warm-up phase is over",
    "in the low-data regime",
    "at matched compute",
    "without retuning the other settings",
    "relative to the strongest baseline",
    "on held-out data",
    "after the first few iterations",
    "when the budget is fixed",
    "across the three hardware types",
    "for inputs longer than the median",
    "with the ablated component removed",
    "as the problem size grows",
]
ADJ = [
    "adaptive",
    "sparse",
    "dense",
    "stochastic",
    "hierarchical",
    "low-rank",
    "local",
    "global",
    "incremental",
    "robust",
    "calibrated",
    "lazy",
    "bounded",
    "weighted",
    "asynchronous",
    "coupled",
    "decoupled",
    "residual",
    "implicit",
    "cached",
    "greedy",
    "amortised",
    "contrastive",
    "conditional",
    "truncated",
]
NOUNS = [
    "estimator",
    "schedule",
    "penalty",
    "buffer",
    "kernel",
    "projection",
    "gate",
    "threshold",
    "window",
    "budget",
    "prior",
    "sampler",
    "filter",
    "partition",
    "ranking",
    "embedding",
    "margin",
    "horizon",
    "curriculum",
    "quantiser",
    "sketch",
    "router",
    "ensemble",
    "surrogate",
    "objective",
]
SURNAMES = [
    "Smith",
    "Chen",
    "Garcia",
    "Kumar",
    "Okafor",
    "Novak",
    "Tanaka",
    "Dubois",
    "Rossi",
    "Müller",
    "Andersson",
    "Kowalski",
    "Silva",
    "Haddad",
    "Ivanova",
    "Nakamura",
    "O'Brien",
    "Petrov",
    "Lindqvist",
    "Mensah",
    "Fischer",
    "Yilmaz",
    "Park",
    "Costa",
    "Brennan",
    "Sato",
    "Moreau",
    "Hoffmann",
    "Ramirez",
    "Zhou",
]
FIRST = [
    "Ana",
    "Ben",
    "Chloé",
    "Dev",
    "Eun-ji",
    "Farid",
    "Greta",
    "Hugo",
    "Ines",
    "Jonas",
    "Kemi",
    "Lars",
    "Mei",
    "Nikhil",
    "Olga",
    "Pablo",
    "Quinn",
    "Rosa",
    "Sami",
    "Tomás",
]
VENUES = [
    "NeurIPS",
    "ICML",
    "ICLR",
    "OSDI",
    "SOSP",
    "EuroSys",
    "VLDB",
    "SIGMOD",
    "RECOMB",
    "ISMB",
    "Bioinformatics",
    "Nature Methods",
    "JMLR",
    "TMLR",
    "arXiv preprint",
]
HARDWARE = [
    "1x NVIDIA A100 80 GB",
    "8x NVIDIA V100 32 GB",
    "4x NVIDIA H100",
    "2x AMD EPYC 7763 (128 cores)",
    "a 16-core Intel Xeon Gold 6338 server",
    "an Apple M2 laptop",
    "1 CPU core of a shared 2-core VM",
    "a 5-node cluster of 32-core machines with 25 GbE",
    "1x NVIDIA RTX 4090",
    "a TPU v4-8 slice",
]
SYSTEMS = [
    "Python 3.11, PyTorch 2.3, CUDA 12.1",
    "Python 3.10, JAX 0.4.30",
    "Rust 1.78, tokio 1.37",
    "C++20, GCC 13, Linux 6.5",
    "Go 1.22 on Linux 6.1",
    "Python 3.12, NumPy 1.26, SciPy 1.13",
    "R 4.3 with Bioconductor 3.18",
    "Java 21, Netty 4.1",
    "Python 3.11, scikit-learn 1.4",
]
STEP_TEMPLATES = [
    "Prepare {ds} with the preprocessing of {rw} and hold out a validation split.",
    "Train {model} with the {thing} enabled, once per seed.",
    "Repeat the run with the {thing} replaced by the baseline {adj} {noun}.",
    "Sweep the {adj} {noun} over its search range while keeping every other setting fixed.",
    "Record {metric} at every evaluation point and keep the raw logs.",
    "Aggregate the seeds into mean and standard deviation per configuration.",
    "Compare each configuration against the baseline with a paired test over seeds.",
    "Profile the {thing} to separate its cost from the rest of the pipeline.",
    "Check that the implementation matches the reference on a small input first.",
    "Write the aggregated numbers to the evidence table with the script in src/execution.",
]
EXPECTED = [
    "{metric} falls as the {thing} is enabled, most at the largest scale.",
    "The {adj} {noun} beats the baseline on {metric}, with a gap that grows with size.",
    "{metric} stays within noise of the baseline, showing the change is not harmful.",
    "Removing the {thing} hurts {metric} more than removing any other component.",
    "The ordering of methods on {metric} is the same for every seed.",
    "{metric} is U-shaped in the swept setting, with a broad flat optimum.",
]


class Text:
    """Random but plausible prose for one artifact's domain."""

    def __init__(self, rng: random.Random, domain: str) -> None:
        self.r = rng
        self.d = DOMAINS[domain]

    def pick(self, seq: list[str]) -> str:
        return self.r.choice(seq)

    def phrase(self) -> str:
        return f"{self.pick(ADJ)} {self.pick(NOUNS)}"

    def a_phrase(self) -> str:
        p = self.phrase()
        return ("an " if p[0] in "aeiou" else "a ") + p

    def thing(self) -> str:
        return self.pick(self.d["things"])

    def sentence(self) -> str:
        r = self.r
        form = r.randrange(6)
        if form == 0:
            s = f"the {self.thing()} {self.pick(VERBS)} the {self.phrase()} {self.pick(QUALIFIERS)}"
        elif form == 1:
            s = (
                f"replacing the {self.thing()} with {self.a_phrase()} {self.pick(VERBS)} "
                f"{self.pick(self.d['metrics']).split(' (')[0]} {self.pick(QUALIFIERS)}"
            )
        elif form == 2:
            s = (
                f"on {self.pick(self.d['datasets'])}, {self.pick(self.d['models'])} with "
                f"{self.a_phrase()} {self.pick(VERBS)} the cost of the {self.thing()}"
            )
        elif form == 3:
            s = (
                f"{self.a_phrase()} is needed because the {self.thing()} "
                f"{self.pick(VERBS)} the {self.phrase()} {self.pick(QUALIFIERS)}"
            )
        elif form == 4:
            s = (
                f"prior work tunes the {self.thing()} by hand, which "
                f"{self.pick(VERBS)} the {self.phrase()} {self.pick(QUALIFIERS)}"
            )
        else:
            s = (
                f"we measure how the {self.thing()} interacts with the {self.phrase()} "
                f"{self.pick(QUALIFIERS)}"
            )
        return s[0].upper() + s[1:] + "."

    def para(self, lo: int = 2, hi: int = 4) -> str:
        return " ".join(self.sentence() for _ in range(self.r.randint(lo, hi)))

    def title(self) -> str:
        t = (
            f"{self.pick(ADJ)} {self.pick(NOUNS)} {self.pick(['for', 'in', 'under', 'with'])} "
            f"the {self.thing()}"
        )
        return t[0].upper() + t[1:]

    def number(self) -> str:
        r = self.r
        form = r.randrange(4)
        if form == 0:
            return f"{r.uniform(0, 100):.2f}"
        if form == 1:
            return f"{r.uniform(0, 1):.4f}"
        if form == 2:
            return f"{r.randint(1, 50000):,}"
        return f"{r.uniform(0, 10):.1f} ± {r.uniform(0, 1):.2f}"


def _id(prefix: str, k: int) -> str:
    return f"{prefix}{k:02d}" if prefix in ("C", "E", "H", "RW", "N", "R") else f"{prefix}{k}"


def _slug(text: str) -> str:
    out = "".join(ch if ch.isalnum() else "_" for ch in text.lower())
    return "_".join(p for p in out.split("_") if p)[:40]


# -- pieces of an artifact -------------------------------------------------------------------
def _code_file(t: Text, name: str) -> str:
    """A plausible Python module (plain text: code files are attachments, not model entities)."""
    r = t.r
    lines = [
        f'"""{name}: {t.sentence()}"""',
        "",
        "import argparse",
        "import json",
        "import math",
        "import random",
        "",
        "",
    ]
    funcs = []
    for k in range(r.randint(6, 14)):
        fname = f"{_slug(t.phrase())}_{k}"
        funcs.append(fname)
        args = ", ".join(
            r.sample(
                [
                    "x",
                    "weights",
                    "rate",
                    "budget",
                    "window",
                    "seed",
                    "data",
                    "steps",
                    "alpha",
                    "beta",
                ],
                r.randint(1, 4),
            )
        )
        lines += [f"def {fname}({args}):", f'    """{t.sentence()}"""', "    acc = 0.0"]
        for _ in range(r.randint(4, 14)):
            lines.append(
                f"    acc = acc * {r.uniform(0.5, 1.5):.3f} + math.sin({r.randint(1, 9)} "
                f"* acc + {r.uniform(-1, 1):.3f})"
            )
        lines += ["    return acc", "", ""]
    lines += [
        "def main():",
        "    p = argparse.ArgumentParser()",
        "    p.add_argument('--seed', type=int, default=0)",
        "    p.add_argument('--out', default='metrics.json')",
        "    a = p.parse_args()",
        "    random.seed(a.seed)",
        "    metrics = {}",
    ]
    for f in funcs[:4]:
        lines.append(f"    metrics[{f!r}] = {f}(*([random.random()] * {f}.__code__.co_argcount))")
    lines += [
        "    with open(a.out, 'w') as fh:",
        "        json.dump(metrics, fh)",
        "",
        "",
        "if __name__ == '__main__':",
        "    main()",
        "",
    ]
    return "\n".join(lines)


def _trace(
    t: Text, n_nodes: int, depth: int, claims: list[str], ev_files: list[str], sources: list[str]
) -> Trace:
    """A DAG of n_nodes nested up to `depth`, with dead ends, decisions, pivots, extra parents."""
    r = t.r
    # structure first: parent index per node; a chain gives the requested depth
    parent: list[int | None] = [None]
    level = [0]
    for k in range(1, depth):
        parent.append(k - 1)
        level.append(k)
    n_roots = r.randint(1, 3)
    for _ in range(n_roots - 1):
        parent.append(None)
        level.append(0)
    while len(parent) < n_nodes:
        cands = [i for i in range(len(parent)) if level[i] < depth - 1]
        p = r.choice(cands)
        parent.append(p)
        level.append(level[p] + 1)
    children: dict[int, list[int]] = {i: [] for i in range(len(parent))}
    for i, p in enumerate(parent):
        if p is not None:
            children[p].append(i)
    leaves = [i for i in children if not children[i]]
    inner = [i for i in children if children[i]]
    types: dict[int, str] = {}
    for i in leaves:
        types[i] = r.choices(["dead_end", "experiment", "question"], [3, 5, 1])[0]
    for i in inner:
        types[i] = r.choices(["question", "experiment", "decision", "pivot"], [4, 3, 3, 1])[0]
    roots = [i for i, p in enumerate(parent) if p is None]
    for i in roots:
        types[i] = "question"
    if "dead_end" not in types.values():
        types[r.choice(leaves)] = "dead_end"
    if "decision" not in types.values():
        types[r.choice([i for i in inner if i not in roots] or inner)] = "decision"
    if "pivot" not in types.values():
        spare = [i for i in inner if i not in roots and types[i] != "decision"]
        if spare:
            types[r.choice(spare)] = "pivot"
    # preorder numbering: every edge, children and also_depends_on, goes to a higher number
    order: list[int] = []

    def visit(i: int) -> None:
        order.append(i)
        for ch in children[i]:
            visit(ch)

    for i in roots:
        visit(i)
    num = {i: k + 1 for k, i in enumerate(order)}

    def ancestors(i: int) -> set[int]:
        out = set()
        while parent[i] is not None:
            i = parent[i]  # type: ignore[assignment]
            out.add(i)
        return out

    def build(i: int) -> TraceNode:
        typ = types[i]
        explicit = r.random() < 0.45
        f: dict = dict(
            id=_id("N", num[i]),
            type=typ,
            title=t.title(),
            support_level="explicit" if explicit else "inferred",
        )
        if explicit:
            f["source_refs"] = r.sample(sources, r.randint(1, 2))
        if r.random() < 0.5:
            f["provenance"] = r.choice(["user", "ai-suggested", "ai-executed", "user-revised"])
        if r.random() < 0.6:
            f["timestamp"] = (
                f"2026-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}T"
                f"{r.randint(8, 19):02d}:{r.randint(0, 59):02d}"
            )
        if typ == "question":
            f["description"] = t.para(1, 2)
        elif typ == "experiment":
            f["result"] = t.para(1, 2)
            if r.random() < 0.7:
                f["evidence"] = r.sample(claims, r.randint(1, 2)) + r.sample(
                    ev_files, r.randint(0, 1)
                )
        elif typ == "decision":
            f["choice"] = f"use the {t.phrase()}"
            f["alternatives"] = [f"the {t.phrase()}" for _ in range(r.randint(1, 3))]
            if r.random() < 0.1:
                f["status"] = "unresolved"
        elif typ == "dead_end":
            f["hypothesis"] = t.sentence()
            f["failure_mode"] = t.sentence()
            f["lesson"] = t.sentence()
        else:
            f["from_"] = f"the {t.phrase()}"
            f["to"] = f"the {t.phrase()}"
            f["trigger"] = t.sentence()
        # extra parents: any earlier node in preorder that is not already an ancestor
        if num[i] > 3 and r.random() < 0.15:
            anc = ancestors(i)
            earlier = [
                j for j in order if num[j] < num[i] and j not in anc and types[j] != "dead_end"
            ]
            if earlier:
                f["also_depends_on"] = sorted(
                    _id("N", num[j]) for j in r.sample(earlier, min(len(earlier), r.randint(1, 2)))
                )
        f["children"] = [build(ch) for ch in children[i]]
        return TraceNode(**f)

    return Trace(tree=[build(i) for i in roots])


def build_artifact(seed: int | str) -> Artifact:
    """Artifact number `seed` (any int or str): the same value always gives the same artifact."""
    r = random.Random(seed)
    domain = r.choice(sorted(DOMAINS))
    t = Text(r, domain)
    d = t.d
    title = t.title()
    year = r.randint(2015, 2026)

    n_claims, n_exp = r.randint(8, 15), r.randint(6, 12)
    n_concepts, n_heur, n_rw = r.randint(8, 20), r.randint(4, 8), r.randint(10, 25)
    n_obs, n_gaps = r.randint(3, 6), r.randint(3, 6)
    n_nodes, depth = r.randint(25, 60), r.randint(3, 5)
    n_tables = r.randint(4, 10)
    claim_ids = [_id("C", k) for k in range(1, n_claims + 1)]
    exp_ids = [_id("E", k) for k in range(1, n_exp + 1)]
    obs_ids = [_id("O", k) for k in range(1, n_obs + 1)]
    gap_ids = [_id("G", k) for k in range(1, n_gaps + 1)]

    # -- code -----------------------------------------------------------------------------
    code_names = ["train.py", "evaluate.py", "make_tables.py", f"{_slug(t.phrase())}.py"][
        : r.randint(2, 4)
    ]
    code_paths = [f"src/execution/{n}" for n in code_names]
    attachments = {p: _code_file(t, p) for p in code_paths}

    # -- evidence -------------------------------------------------------------------------
    ev_files: list[EvidenceFile] = []
    raw_tables: list[EvidenceFile] = []
    index_rows: list[list[str]] = []
    fig_k = 0
    for k in range(1, n_tables + 1):
        kind = "table"
        if k > 2 and r.random() < 0.15:
            kind = "derived" if raw_tables else "table"
        elif k > 2 and r.random() < 0.15:
            kind = "figure"
        caption = t.sentence()
        n_cols, n_rows = r.randint(3, 7), r.randint(5, 20)
        metric_cols = r.sample(d["metrics"], min(n_cols - 1, len(d["metrics"])))
        header = [r.choice(["Method", "Configuration", "Setting", "Model"]), *metric_cols]
        rows = [
            [f"{t.phrase()} ({j})"] + [t.number() for _ in metric_cols]
            for j in range(1, n_rows + 1)
        ]
        cited = r.sample(claim_ids, r.randint(1, 3))
        if kind == "table":
            slug = _slug(f"{metric_cols[0].split(' (')[0]} vs {header[0]}")
            ev = EvidenceFile(
                path=f"evidence/tables/table{k}_{slug}.md",
                title=f"Table {k}: {caption[:-1]}",
                source=f"Table {k} in {title}",
                caption=caption,
                extraction_type="raw_table",
                tables=[Table(header=header, align=[], rows=rows)],
            )
            raw_tables.append(ev)
        elif kind == "derived":
            base = r.choice(raw_tables)
            keep = r.sample(base.tables[0].rows, min(len(base.tables[0].rows), r.randint(5, 8)))
            ev = EvidenceFile(
                path=f"evidence/tables/derived_{_slug(t.phrase())}_{k}.md",
                title=f"Subset of {base.title.split(':')[0]}",
                source=f"{base.source} (rows selected, cells unchanged)",
                caption=caption,
                extraction_type="derived_subset",
                derived_from=base.name,
                tables=[Table(header=base.tables[0].header, rows=keep)],
            )
        else:
            fig_k += 1
            xs = sorted(r.sample(range(1, 200), n_rows))
            ev = EvidenceFile(
                path=f"evidence/figures/figure{fig_k}_{_slug(metric_cols[0])}.md",
                title=f"Figure {fig_k}: {caption[:-1]}",
                source=f"Figure {fig_k} in {title}",
                caption=caption,
                extraction_type="figure_reading",
                axes=f"x: epoch; y: {metric_cols[0]}",
                tables=[
                    Table(
                        header=["x", metric_cols[0]],
                        rows=[[str(x), f"≈ {r.uniform(0, 100):.1f}"] for x in xs],
                    )
                ],
            )
        ev_files.append(ev)
        index_rows.append(
            [
                ev.name,
                ev.source.split(" in ")[0] if ev.source else "",
                ", ".join(cited),
                caption[:-1],
            ]
        )
    ev_names = [e.name for e in ev_files]
    sources = [f"Table {k}" for k in range(1, n_tables + 1)] + [
        f"§{r.randint(2, 6)}.{r.randint(1, 5)}" for _ in range(4)
    ]

    # -- experiments and claims -----------------------------------------------------------
    proof: dict[str, list[str]] = {c: [] for c in claim_ids}
    verifies: dict[str, list[str]] = {}
    for e in exp_ids:
        vs = sorted(set(r.sample(claim_ids, r.randint(1, 3))))
        verifies[e] = vs
        for c in vs:
            proof[c].append(e)
    for c in claim_ids:  # every claim is proved by something
        if not proof[c]:
            e = r.choice(exp_ids)
            proof[c].append(e)
            verifies[e] = sorted(set(verifies[e]) | {c})
    rw_names = [f"{r.choice(SURNAMES)} et al., {r.randint(1995, year)}" for _ in range(n_rw)]

    experiments = []
    for k, e in enumerate(exp_ids):
        fill = dict(
            ds=t.pick(d["datasets"]),
            rw=r.choice(rw_names),
            model=t.pick(d["models"]),
            thing=t.thing(),
            adj=t.pick(ADJ),
            noun=t.pick(NOUNS),
            metric=t.pick(d["metrics"]),
        )
        steps = [s.format(**fill) for s in r.sample(STEP_TEMPLATES, r.randint(3, 7))]
        deps = sorted(r.sample(exp_ids[:k], min(k, r.randint(0, 2)))) if k else []
        experiments.append(
            Experiment(
                id=e,
                title=t.title(),
                verifies=verifies[e],
                setup=Setup(
                    model=t.pick(d["models"]),
                    hardware=t.pick(HARDWARE),
                    dataset=t.pick(d["datasets"]),
                    system=t.pick(SYSTEMS),
                ),
                procedure=steps,
                metrics="; ".join(r.sample(d["metrics"], r.randint(1, 3))),
                expected_outcome=r.choice(EXPECTED).format(**fill).capitalize(),
                baselines=", ".join(f"the {t.phrase()}" for _ in range(r.randint(1, 3))),
                dependencies=deps,
            )
        )

    claims = []
    for k, c in enumerate(claim_ids):
        deps = sorted(r.sample(claim_ids[:k], min(k, r.randint(0, 2)))) if k else []
        claims.append(
            Claim(
                id=c,
                title=t.title(),
                statement=t.para(1, 2),
                status=r.choice(
                    [
                        "supported",
                        "supported",
                        "supported",
                        "weakened",
                        "testing",
                        "hypothesis",
                        "refuted",
                    ]
                ),
                falsification_criteria=t.sentence(),
                proof=sorted(proof[c]),
                evidence_basis=f"Table {r.randint(1, n_tables)} shows {t.sentence()[0].lower()}"
                f"{t.sentence()[1:]}",
                interpretation=t.para(1, 2),
                dependencies=deps,
                tags=[t.pick(NOUNS) for _ in range(r.randint(1, 4))],
                provenance=r.choice(["user", "ai-suggested", "ai-executed", "user-revised"]),
                last_revised=f"2026-{r.randint(1, 12):02d}-{r.randint(1, 28):02d} "
                f"(session s{r.randint(1, 40):02d})",
            )
        )

    # -- concepts, heuristics, related work -----------------------------------------------
    terms: dict[str, str] = {}
    while len(terms) < n_concepts:
        term = t.phrase().capitalize() if r.random() < 0.6 else t.thing().capitalize()
        terms.setdefault(term.lower(), term)
    term_list = list(terms.values())
    concepts = [
        Concept(
            term=term,
            notation=f"{r.choice('αβγδλμσθφψ')}_{r.choice('ijkt')}",
            definition=t.para(1, 3),
            boundary_conditions=t.sentence(),
            related_concepts=", ".join(r.sample(term_list, 2)),
        )
        for term in term_list
    ]
    heuristics = []
    for k in range(1, n_heur + 1):
        path = r.choice(code_paths)
        lines = f":{r.randint(10, 90)}-{r.randint(91, 200)}" if r.random() < 0.5 else ""
        ref = f"[{path}{lines}]"
        heuristics.append(
            Heuristic(
                id=_id("H", k),
                title=t.title(),
                rationale=t.para(1, 3),
                sensitivity=r.choice(["low", "medium", "high"]),
                bounds=f"{t.number()} to {t.number()}",
                code_ref=ref,
                source=f"trace N{r.randint(1, n_nodes):02d}",
            )
        )
    related = []
    for k, name in enumerate(rw_names, 1):
        related.append(
            RelatedWork(
                id=_id("RW", k),
                title=name,
                doi=f"10.{r.randint(1000, 9999)}/{_slug(t.phrase())}.{r.randint(100, 99999)}",
                type=r.choice(["imports", "bounds", "baseline", "extends", "refutes"]),
                delta=t.para(1, 2),
                claims_affected=sorted(r.sample(claim_ids, r.randint(0, 3))),
                adopted_elements=f"the {t.phrase()}",
            )
        )

    # -- problem --------------------------------------------------------------------------
    problem = Problem(
        observations=[
            Observation(
                id=o,
                title=t.title(),
                statement=t.para(1, 2),
                evidence=f"Table {r.randint(1, n_tables)}; {t.sentence()}",
                implication=t.sentence(),
            )
            for o in obs_ids
        ],
        gaps=[
            Gap(
                id=g,
                title=t.title(),
                statement=t.para(1, 2),
                caused_by=sorted(r.sample(obs_ids, r.randint(1, 2))),
                existing_attempts=t.sentence(),
                why_they_fail=t.para(1, 2),
            )
            for g in gap_ids
        ],
        key_insight=KeyInsight(
            insight=t.para(1, 3),
            derived_from=[*sorted(r.sample(obs_ids, 2)), r.choice(gap_ids)],
            enables=t.sentence(),
        ),
        assumptions=[
            Assumption(id=_id("A", k), text=t.sentence()) for k in range(1, r.randint(2, 5) + 1)
        ],
    )

    # -- configs, environment, solution docs, reproduction plan ---------------------------
    def params(n: int) -> list[ConfigParam]:
        names: dict[str, str] = {}
        while len(names) < n:
            nm = t.phrase().capitalize()
            names.setdefault(nm.lower(), nm)
        return [
            ConfigParam(
                name=nm,
                value=t.number(),
                rationale=t.sentence(),
                search_range=f"{t.number()} to {t.number()}",
                sensitivity=r.choice(["low", "medium", "high"]),
                source=r.choice(
                    [
                        "our choice",
                        f"RW{r.randint(1, n_rw):02d}",
                        f"trace N{r.randint(1, n_nodes):02d}",
                    ]
                ),
            )
            for nm in names.values()
        ]

    configs = [
        ConfigFile(
            path="src/configs/training.md",
            title="Training configuration",
            params=params(r.randint(8, 15)),
        ),
        ConfigFile(
            path="src/configs/model.md",
            title="Model configuration",
            params=params(r.randint(8, 15)),
        ),
    ]
    env_fields = [
        ("Python", "3.11.7"),
        ("Framework", t.pick(SYSTEMS)),
        ("Hardware", t.pick(HARDWARE)),
        ("Seeds", "0, 1, 2, 3, 4"),
        ("Dependencies", "numpy 1.26, scipy 1.13, pandas 2.2"),
    ]
    environment = MarkdownDoc(
        path="src/environment.md",
        title="Environment",
        text="\n".join(f"- **{k}**: {v}" for k, v in env_fields) + "\n\n" + t.para(2, 3),
    )
    solution_docs = [
        MarkdownDoc(
            path=f"logic/solution/{name}.md",
            title=name.capitalize(),
            text="\n\n".join(t.para(3, 6) for _ in range(r.randint(2, 5))),
        )
        for name in ("architecture", "algorithm", "constraints")
    ]
    runs = []
    for k, ev in enumerate([e for e in ev_files if e.extraction_type == "raw_table"][:3], 1):
        tab = ev.tables[0]
        runs.append(
            Run(
                id=_id("R", k),
                experiment=r.choice(exp_ids),
                command=f"python {code_paths[0]} --seed {{seed}} --out {{outdir}}/metrics.json",
                seeds=[0, 1, 2],
                timeout_s=600,
                outputs="metrics.json",
                expect=[
                    Expectation(
                        metric=_slug(tab.header[1]),
                        claim=r.choice(claim_ids),
                        evidence=ev.name,
                        row=tab.rows[0][0],
                        column=tab.header[1],
                        tolerance=Tolerance(rel=0.05),
                    )
                ],
            )
        )

    trace = _trace(t, n_nodes, depth, claim_ids, ev_names, sources)

    # -- manifest -------------------------------------------------------------------------
    art = Artifact(
        paper=None,
        problem=problem,
        claims=claims,
        concepts=concepts,
        experiments=experiments,
        related_work=related,
        heuristics=heuristics,
        solution_docs=solution_docs,
        configs=configs,
        environment=environment,
        reproduce=ReproducePlan(runs=runs),
        trace=trace,
        evidence=Evidence(
            index=EvidenceIndex(
                title="Evidence",
                preamble=t.para(1, 2),
                table=Table(header=["File", "Source", "Claims", "Description"], rows=index_rows),
            ),
            files=ev_files,
        ),
        attachments=attachments,
    )
    files = sorted(set(render_artifact(art)) | {"PAPER.md"})
    layers = {
        name: [f for f in files if f.split("/")[0] == name]
        for name in ("logic", "src", "trace", "evidence")
    }
    art.paper = Paper(
        title=title,
        authors=[f"{r.choice(FIRST)} {r.choice(SURNAMES)}" for _ in range(r.randint(2, 6))],
        year=year,
        venue=f"{r.choice(VENUES)} {year}",
        doi=f"10.{r.randint(1000, 9999)}/synth.{r.randrange(16**8):08x}",
        ara_version="1.0",
        domain=domain,
        keywords=[t.phrase() for _ in range(r.randint(3, 6))],
        claims_summary=[c.title for c in claims],
        abstract=t.para(3, 5),
        created_with="arakit benchmarks/synth.py",
        heading=title,
        overview=t.para(2, 4),
        layer_index=[
            LayerTable(
                name=name,
                table=Table(header=["File", "Description"], rows=[[f, t.phrase()] for f in fs]),
            )
            for name, fs in layers.items()
        ],
    )
    return art


# -- CLI -------------------------------------------------------------------------------------
def artifact_seed(seed: int, k: int) -> str:
    return f"synth:{seed}:{k}"


def _write_one(job: tuple[str, int, int]) -> tuple[int, int, int]:
    """Write artifact k; returns (k, files, bytes)."""
    out, seed, k = job
    art = build_artifact(artifact_seed(seed, k))
    dest = Path(out) / f"a{k:05d}"
    write_artifact(art, dest)
    texts = render_artifact(art)
    return k, len(texts), sum(len(v.encode()) for v in texts.values())


def generate(
    out: str | Path, count: int, seed: int = 0, workers: int | None = None, progress: bool = True
) -> tuple[int, int]:
    """Write `count` artifacts under `out`; returns (total files, total bytes)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    jobs = [(str(out), seed, k) for k in range(count)]
    # writing is bound by fsync (the writer is atomic), not by CPU: oversubscribe the cores
    workers = workers or min(16, 4 * (os.cpu_count() or 1))
    files = size = 0
    start = time.perf_counter()
    results: Iterable[tuple[int, int, int]]
    if workers == 1 or count < 8:
        results = map(_write_one, jobs)
        for _, f, b in results:
            files, size = files + f, size + b
    else:
        with get_context("fork" if sys.platform != "win32" else "spawn").Pool(workers) as pool:
            for n, (_, f, b) in enumerate(pool.imap_unordered(_write_one, jobs, chunksize=16), 1):
                files, size = files + f, size + b
                if progress and n % 500 == 0:
                    print(
                        f"  generated {n}/{count} ({time.perf_counter() - start:.0f} s)",
                        file=sys.stderr,
                        flush=True,
                    )
    return files, size


def verify(out: str | Path, count: int, sample: int) -> list[tuple[str, list]]:
    """Validate `sample` artifacts spread over the range; returns those with findings."""
    from arakit.seal.level1 import validate

    picks = sorted({round(i * (count - 1) / max(sample - 1, 1)) for i in range(min(sample, count))})
    bad = []
    for k in picks:
        rep = validate(Path(out) / f"a{k:05d}")
        if rep.findings:
            bad.append((rep.artifact, rep.findings))
    return bad


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="folder to write a00000, a00001, ... into")
    ap.add_argument("--count", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--workers",
        type=int,
        default=None,
        help="processes (default: 4 per core, max 16; writing waits on fsync)",
    )
    ap.add_argument(
        "--verify",
        type=int,
        default=20,
        metavar="K",
        help="validate K artifacts after writing (0: skip)",
    )
    a = ap.parse_args(argv)
    start = time.perf_counter()
    files, size = generate(a.out, a.count, a.seed, a.workers)
    print(
        f"wrote {a.count} artifacts to {a.out} ({files} files, {size / 1e6:.1f} MB) in "
        f"{time.perf_counter() - start:.1f} s"
    )
    if a.verify and a.count:
        bad = verify(a.out, a.count, a.verify)
        if bad:
            for path, findings in bad:
                for f in findings:
                    print(f"error: {path}: {f.code} {f.location}: {f.message}", file=sys.stderr)
            print(
                f"error: {len(bad)} of {min(a.verify, a.count)} sampled artifacts have "
                "Level 1 findings",
                file=sys.stderr,
            )
            return 1
        print(
            f"verified: {min(a.verify, a.count)} sampled artifacts pass Level 1 with zero findings"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
