"""src/settings/: every setting the repository states that src/configs/ and src/execution/
do not already carry, each quoted exactly as written with its line.

src/configs/ holds the settings reconciliation compared with the paper; src/execution/ the
modules the entry points reach. A reader also asks about the rest: the default of a base
config class, a learning rate in a sibling experiment's script, the resources a cluster job
requests, the data file a script loads. Two files list them, one section per source file:

- `src/settings/code.md`: in the folders scoped as the paper's code;
- `src/settings/repository.md`: outside them, labelled as such (reconciliation never uses
  them). Tests, documentation and third-party folders are left out; folders set aside as
  abandoned come last and say so.

A line is listed once however many settings it holds, with the line's own text (cut when
long), never a value rebuilt from a parse. Sizes are bounded per file and per listing; what
is left out is counted in the preamble.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from arakit.compiler.ground import Grounding
from arakit.compiler.reconcile import Verdict
from arakit.compiler.repo.params.shell import is_launch_script
from arakit.compiler.scope import UNLOADED, set_aside

CODE_PATH = "src/settings/code.md"
REPOSITORY_PATH = "src/settings/repository.md"
MAX_LINE = 160  # characters of a quoted line
MAX_PER_FILE = 60  # lines listed per source file
MAX_LISTING = 48 * 1024  # characters per listing file
LEFT_OUT = ("tests", "documentation or website", "third-party code")
# a value computed from other values states no setting
_NOT_SETTINGS = {"derived", "log"}
# a keyword argument configures an object when the callee is a class (`optim.Adam(lr=..)`,
# `DataLoader(batch_size=..)`); passed to a function (`torch.cat(.., dim=1)`) it is an operand
_CLASS_CALL = re.compile(r"(?:^|\.)_?[A-Z]\w*$")
_LITERAL = re.compile(
    r"""^\s*(?:[-+]?[\d.][\w.+-]*|["'][^"']*["']|True|False|None|\[[^\]]*\]|\([^)]*\))\s*,?\s*$"""
)
# a string naming a data file, as code writes one it loads or saves
_DATA_FILE = re.compile(
    r"""["']([^"'\s]*\.(?:csv|tsv|txt|dat|npy|npz|pkl|pickle|h5|hdf5|mat|parquet|feather|pt|pth|"""
    r"""ckpt|fits|xlsx?|json|jsonl|nc|zarr|arrow|wav|mp4|zip|gz|tar))["']""",
    re.IGNORECASE,
)
# resource requests of a cluster job (PBS, SLURM, SGE, LSF)
_JOB_DIRECTIVE = re.compile(r"^#(?:PBS|SBATCH|\$|BSUB)\s+\S")


@dataclass
class _Section:
    path: str
    label: str
    lines: dict[int, str] = field(default_factory=dict)  # line number -> note


def _is_test_file(rel: str) -> bool:
    name = PurePosixPath(rel).name
    return name.startswith("test_") or name.endswith("_test.py") or name == "conftest.py"


def _quoted(text: str) -> str:
    """The line as a Markdown code span, exactly as written but for the indentation and a
    cut after MAX_LINE characters; a fence longer than any run of backticks in the line."""
    line = text.strip()
    if len(line) > MAX_LINE:
        line = line[: MAX_LINE - 1] + "…"
    ticks = "`" * (max((len(r) for r in re.findall(r"`+", line)), default=0) + 1)
    pad = " " if line.startswith("`") or line.endswith("`") or len(ticks) > 1 else ""
    return f"{ticks}{pad}{line}{pad}{ticks}"


def _wanted(kind: str, name: str, value: str, context: str) -> bool:
    if kind in _NOT_SETTINGS or (name.startswith("__") and name.endswith("__")):
        return False
    if kind == "call":
        return bool(_LITERAL.match(value)) and bool(_CLASS_CALL.search(context or ""))
    return True


def _other_lines(text: str, rel: str) -> Iterable[tuple[int, str]]:
    """Lines that state a setting no parameter reader reports: job directives of launch
    scripts, and lines of code naming a data file."""
    launch = is_launch_script(rel)
    code = rel.endswith((".py", ".r", ".R", ".jl", ".m")) or launch
    for n, line in enumerate(text.splitlines(), start=1):
        if launch and _JOB_DIRECTIVE.match(line):
            yield n, "job"
        elif code and not line.lstrip().startswith("#") and _DATA_FILE.search(line):
            yield n, "file"


