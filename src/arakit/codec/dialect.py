"""Detect the dialect an artifact is written in (model/dialect.py names them).

The evidence is what each writer leaves behind: the shape of its session records and of its
reasoning log, arakit's journal, the compiler's front matter and grounding fields, the trace's
form. Features list every way the artifact differs from the format as arakit writes it, so a
user (and `ara stats`) sees at once what the readers had to accept.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from arakit.model.artifact import Artifact
from arakit.model.dialect import Dialect

SESSIONS = "trace/sessions/"
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def detect(art: Artifact) -> Dialect:
    """The dialect of an artifact read by `read_artifact` (peeks at the session records and
    the reasoning log, which the model does not hold)."""
    root = Path(art.root) if art.root else None
    files = set(art.files)
    features: list[str] = []
    sessions = _session_shapes(root, files)
    log = _log_shape(root, files)
    trace_form = art.trace.form if art.trace is not None else None
    live = bool(sessions) or log is not None or "trace/events.jsonl" in files
    name = "hand-written"
    if "trace/events.jsonl" in files or log == "turns" or sessions.get("arakit"):
        name = "arakit"
    elif sessions.get("research-manager") or log == "entries":
        name = "research-manager"
    elif sessions.get("live-pm"):
        name = "live-pm"
    elif trace_form == "streams":
        name = "ara-2.0-streams"
    elif _compiled(art):
        name = "compiler"
    for shape, n in sorted(sessions.items()):
        features.append(f"session records: {n} in {shape} shape")
    if f"{SESSIONS}session_index.yaml" in files:
        features.append("session index (session_index.yaml)")
    if log is not None:
        features.append(f"reasoning log: `{log}:` list")
    if "trace/taste_log.yaml" in files:
        features.append("taste log (taste_log.yaml)")
    features += _trace_features(art)
    features += _paper_features(art)
    features += _logic_features(art, root)
    if art.staging is not None:
        keys = Counter(k for o in art.staging.observations for k in o.extra)
        if keys.get("timestamp"):
            features.append("staging: `timestamp` (not `created`)")
        if art.staging.form == "list":
            features.append("staging: a bare list")
    return Dialect(name=name, trace_form=trace_form, live=live, features=features)


def _session_shapes(root: Path | None, files: set[str]) -> Counter[str]:
    """How many session records of each shape the artifact has."""
    from arakit.codec import yamlio

    out: Counter[str] = Counter()
    if root is None:
        return out
    for rel in sorted(files):
        if not rel.startswith(SESSIONS) or not rel.endswith(".yaml") or rel.endswith("index.yaml"):
            continue
        try:
            data = yamlio.load((root / rel).read_text(encoding="utf-8"), rel)
        except Exception:
            continue
        if not isinstance(data, dict):
            continue
        head = data.get("session")
        if isinstance(head, str):
            out["arakit"] += 1
        elif isinstance(head, dict):
            logged = data.get("events_logged") or []
            turned = any(isinstance(e, dict) and ("routing" in e or "turn" in e) for e in logged)
            out["research-manager" if turned or "turn_count" in head else "live-pm"] += 1
    return out


def _log_shape(root: Path | None, files: set[str]) -> str | None:
    rel = "trace/pm_reasoning_log.yaml"
    if root is None or rel not in files:
        return None
    try:
        head = (root / rel).read_text(encoding="utf-8", errors="replace")[:20000]
    except OSError:
        return None
    for line in head.splitlines():
        m = re.match(r"^([A-Za-z_][\w-]*):", line)
        if m:
            return m.group(1)
    return None


def _compiled(art: Artifact) -> bool:
    p = art.paper
    if p is not None and p.ara_version is not None and p.layer_index:
        return True
    nodes = art.trace.nodes() if art.trace else []
    return bool(nodes) and sum(n.support_level is not None for n in nodes) * 2 > len(nodes)


def _trace_features(art: Artifact) -> list[str]:
    t = art.trace
    if t is None:
        return []
    out: list[str] = []
    if t.form != "tree":
        out.append(f"trace: `{t.form}` form" + (f" ({', '.join(t.streams)})" if t.streams else ""))
    nodes = t.nodes()
    if len(t.tree) >= 3 and (len(nodes) - len(t.tree)) * 4 < len(t.tree):
        out.append("trace: flat (nodes side by side, linked by also_depends_on)")
    extra_keys: Counter[str] = Counter(k for n in nodes for k in n.extra)
    if extra_keys.get("prior_direction") or extra_keys.get("new_direction"):
        out.append("pivots: prior_direction/new_direction/reason")
    types = sorted({str(n.type) for n in nodes if n.type and n.type not in _KNOWN_TYPES})
    if types:
        out.append("node types beyond the format: " + ", ".join(types))
    stamps = [n.timestamp for n in nodes if n.timestamp]
    if stamps and sum(bool(_DATE_ONLY.match(s)) for s in stamps) * 2 > len(stamps):
        out.append("timestamps: date only")
    prose = sum(1 for n in nodes for e in n.evidence or [] if isinstance(e, str) and " " in e)
    if prose:
        out.append(f"trace evidence: {prose} prose entries")
    if nodes and not any(n.support_level for n in nodes):
        out.append("nodes without support_level/source_refs")
    for key in ("status", "parent", "thinking", "isolated", "method", "source"):
        if extra_keys.get(key) or (key == "status" and any(n.status for n in nodes)):
            out.append(f"node field `{key}`")
    return out


_KNOWN_TYPES = ("question", "experiment", "decision", "dead_end", "pivot")


def _paper_features(art: Artifact) -> list[str]:
    p = art.paper
    if p is None:
        return ["no PAPER.md"] if art.files else []
    out: list[str] = []
    if p.title is None and p.authors is None and not p.extra:
        out.append("PAPER.md: no front matter")
    else:
        missing = [k for k in ("year", "ara_version", "domain") if getattr(p, k) is None]
        if missing:
            out.append("PAPER.md front matter without " + ", ".join(missing))
        if p.extra:
            out.append("PAPER.md front matter keys: " + ", ".join(sorted(p.extra)))
    if p.layer_index is None and not p.layer_index_notes:
        out.append("PAPER.md: no Layer Index")
    elif p.layer_index_notes and not p.layer_index:
        out.append("PAPER.md: Layer Index as a list")
    return out


def _logic_features(art: Artifact, root: Path | None) -> list[str]:
    out: list[str] = []
    claims = art.claims or []
    labels: Counter[str] = Counter(
        lab for c in claims for lab in c.labels.values() if lab.lower() != "falsification criteria"
    )
    if any(c.conditions or c.sources for c in claims):
        out.append("claims: Conditions/Sources")
    if any(c.taste for c in claims):
        out.append("claims: Taste")
    if labels:
        out.append("claim labels: " + ", ".join(sorted(labels)))
    meta = art.doc_meta.get("logic/claims.md")
    if meta is not None and meta.front_matter is not None:
        out.append("claims.md: YAML front matter")
    if root is not None and (root / "logic/claims.md").is_file():
        text = _safe_read(root / "logic/claims.md")
        if re.search(r"^#{2,4}\s+C\d+\s+[—–-]\s", text, re.M):
            out.append("claims: `## C01 — title` headings")
    if root is not None and (root / "logic/experiments.md").is_file():
        text = _safe_read(root / "logic/experiments.md")
        if re.search(r"^\*\*[^*\n]+\*\*:", text, re.M):
            out.append("experiments: `**Field**: value` paragraphs")
        if re.search(r"^#{2,4}\s+E\d\b", text, re.M):
            out.append("experiments: one-digit IDs")
    return out


def _safe_read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def describe(d: Dialect) -> dict[str, Any]:
    """The dialect as a JSON-ready mapping."""
    return d.model_dump()
