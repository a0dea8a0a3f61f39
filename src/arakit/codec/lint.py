"""Format lint: spellings and shapes every reader accepts but other tools choke on or that mix
dialects within one artifact, each with a fix that is one small text edit.

In the spirit of ara-cli's `check --fix` (ARA001–ARA007), with arakit's codes:

    L1-FMT-001  a `root:` trace (one node)            → `tree:` with that node as its item (ARA001)
    L1-FMT-002  a `nodes:` trace list                 → `tree:` (ara-cli reads only tree/root)
    L1-FMT-003  `reason:` on a dead end               → `failure_mode:` (ARA002)
    L1-FMT-004  `justification:` on a decision        → `rationale:` (ARA003)
    L1-FMT-005  `## C01 — title`, `## C01 - title`     → `## C01: title` (ARA004)
    L1-FMT-006  pivots spelled two ways in one tree   → the spelling most pivots use (ARA005–007)
    L1-FMT-007  an unpadded ID where the file pads    → padded (`## C1:` among `C01`s)
    L1-FMT-008  an `ara-2.0` streams document         → no fix: ara-cli cannot read it

A fix is applied to the file's current text, re-read, and kept only when the file then holds
exactly what it held with the one change the fix is for, and every word outside it; else it is
skipped and reported. Fixes are idempotent: a fixed file no longer shows the finding.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from arakit.codec import yamlio
from arakit.errors import ArtifactError, WriteRefusedError

TRACE = "trace/exploration_tree.yaml"
_ENTITY_FILES = {
    "logic/claims.md": "C",
    "logic/experiments.md": "E",
    "logic/solution/heuristics.md": "H",
    "logic/related_work.md": "RW",
}
_HEADER_SEP_RE = re.compile(
    r"^(?P<head>#{2,6}\s+(?:[*_`]+)?(?P<id>RW\d{1,4}|[A-Z]\d{1,4})(?:[*_`]+)?)"
    r"(?P<sep>\s+[—–-]\s+|\s*[—–]\s*|\.\s+)(?P<title>\S.*)$"
)
PIVOT_SPELLINGS = {
    "format": ("from", "to", "trigger"),
    "published example": ("prior_direction", "new_direction", "reason"),
}


@dataclass
class LintIssue:
    """One finding of the format lint; `fix` edits the file's text (None: no automatic fix)."""

    code: str
    severity: str
    file: str
    line: int | None
    message: str
    hint: str
    fix: Callable[[str], str] | None = field(default=None, repr=False)
    renames: str = ""  # the key names a rename fix replaces (their words may go)

    @property
    def fixable(self) -> bool:
        return self.fix is not None


@dataclass
class FixReport:
    """What `fix_artifact` did: fixes applied and fixes skipped (with why)."""

    applied: list[LintIssue] = field(default_factory=list)
    skipped: list[tuple[LintIssue, str]] = field(default_factory=list)


def lint(root: str | Path) -> list[LintIssue]:
    """Every format-lint finding in the artifact at `root` (files that cannot be read are
    left to Level 1, which reports them)."""
    root = Path(root)
    out: list[LintIssue] = []
    text = _read(root, TRACE)
    if text is not None:
        out += _lint_trace(text)
    for rel, prefix in _ENTITY_FILES.items():
        md = _read(root, rel)
        if md is not None:
            out += _lint_headers(md, rel, prefix)
    return out


def _read(root: Path, rel: str) -> str | None:
    from arakit.codec.textfile import TextFile

    try:
        f = TextFile.read(root / rel, rel)
    except ArtifactError:
        return None
    return f.text if f is not None else None