def _sections(g: Grounding, skip: set[tuple[str, int]], carried: set[str]) -> list[_Section]:
    by_file: dict[str, _Section] = {}
    for p in g.params:
        if p.file in carried or (p.file, p.line) in skip or _is_test_file(p.file):
            continue
        if not _wanted(p.kind, p.name, p.value, p.context):
            continue
        sec = by_file.setdefault(p.file, _Section(p.file, ""))
        sec.lines.setdefault(p.line, p.context)
    for rel in g.repo.files:
        if rel in carried or _is_test_file(rel):
            continue
        if not (is_launch_script(rel) or rel.endswith((".py", ".r", ".R", ".jl", ".m"))):
            continue
        text = g.repo.read(rel)
        if text is None:
            continue
        for n, note in _other_lines(text, rel):
            if (rel, n) not in skip:
                by_file.setdefault(rel, _Section(rel, "")).lines.setdefault(n, note)
    return list(by_file.values())


def _render(title: str, intro: str, sections: list[_Section], g: Grounding) -> str:
    out = [f"# {title}", ""]
    body: list[str] = []
    size = 0
    left_files = left_lines = 0
    for sec in sections:
        text = g.repo.read(sec.path) or ""
        src = text.splitlines()
        items = []
        for n in sorted(sec.lines)[:MAX_PER_FILE]:
            if 0 < n <= len(src) and src[n - 1].strip():
                note = sec.lines[n]
                items.append(f"- {n}: {_quoted(src[n - 1])}" + (f" ({note})" if note else ""))
        extra = len(sec.lines) - min(len(sec.lines), MAX_PER_FILE)
        if extra:
            items.append(f"- … {extra} more line(s) in this file not listed")
        if not items:
            continue
        block = "\n".join([f"## {sec.path}" + (f" ({sec.label})" if sec.label else ""), *items])
        if size + len(block) > MAX_LISTING:
            left_files += 1
            left_lines += len(sec.lines)
            continue
        body += [block, ""]
        size += len(block) + 1
    if left_files:
        intro += (
            f" The listing is bounded: {left_files} more file(s) with {left_lines} line(s) "
            "of settings are not listed."
        )
    return "\n".join([*out, intro, "", *body]).rstrip() + "\n"


def settings_listings(
    g: Grounding | None, verdicts: list[Verdict], carried: set[str]
) -> dict[str, str]:
    """`src/settings/code.md` and `src/settings/repository.md` (when they list anything).

    `carried` holds the repository paths already copied whole into the artifact; `verdicts`
    the settings src/configs/ lists (their lines are not repeated)."""
    if g is None:
        return {}
    skip: set[tuple[str, int]] = set()
    for v in verdicts:
        if v.code_where and ":" in v.code_where:
            path, _, line = v.code_where.rpartition(":")
            if line.isdigit():
                skip.add((path, int(line)))
    scope = g.scope
    aside = dict(set_aside(g.repo.files, set()))
    aside.update(scope.excluded if scope is not None else [])  # what scoping set aside, and why
    inside: list[_Section] = []
    outside: list[_Section] = []
    late: list[_Section] = []
    for sec in _sections(g, skip, carried):
        if scope is None or scope.includes(sec.path):
            inside.append(sec)
            continue
        why = next((r for f, r in aside.items() if sec.path.startswith(f.rstrip("/") + "/")), "")
        if why.startswith((*LEFT_OUT, UNLOADED)):
            continue
        if why:
            sec.label = f"set aside as {why}"
            late.append(sec)
        else:
            outside.append(sec)
    out: dict[str, str] = {}
    where = ", ".join(
        f"`{f}/`" if f else "the repository root" for f in (scope.folders if scope else [""])
    )
    commit = f" at commit `{scope.commit_label}`" if scope and scope.commit_label else ""
    if inside:
        out[CODE_PATH] = _render(
            "Other settings of the paper's code",
            f"Settings defined in the paper's code ({where}{commit}) that src/configs/ does not "
            "list (the paper states no value for them) and that no file under src/execution/ "
            f"holds: each line quoted as written (cut after {MAX_LINE} characters), by file and line "
            "number. `job` marks a "
            "resource request of a cluster job, `file` a line naming a data file.",
            sorted(inside, key=lambda s: s.path),
            g,
        )
    if outside or late:
        out[REPOSITORY_PATH] = _render(
            "Settings outside the paper's code",
            f"Settings the repository defines outside the folders scoped as the paper's code "
            f"({where}{commit}), each line quoted as written (cut after {MAX_LINE} characters), by file "
            "and line number. "
            "Reconciliation uses them only for a setting the paper's code leaves unstated, "
            "and only in modules its scripts import (src/reconciliation.md names each such "
            "use); otherwise they are listed for reference. Tests, "
            "documentation and third-party folders are left out; folders set aside as "
            "abandoned come last. `job` marks a resource request of a cluster job, `file` a "
            "line naming a data file.",
            sorted(outside, key=lambda s: s.path) + sorted(late, key=lambda s: s.path),
            g,
        )
    return out
