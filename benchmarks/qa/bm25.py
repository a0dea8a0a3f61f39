"""The baselines: Okapi BM25 over plain text cut into windows of lines.

The documents are what an agent without arakit would have: the paper's text, the files of
the repository's checked-out branch, and `git log --all --stat`. Each window is shown with
where it comes from (`path:line`), best first, until the token budget is spent.
"""

from __future__ import annotations

import math
import re
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

WINDOW = 12  # lines per document
MAX_FILE_BYTES = 1_000_000
STOP = frozenset(
    re.split(
        r"\s+",
        """a an and are as at be by can could did do does for from has have how i if in into is
        it its of on or that the their them then there these they this those to was were what
        when where which while who why will with would""",
    )
)


def words(text: str) -> list[str]:
    """Plain word tokens: lower case runs of letters, digits and underscores."""
    return re.findall(r"\w+", text.lower())


@dataclass
class Doc:
    """One window of text and where it comes from."""

    where: str
    text: str


def windows(where: str, text: str, size: int = WINDOW) -> list[Doc]:
    """A text cut into windows of `size` lines, each named `where:first-line`."""
    lines = text.split("\n")
    return [
        Doc(f"{where}:{i + 1}", "\n".join(lines[i : i + size]))
        for i in range(0, len(lines), size)
        if "\n".join(lines[i : i + size]).strip()
    ]


def repo_docs(repo: Path) -> list[Doc]:
    """Every text file of the checked-out branch, in windows."""
    names = subprocess.run(
        ["git", "-C", str(repo), "ls-files", "-z"], capture_output=True, check=True
    ).stdout.split(b"\0")
    out: list[Doc] = []
    for raw in names:
        if not raw:
            continue
        path = repo / raw.decode("utf-8", "replace")
        try:
            if not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
                continue
            data = path.read_bytes()
        except OSError:
            continue
        if b"\0" in data[:8192]:
            continue
        out += windows(raw.decode("utf-8", "replace"), data.decode("utf-8", "replace"))
    return out


def git_log_docs(repo: Path) -> list[Doc]:
    """`git log --all --stat`, one document per commit (long ones in windows)."""
    log = subprocess.run(
        ["git", "-C", str(repo), "log", "--all", "--stat=200", "--date=iso"],
        capture_output=True,
        text=True,
        errors="replace",
        check=True,
    ).stdout
    out: list[Doc] = []
    for entry in re.split(r"\n(?=commit [0-9a-f]{40})", log):
        head = entry.split("\n", 1)[0]
        out += windows(f"git log {head[7:19]}", entry, size=3 * WINDOW)
    return out


class BM25:
    """Okapi BM25 (k1 = 1.5, b = 0.75) over a fixed list of documents."""

    def __init__(self, docs: list[Doc], k1: float = 1.5, b: float = 0.75) -> None:
        self.docs = docs
        self.k1, self.b = k1, b
        self.tf: list[Counter[str]] = [Counter(words(d.where + " " + d.text)) for d in docs]
        self.len = [sum(c.values()) for c in self.tf]
        self.avg = (sum(self.len) / len(self.len)) if docs else 1.0
        self.postings: dict[str, list[int]] = {}
        for i, c in enumerate(self.tf):
            for w in c:
                self.postings.setdefault(w, []).append(i)

    def rank(self, query: str) -> list[int]:
        """Document indexes, best first (only those sharing a word with the query)."""
        n = len(self.docs)
        scores: dict[int, float] = {}
        for w in set(words(query)) - STOP:
            hits = self.postings.get(w, [])
            if not hits:
                continue
            idf = math.log(1 + (n - len(hits) + 0.5) / (len(hits) + 0.5))
            for i in hits:
                f = self.tf[i][w]
                norm = f + self.k1 * (1 - self.b + self.b * self.len[i] / self.avg)
                scores[i] = scores.get(i, 0.0) + idf * f * (self.k1 + 1) / norm
        return sorted(scores, key=lambda i: -scores[i])

    def answer(self, query: str, max_tokens: int) -> str:
        """The best windows with their places, at most `max_tokens` (four characters each)."""
        budget = 4 * max_tokens
        parts: list[str] = []
        used = 0
        for i in self.rank(query):
            block = f"{self.docs[i].where}\n{self.docs[i].text}"
            room = budget - used
            if room < 40:
                break
            parts.append(block[:room])
            used += min(len(block), room) + 2
        return "\n\n".join(parts)
