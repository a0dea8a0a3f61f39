"""Values recorded by runs: run banners and argument dumps in log files (`lr=0.001`,
`K: 4`, `Namespace(lr=0.001, batch_size=64)`) and configs saved next to results. A log
is evidence of what ran: a value there that differs from the code's default was
overridden at run time."""

from __future__ import annotations

import re

from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.settings.names import is_known_code_name

MAX_LINES = 4000
MAX_PARAMS = 300
LOG_DIRS = {
    "logs",
    "log",
    "runs",
    "run",
    "outputs",
    "output",
    "results",
    "result",
    "wandb",
    "lightning_logs",
    "checkpoints",
    "experiments_logs",
}
LOG_SUFFIXES = (".log", ".out", ".err", ".txt", ".stdout", ".stderr")
_NUM = r"[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)"
_PAIR_RE = re.compile(
    rf"(?<![\w.\-])([A-Za-z_][\w\-]{{0,40}})\s*(?:=|:)\s*({_NUM}|True|False|'[^']{{0,40}}'|\"[^\"]{{0,40}}\")(?=[\s,;)|\]]|$)"
)
# names a run reports as outcomes, not as its configuration
_OUTCOME = re.compile(
    r"^(?:loss|.*_loss|acc|accuracy|.*_acc|error|err|step|it|iter|itr|time|elapsed|eta|epoch|lr_now|val_.*|train_.*|test_.*|fit|rmse|mse|mae|r2|score|reward|return|grad_norm|throughput)$",
    re.IGNORECASE,
)


def is_log_file(rel: str) -> bool:
    """Text logs (`.log`, `.out`, `.txt` …) in a run or results folder, or named like a log."""
    parts = rel.lower().split("/")
    name = parts[-1]
    if name.endswith((".log", ".out", ".err", ".stdout", ".stderr")):
        return True
    return name.endswith(LOG_SUFFIXES) and (any(p in LOG_DIRS for p in parts[:-1]) or "log" in name)


def log_params(text: str, rel: str) -> list[CodeParam]:
    """The first value recorded for each configuration name in a log (kind `log`)."""
    out: list[CodeParam] = []
    seen: set[str] = set()
    for n, line in enumerate(text.splitlines()[:MAX_LINES], start=1):
        if len(out) >= MAX_PARAMS:
            break
        for m in _PAIR_RE.finditer(line):
            name, value = m.group(1), m.group(2)
            if name in seen or _OUTCOME.match(name):
                continue
            if n > 60 and not is_known_code_name(name):
                continue  # past the banner, only names that are known settings
            seen.add(name)
            out.append(CodeParam(name, value.strip("'\""), rel, n, "log"))
    return out
