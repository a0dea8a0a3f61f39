"""Code–paper reconciliation: every hyperparameter found in the paper or the code is a
match, a mismatch (both values, both locations), paper-only or code-only."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from arakit.compiler.repo.params import CodeParam
from arakit.compiler.settings import PaperSetting, normalize_value, stated

VERDICTS = ("match", "mismatch", "paper-only", "code-only")
# which code statement wins when one name is set in several places
_PRIORITY = {
    "argparse": 0,
    "click": 0,
    "yaml": 1,
    "json": 1,
    "toml": 1,
    "pydantic": 2,
    "dataclass": 2,
    "constant": 3,
}


@dataclass
class Verdict:
    """One parameter: the verdict, each side's exact value and location, and a note."""

    key: str
    verdict: str
    paper_value: str = ""
    paper_where: str = ""
    paper_sentence: str = ""
    code_value: str = ""
    code_where: str = ""
    code_name: str = ""
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        """A plain dict for `--json`."""
        return asdict(self)


def same_value(a: str, b: str) -> bool:
    """True when two printed values mean the same number (`1e-4` and `0.0001`) or text."""
    x, y = normalize_value(a), normalize_value(b)
    if x is not None and y is not None:
        return x == y or abs(x - y) <= 1e-12 * max(abs(x), abs(y))
    return a.strip().strip("'\"").lower() == b.strip().strip("'\"").lower()


def _primary(params: list[CodeParam]) -> CodeParam:
    return sorted(params, key=lambda p: (_PRIORITY.get(p.kind, 9), p.file, p.line))[0]


def reconcile(settings: list[PaperSetting], params: list[CodeParam]) -> list[Verdict]:
    """Compare the paper's stated settings with the code's values, one verdict per name."""
    code: dict[str, list[CodeParam]] = {}
    for p in params:
        if p.kind == "seed":
            continue
        if p.kind == "constant" and not p.known:
            continue
        code.setdefault(p.key, []).append(p)
    paper_keys = list(dict.fromkeys(h.key for h in settings))
    out: list[Verdict] = []
    for key in paper_keys:
        h = stated(settings, key)
        assert h is not None
        v = Verdict(key, "paper-only", h.value, h.where.label, h.where.sentence)
        others = [x for x in settings if x.key == key and x is not h]
        if key in code:
            cp = _primary(code[key])
            v.code_value, v.code_where, v.code_name = cp.value, cp.location, cp.name
            v.verdict = "match" if same_value(h.value, cp.value) else "mismatch"
            rest = [c for c in code[key] if c is not cp]
            if rest:
                v.note = "also set in code: " + "; ".join(
                    f"{c.value} at {c.location}" for c in rest
                )
        if others:
            also = "; ".join(
                f"{x.value} at {x.where.label}" + (" (negative result)" if x.negative else "")
                for x in others
            )
            v.note = f"{v.note}; " if v.note else ""
            v.note += f"also in the paper: {also}"
        out.append(v)
    for key, cps in code.items():
        if key in paper_keys:
            continue
        cp = _primary(cps)
        out.append(
            Verdict(
                key, "code-only", code_value=cp.value, code_where=cp.location, code_name=cp.name
            )
        )
    order = {v: i for i, v in enumerate(VERDICTS)}
    out.sort(key=lambda v: (order[v.verdict], v.key))
    return out