# -- the trace ---------------------------------------------------------------------------------
def _lint_trace(text: str) -> list[LintIssue]:
    try:
        data = yamlio.load(text, TRACE)
    except ArtifactError:
        return []
    if not isinstance(data, dict):
        return []
    out: list[LintIssue] = []
    lines = getattr(data, "key_lines", {})
    if "root" in data and "tree" not in data and isinstance(data["root"], dict):
        out.append(
            LintIssue(
                "L1-FMT-001",
                "warning",
                TRACE,
                lines.get("root"),
                "the trace is one `root:` node; most tools read a `tree:` list",
                "`ara check --fix` makes it `tree:` with the root node as its only item",
                fix=_root_to_tree,
                renames="root",
            )
        )
    if "nodes" in data and "tree" not in data and isinstance(data["nodes"], list):
        out.append(
            LintIssue(
                "L1-FMT-002",
                "warning",
                TRACE,
                lines.get("nodes"),
                "the trace lists its nodes under `nodes:`; ara-cli reads only `tree:` or `root:`",
                "`ara check --fix` renames the key to `tree:`",
                fix=lambda t: rename_keys(t, TRACE, [((), "nodes", "tree")]),
                renames="nodes",
            )
        )
    if data.get("schema_version") == "ara-2.0" and "tree" not in data and "root" not in data:
        out.append(
            LintIssue(
                "L1-FMT-008",
                "warning",
                TRACE,
                lines.get("schema_version"),
                "an `ara-2.0` streams document: arakit reads its streams as the trace, "
                "ara-cli cannot read it at all",
                "`ara fmt --to-canonical` rewrites it as a `tree:` (the streams become nodes)",
            )
        )
    nodes = list(_walk_raw(data))
    out += _lint_aliases(nodes)
    return out


def _walk_raw(data: dict[Any, Any]) -> Any:
    """(path, node mapping) of every node of a `tree:`/`nodes:`/`root:` trace."""
    stack: list[tuple[tuple[Any, ...], Any]] = []
    for key in ("tree", "nodes"):
        if isinstance(data.get(key), list):
            stack += [((key, i), n) for i, n in enumerate(data[key])]
    if isinstance(data.get("root"), dict):
        stack.append((("root",), data["root"]))
    stack.reverse()
    while stack:
        path, node = stack.pop()
        if not isinstance(node, dict):
            continue
        yield path, node
        kids = node.get("children")
        if isinstance(kids, list):
            stack += reversed([((*path, "children", i), c) for i, c in enumerate(kids)])


def _lint_aliases(nodes: list[tuple[tuple[Any, ...], dict[Any, Any]]]) -> list[LintIssue]:
    out: list[LintIssue] = []
    for path, n in nodes:
        name = n.get("id") or "a node"
        line = getattr(n, "line", None)
        if n.get("type") == "dead_end" and "reason" in n and "failure_mode" not in n:
            out.append(
                LintIssue(
                    "L1-FMT-003",
                    "warning",
                    TRACE,
                    line,
                    f"dead end {name} gives its failure as `reason:`",
                    "`ara check --fix` renames it to `failure_mode:`",
                    fix=_renamer(path, "reason", "failure_mode"),
                    renames="reason",
                )
            )
        if n.get("type") == "decision" and "justification" in n and "rationale" not in n:
            out.append(
                LintIssue(
                    "L1-FMT-004",
                    "warning",
                    TRACE,
                    line,
                    f"decision {name} gives its rationale as `justification:`",
                    "`ara check --fix` renames it to `rationale:`",
                    fix=_renamer(path, "justification", "rationale"),
                    renames="justification",
                )
            )
    pivots = [(p, n) for p, n in nodes if n.get("type") == "pivot"]
    counts = {
        name: sum(any(k in n for k in keys) for _, n in pivots)
        for name, keys in PIVOT_SPELLINGS.items()
    }
    if all(counts.values()):  # both spellings in one tree
        keep = max(counts, key=lambda k: (counts[k], k == "format"))
        want = PIVOT_SPELLINGS[keep]
        other = next(v for k, v in PIVOT_SPELLINGS.items() if k != keep)
        for path, n in pivots:
            renames = [
                (path, o, w) for o, w in zip(other, want, strict=True) if o in n and w not in n
            ]
            if renames:
                out.append(
                    LintIssue(
                        "L1-FMT-006",
                        "warning",
                        TRACE,
                        getattr(n, "line", None),
                        f"pivot {n.get('id') or ''} is spelled "
                        f"{'/'.join(o for _, o, _ in renames)} while most pivots here use "
                        f"{'/'.join(want)}",
                        f"`ara check --fix` renames it to {'/'.join(w for _, _, w in renames)}",
                        fix=_multi_renamer(renames),
                        renames=" ".join(o for _, o, _ in renames),
                    )
                )
    return out


