"""Questions, and the check that each is honest: its answer sits where it says in the
repository, and nowhere in the paper's text.

A question file `questions/<pair>.yaml` holds a list of:

    - id: sc-m1
      group: mismatch              # config | mismatch | history
      question: What learning rate does the soft-constrained CTS fit use in code?
      answers: ["lr = 2e-5"]       # any one of them, found in an answer, counts
      where: examples/CTS/CTS_fit_soft.py:26

`where` is `path:line` (the checked-out branch), `REV:path:line` (any revision), or
`commit:HASH` (the commit's subject, date and file list, as `git show --stat` prints them).
Strings are compared case-insensitively with runs of white space made one space.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
GROUPS = ("config", "mismatch", "history")


@dataclass
class Question:
    """One question of the benchmark."""

    id: str
    pair: str
    group: str
    question: str
    answers: list[str]
    where: str
    problems: list[str] = field(default_factory=list)


def norm(text: str) -> str:
    """Lower case, every run of white space one space."""
    return " ".join(text.split()).lower()


def contains(text: str, answers: list[str]) -> bool:
    """True when the normalised text holds any of the answers."""
    flat = norm(text)
    return any(norm(a) in flat for a in answers)


def load(pair: str) -> list[Question]:
    """The questions for one paper + repository pair (empty when it has none)."""
    from ruamel.yaml import YAML

    path = HERE / "questions" / f"{pair}.yaml"
    if not path.is_file():
        return []
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or []
    out = []
    for item in data:
        q = Question(
            id=str(item["id"]),
            pair=pair,
            group=str(item["group"]),
            question=str(item["question"]),
            answers=[str(a) for a in item["answers"]],
            where=str(item["where"]),
        )
        if q.group not in GROUPS:
            q.problems.append(f"unknown group {q.group!r}")
        out.append(q)
    return out


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, errors="replace"
    )
    return done.stdout if done.returncode == 0 else ""


def located(q: Question, repo: Path) -> bool:
    """True when an answer is found where the question says it is (±2 lines)."""
    if q.where.startswith("commit:"):
        rev = q.where.removeprefix("commit:").strip()
        shown = _git(repo, "show", "--stat=200", "--date=iso", "--format=%H %ad %s%n%b", rev)
        return contains(shown, q.answers)
    m = re.match(r"^(?:(?P<rev>[^:]+):)?(?P<path>[^:]+):(?P<line>\d+)$", q.where)
    if not m:
        return False
    rev = m.group("rev") or "HEAD"
    text = _git(repo, "show", f"{rev}:{m.group('path')}")
    lines = text.split("\n")
    k = int(m.group("line")) - 1
    return contains("\n".join(lines[max(0, k - 2) : k + 3]), q.answers)


def in_paper(q: Question, paper_text: str) -> bool:
    """True when an answer appears in the paper's text (the question is then not fair)."""
    return contains(paper_text, q.answers)


def paper_text(pair_dir: Path) -> str:
    """The paper's text as PyMuPDF reads it, plus the `pdftotext -layout` text shipped."""
    import pymupdf

    with pymupdf.open(pair_dir / "paper.pdf") as doc:
        text = "\n".join(page.get_text() for page in doc)
    layout = pair_dir / "paper.layout.txt"
    if layout.is_file():
        text += "\n" + layout.read_text(encoding="utf-8", errors="replace")
    return text


def check(questions: list[Question], repo: Path, pdf_text: str) -> None:
    """Record on each question why it is not honest, if it is not."""
    for q in questions:
        if not located(q, repo):
            q.problems.append(f"no answer found at {q.where}")
        if in_paper(q, pdf_text):
            q.problems.append("an answer appears in the paper's text")
