"""Small text tools the stages share: sentences, section roles, slugs."""

from __future__ import annotations

import re

_SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\[])")
_ABBREV = ("et al.", "e.g.", "i.e.", "Fig.", "Eq.", "vs.", "cf.", "Sec.", "resp.", "approx.")

ROLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("related", ("related work", "background", "prior work", "literature")),
    ("ablation", ("ablation",)),
    ("setup", ("setup", "implementation detail", "training detail", "experimental detail")),
    ("results", ("result", "experiment", "evaluation", "benchmark", "analysis", "comparison")),
    ("method", ("method", "approach", "model", "architecture", "algorithm", "framework", "design")),
    ("limitations", ("limitation", "discussion", "threats", "broader impact")),
    ("conclusion", ("conclusion", "summary", "future work")),
    ("introduction", ("introduction", "motivation", "overview")),
    ("references", ("references", "bibliography")),
)


def sentences(text: str) -> list[str]:
    """Split running text into sentences, keeping abbreviations like `et al.` inside."""
    out: list[str] = []
    for part in _SPLIT_RE.split(text.strip()):
        if out and out[-1].endswith(_ABBREV):
            out[-1] = f"{out[-1]} {part}"
        elif part:
            out.append(part)
    return out


def role(title: str, appendix: bool = False) -> str:
    """The role of a section from its title (introduction, method, setup, results, ...)."""
    low = title.lower()
    for name, words in ROLES:
        if any(w in low for w in words):
            return name
    return "appendix" if appendix else "other"


def slug(text: str, limit: int = 40) -> str:
    """A file-name slug: lower case, words joined by underscores, at most `limit` characters."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    out = ""
    for w in words:
        if len(out) + len(w) + 1 > limit:
            break
        out = f"{out}_{w}" if out else w
    return out or "untitled"


def clip(text: str, limit: int = 240) -> str:
    """Shorten text at a word boundary, marking the cut with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def section_roles(sections: list) -> dict[int, str]:  # type: ignore[type-arg]
    """Role of each section (by id); a subsection without a role of its own takes its parent's."""
    by_number: dict[str, str] = {}
    out: dict[int, str] = {}
    for sec in sections:
        r = role(sec.title, sec.appendix)
        if r in ("other", "appendix") and "." in sec.number:
            r = by_number.get(sec.number.rsplit(".", 1)[0], r)
        if sec.number:
            by_number[sec.number] = r
        out[id(sec)] = r
    return out
