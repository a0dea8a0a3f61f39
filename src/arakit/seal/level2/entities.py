"""Plain-text views of entities that several rules compare."""

from __future__ import annotations

import re

from arakit.model import Artifact, Claim, Experiment

NONE_VALUES = frozenset({"", "none", "n/a", "na", "-", "tbd", "todo", "null", "nothing"})
COMPARATIVE = re.compile(
    r"\b(?:(?<!rather )(?<!other )than|outperform\w*|better|worse|faster|slower|improv\w*|beat\w*|exceed\w*|versus|(?<!-)vs\.?(?!-)|"
    r"compared|relative to|gain over|superior|inferior)\b",
    re.IGNORECASE,
)


def is_none(value: object) -> bool:
    """True for a missing value or a written 'none', 'n/a', 'TBD'."""
    if value is None:
        return True
    if isinstance(value, list):
        return all(is_none(v) for v in value)
    return str(value).strip().strip(".").lower() in NONE_VALUES


def claim_text(c: Claim) -> str:
    """The title and statement of a claim."""
    return f"{c.title}. {c.statement or ''}"


_SETUP_LINE = re.compile(r"^\s*[-*+]?\s*\**\s*([A-Za-z][\w /]{1,30}?)\s*\**\s*:\**\s*(.+)$")


def setup_field(e: Experiment, key: str) -> str | None:
    """A Setup field (model, dataset, hardware, system), also when written as a plain
    `- Model: ...` line that the reader kept as the setup's notes."""
    s = e.setup
    if s is None:
        return None
    value = getattr(s, key, None)
    if not is_none(value):
        return str(value)
    for line in (s.notes or "").splitlines():
        m = _SETUP_LINE.match(line)
        if m and m.group(1).strip().lower() == key:
            return m.group(2).strip()
    return None


def experiment_text(e: Experiment) -> str:
    """Everything an experiment says about what it does."""
    s = e.setup
    setup = " ".join(setup_field(e, k) or "" for k in ("model", "dataset", "hardware", "system"))
    setup += " " + (s.notes if s is not None and s.notes else "")
    parts = [e.title, setup, " ".join(e.procedure or []), e.metrics or "", e.baselines or ""]
    # fields other writers use (`Summary`, `Run`, `Evidence`) and prose under the heading
    extra = [str(f.value) for f in e.extra_fields if f.value] + [e.notes or ""]
    return " ".join([*parts, e.expected_outcome or "", *extra])


def proof_experiments(art: Artifact, c: Claim) -> list[Experiment]:
    """The experiments a claim cites in Proof that exist."""
    out = []
    for eid in c.proof or []:
        e = art.get(eid)
        if isinstance(e, Experiment):
            out.append(e)
    return out


def testing_experiments(art: Artifact, c: Claim) -> list[Experiment]:
    """Experiments in the claim's Proof, plus those whose Verifies names the claim."""
    out = proof_experiments(art, c)
    for e in art.experiments or []:
        if c.id in (e.verifies or []) and e not in out:
            out.append(e)
    return out


def datasets(exps: list[Experiment]) -> set[str]:
    """Distinct datasets or conditions across experiments.

    A Dataset field counts as several only when it is a list of short names ("CIFAR-10, SVHN
    and MNIST"; parts of at most four words); a long description with commas counts as one.
    """
    return _distinct(exps, "dataset")


def models(exps: list[Experiment]) -> set[str]:
    """Distinct models across experiments, counted like datasets()."""
    return _distinct(exps, "model")


def _distinct(exps: list[Experiment], key: str) -> set[str]:
    out: set[str] = set()
    for e in exps:
        d = setup_field(e, key)
        if is_none(d):
            continue
        text = " ".join((d or "").lower().split())
        if re.match(r"^(?:as|same as)\b", text):
            continue  # "As E01": the same data set as another experiment
        parts = [p.strip() for p in re.split(r";|,(?!\d{3})|\band\b|\+", text) if p.strip()]
        if len(parts) > 1 and all(len(p.split()) <= 4 for p in parts):
            out.update(parts)
        else:
            out.add(text)
    return out