def _renamer(path: tuple[Any, ...], old: str, new: str) -> Callable[[str], str]:
    return _multi_renamer([(path, old, new)])


def _multi_renamer(renames: list[tuple[tuple[Any, ...], str, str]]) -> Callable[[str], str]:
    return lambda t: rename_keys(t, TRACE, renames)


def rename_keys(text: str, file: str, renames: list[tuple[tuple[Any, ...], str, str]]) -> str:
    """Rename mapping keys in place (`(path to the mapping, old key, new key)`): only the key
    text changes. Checked by re-reading: the data must be the same with the keys renamed."""
    from ruamel.yaml.nodes import MappingNode

    data = yamlio.load(text, file)
    want = copy.deepcopy(data)
    root = yamlio._yaml().compose(text)
    spans: list[tuple[int, int, str]] = []
    for path, old, new in renames:
        node, holder = root, want
        for step in path:
            if isinstance(node, MappingNode):
                node = next(v for k, v in node.value if yamlio._scalar(k) == step)
            else:
                node = node.value[step]
            holder = holder[step]
        knode = next((k for k, _ in node.value if yamlio._scalar(k) == old), None)
        if knode is None or new in holder:
            continue
        spans.append((knode.start_mark.index, knode.end_mark.index, new))
        holder[new] = holder.pop(old)
    out = text
    for start, end, new in sorted(spans, reverse=True):
        out = out[:start] + new + out[end:]
    _same_data_or_refuse(out, file, want)
    return out


def _root_to_tree(text: str) -> str:
    """`root:` + a block mapping → `tree:` + the same mapping as a list's only item: the key
    is renamed and the two spaces before the node's first key become `- `."""
    from ruamel.yaml.nodes import MappingNode

    data = yamlio.load(text, TRACE)
    root = yamlio._yaml().compose(text)
    knode, vnode = next((k, v) for k, v in root.value if yamlio._scalar(k) == "root")
    if not isinstance(vnode, MappingNode) or vnode.flow_style:
        raise WriteRefusedError("the root node is not a block mapping", file=TRACE)
    start = vnode.start_mark.index
    col = vnode.start_mark.column
    line_start = text.rfind("\n", 0, start) + 1
    if col < knode.start_mark.column + 2 or text[line_start:start].strip():
        raise WriteRefusedError("the root node is not indented under `root:`", file=TRACE)
    out = text[: start - 2] + "- " + text[start:]
    out = out[: knode.start_mark.index] + "tree" + out[knode.end_mark.index :]
    want = {("tree" if k == "root" else k): ([v] if k == "root" else v) for k, v in data.items()}
    _same_data_or_refuse(out, TRACE, want)
    return out


def _same_data_or_refuse(text: str, file: str, want: Any) -> None:
    from arakit.codec.yamledit import same_data

    try:
        got = yamlio.load(text, file)
    except ArtifactError as e:
        raise WriteRefusedError(
            f"the fix would leave the file unreadable ({e})", file=file
        ) from None
    if not same_data(got, want):
        raise WriteRefusedError("the fix would change more than the keys it renames", file=file)


