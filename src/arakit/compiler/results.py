"""evidence/results/: the repository's small result files, copied byte for byte.

A repository often keeps what its runs measured next to its code: `results/phase4.json`,
`eval_tracking.csv`, `doe5_res.csv`. The paper quotes some of those numbers; the rest (a
failure count per seed, the metric of a run the paper left out) exist only there. Files
whose path names them as results (a `results`, `outputs`, `metrics`, `eval`, `summary`,
`logs` or `res` part) and that are small are copied under `evidence/results/` with their
repository path, from the paper's commit, and, when the repository's HEAD is later, the
result files HEAD added or changed since, so a reader sees what came after the paper too.
`evidence/results/README.md` says which commit each file is from. Tests, documentation,
third-party and data folders are left out; sizes are bounded and what is left out is named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from arakit.compiler.ground import Grounding
from arakit.compiler.repo.source import RepoFiles, list_files
from arakit.compiler.scope import set_aside

FOLDER = "evidence/results"
README = f"{FOLDER}/README.md"
SUFFIXES = (".json", ".jsonl", ".csv", ".txt", ".yaml", ".yml")
MAX_FILE = 16 * 1024  # bytes of one result file copied
MAX_TOTAL = 96 * 1024  # bytes copied in all
LEFT_OUT = ("tests", "documentation or website", "third-party code")
_RESULT_PART = re.compile(
    r"(?:^|[/_.\-])(?:results?|res|outputs?|metrics?|scores?|summary|summaries|eval|evals|"
    r"evaluation|logs?)(?:[/_.\-]|$)",
    re.IGNORECASE,
)
_DATA_DIR = re.compile(r"(?:^|/)(?:data|datasets?|raw)/", re.IGNORECASE)


@dataclass(frozen=True)
class _Found:
    rel: str
    text: str
    at: str  # which commit it was read at


def is_result_file(rel: str) -> bool:
    """True for a path that names a result file (not a dataset, not a test fixture)."""
    low = rel.lower()
    name = PurePosixPath(low).name
    if not name.endswith(SUFFIXES) or name.startswith(("requirements", "readme", "license")):
        return False
    return bool(_RESULT_PART.search(low)) and not _DATA_DIR.search(low)


def _candidates(repo: RepoFiles, skip: set[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    aside = set_aside(repo.files, set())
    for rel in repo.files:
        if rel in skip or not is_result_file(rel):
            continue
        if any(rel.startswith(f.rstrip("/") + "/") for f, why in aside if why.startswith(LEFT_OUT)):
            continue
        try:
            if (repo.root / rel).stat().st_size > MAX_FILE:
                continue
        except OSError:
            continue
        text = repo.read(rel)
        if text is not None and text.strip():
            out[rel] = text
    return out


def result_files(g: Grounding | None) -> dict[str, str]:
    """Attachments: each result file at `evidence/results/<repository path>`, and the README
    that says where each came from (empty when the repository holds none)."""
    if g is None:
        return {}
    scope = g.scope
    paper_at = (scope.commit_label if scope else "") or "the files given"
    if scope is not None and scope.tree == g.root and scope.head and scope.commit != scope.head:
        # the paper's code is unchanged at HEAD, so HEAD's working tree was read
        paper_at = f"HEAD `{scope.head[:7]}`, later than the paper's commit {paper_at}"
    found = [_Found(rel, text, paper_at) for rel, text in _candidates(g.repo, set()).items()]
    later = scope is not None and scope.tree != g.root and (g.root / ".git").exists()
    if later:
        head = list_files(g.root)
        have = {f.rel: f.text for f in found}
        head_at = f"HEAD `{scope.head[:7]}`" if scope and scope.head else "HEAD"
        for rel, text in _candidates(head, set()).items():
            if have.get(rel) != text:
                found.append(_Found(rel, text, f"{head_at}, after the paper's commit"))
    if not found:
        return {}
    out: dict[str, str] = {}
    rows: list[str] = []
    left: list[str] = []
    used = 0
    for f in sorted(found, key=lambda f: (len(f.text), f.rel)):  # the smallest first
        dest = f"{FOLDER}/{f.rel}" if f.at == paper_at else f"{FOLDER}/head/{f.rel}"
        if used + len(f.text) > MAX_TOTAL:
            left.append(f"`{f.rel}` ({f.at})")
            continue
        used += len(f.text)
        out[dest] = f.text
        rows.append(f"| {dest.removeprefix(FOLDER + '/')} | `{f.rel}` | {f.at} |")
    rows.sort()
    lines = [
        "# Result files of the repository",
        "",
        "Files of the repository whose path names them as results, copied byte for byte "
        f"(each at most {MAX_FILE // 1024} KiB). Files under `head/` are those the "
        "repository's HEAD added or changed after the paper's commit: later work, not what "
        "the paper reports.",
        "",
        "| File | Repository path | Commit |",
        "| --- | --- | --- |",
        *rows,
    ]
    if left:
        lines += ["", f"Not copied (over {MAX_TOTAL // 1024} KiB in all): " + ", ".join(left)]
    out[README] = "\n".join(lines) + "\n"
    return out