# -- entity headings -------------------------------------------------------------------------
def _lint_headers(text: str, rel: str, prefix: str) -> list[LintIssue]:
    from arakit.codec.fmt import pads

    out: list[LintIssue] = []
    pad = pads(text, prefix)
    fence = False
    for k, line in enumerate(text.split("\n")):
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        if fence or not line.startswith("#"):
            continue
        m = _HEADER_SEP_RE.match(line)
        if m and _of_prefix(m.group("id"), prefix):
            out.append(
                LintIssue(
                    "L1-FMT-005",
                    "warning",
                    rel,
                    k + 1,
                    f"{m.group('id')} is headed `{m.group('sep').strip()}` where the format "
                    "writes `:`; ara-cli drops such entries",
                    "`ara check --fix` writes `## ID: title`",
                    fix=_header_fixer(k, line, m.group("head") + ": " + m.group("title")),
                )
            )
        hm = re.match(r"^(#{2,6}\s+(?:[*_`]+)?)(RW|[A-Z])(\d)\b", line)
        if pad and hm and _of_prefix(hm.group(2) + hm.group(3), prefix):
            from arakit.model.ids import normalize_id

            ident = hm.group(2) + hm.group(3)
            fixed = hm.group(1) + normalize_id(ident) + line[hm.end() :]
            out.append(
                LintIssue(
                    "L1-FMT-007",
                    "warning",
                    rel,
                    k + 1,
                    f"{ident} is not padded while the file writes {prefix}01",
                    f"`ara check --fix` (or `ara fmt`) writes {normalize_id(ident)}",
                    fix=_header_fixer(k, line, fixed),
                )
            )
    return out


def _of_prefix(ident: str, prefix: str) -> bool:
    return (
        ident.startswith("RW") if prefix == "RW" else ident[:1] == prefix and ident[1:2].isdigit()
    )


def _header_fixer(index: int, old: str, new: str) -> Callable[[str], str]:
    def fix(text: str) -> str:
        lines = text.split("\n")
        if index < len(lines) and lines[index] == old:
            lines[index] = new
        return "\n".join(lines)

    return fix


# -- applying fixes ----------------------------------------------------------------------------
def fix_artifact(root: str | Path) -> FixReport:
    """Apply every automatic fix, each checked on its own; returns what was applied and what
    was skipped. Running it again finds nothing more to fix."""

    root = Path(root)
    report = FixReport()
    # a fix can make room for another (`C2 -` → `C2:` → `C02:`) or move what another one
    # points at (`root:` → `tree:`): lint again after every pass that changed something
    for _ in range(6):
        applied, failed = _fix_pass(root, report)
        if not applied:
            break
    report.skipped += failed
    return report


def _fix_pass(root: Path, report: FixReport) -> tuple[int, list[tuple[LintIssue, str]]]:
    from arakit.codec.content import require_kept, words
    from arakit.codec.textfile import TextFile

    applied = 0
    failed: list[tuple[LintIssue, str]] = []
    for issue in lint(root):
        if issue.fix is None:
            continue
        current = TextFile.read(root / issue.file, issue.file)
        if current is None:
            continue
        try:
            new = issue.fix(current.text)
            if new == current.text:
                continue
            if issue.file.endswith(".md"):
                _same_entities_or_refuse(current.text, new, issue.file)
            # a renamed key is the one thing a fix may drop
            require_kept(current.text, new, issue.file, words(issue.renames))
            current.write(new)
            report.applied.append(issue)
            applied += 1
        except WriteRefusedError as e:
            failed.append((issue, e.message))
        except Exception as e:  # a fix met a shape it cannot handle: skip, never crash
            failed.append((issue, f"{type(e).__name__}: {e}"))
    return applied, failed


def _same_entities_or_refuse(before: str, after: str, rel: str) -> None:
    from arakit.codec import reader_for
    from arakit.model.artifact import Artifact

    def read(text: str) -> Any:
        art = Artifact.build(root=None, files=[rel])
        reader = reader_for(rel)
        assert reader is not None
        reader(art, text, rel)
        return art

    if read(before) != read(after):
        raise WriteRefusedError("the fix would change what the file says", file=rel)
