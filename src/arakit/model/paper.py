"""PAPER.md: the root manifest (front matter, overview, Layer Index)."""

from __future__ import annotations

import re
from typing import Any

from pydantic import Field

from arakit.model.base import AraModel, Section
from arakit.model.table import Table, cell_path

_HEADING_RE = re.compile(r"^#{1,6}\s+(.*)$")
_ITEM_RE = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$")
_MD_LINK_RE = re.compile(r"^\[[^\]]*\]\(([^)\s]+)[^)]*\)")
_CODE_RE = re.compile(r"`([^`\s]+)`")
_FILEISH_RE = re.compile(r"[\w.-]+(?:/[\w.-]+)*/?")


def _first_path(text: str) -> str | None:
    """The path a list item or heading of a Layer Index names: a leading Markdown link's
    target, else its first `code` span, when that looks like a file or folder path."""
    text = text.strip()
    m = _MD_LINK_RE.match(text)
    cand = m.group(1) if m else None
    if cand is None:
        c = _CODE_RE.search(text)
        cand = c.group(1) if c else None
    if cand is None:
        return None
    cand = cand.removeprefix("./").removeprefix("/")
    if _FILEISH_RE.fullmatch(cand) and ("/" in cand or "." in cand.strip(".")):
        return cand
    return None


FRONT_MATTER_KEYS = (
    "title",
    "authors",
    "year",
    "venue",
    "doi",
    "ara_version",
    "domain",
    "keywords",
    "claims_summary",
    "abstract",
    "forked_from",
    "created_with",
)
REQUIRED_FRONT_MATTER = (
    "title",
    "authors",
    "year",
    "ara_version",
    "domain",
    "keywords",
    "claims_summary",
    "abstract",
)


class LayerTable(AraModel):
    """One layer's table in the Layer Index (`### logic` + a table of files)."""

    name: str
    table: Table

    def files(self) -> list[str]:
        """The file paths the table lists (first column, backticks stripped)."""
        return [cell_path(row[0]) for row in self.table.rows if row and row[0].strip()]


class Paper(AraModel):
    """The manifest an agent reads first: about 200 tokens that say what this is."""

    title: str | None = None
    authors: list[str] | None = None
    year: int | str | None = None
    venue: str | None = None
    doi: str | None = None
    ara_version: str | None = None
    domain: str | None = None
    keywords: list[str] | None = None
    claims_summary: list[str] | None = None
    abstract: str | None = None
    forked_from: Any = None
    created_with: Any = None
    extra: dict[str, Any] = Field(default_factory=dict)
    heading: str = ""
    # the section headings as written, when they differ from `Overview` / `Layer Index`
    overview_heading: str = ""
    layer_index_heading: str = ""
    overview: str | None = None
    layer_index: list[LayerTable] | None = None
    layer_index_notes: str = ""
    preamble: str = ""
    extra_sections: list[Section] = Field(default_factory=list)

    def indexed_files(self) -> list[str]:
        """Every file listed in the Layer Index."""
        return [f for lt in self.layer_index or [] for f in lt.files()]

    def listed_in_notes(self) -> list[str]:
        """Paths a Layer Index written as a (nested) list names, as other tools write it:
        `- [claims.md](logic/claims.md) — ...` or `- `logic/`` with `  - `claims.md`` under it.
        Each path is given as written and joined to the folders of the items above it."""
        out: list[str] = []
        stack: list[tuple[int, str]] = []  # (indent, folder) of enclosing folder items
        for line in self.layer_index_notes.splitlines():
            h = _HEADING_RE.match(line)
            if h:
                stack = []
                path = _first_path(h.group(1))
                if path and path.endswith("/"):
                    stack = [(-1, path)]
                continue
            m = _ITEM_RE.match(line)
            if not m:
                continue
            depth = len(m.group(1).expandtabs(4))
            while stack and stack[-1][0] >= depth:
                stack.pop()
            path = _first_path(m.group(2))
            if not path:
                continue
            out.append(path.rstrip("/"))
            prefix = "".join(f for _, f in stack)
            if prefix and not path.startswith(prefix.split("/")[0] + "/"):
                out.append((prefix + path).rstrip("/"))
            if path.endswith("/"):
                stack.append((depth, path if not stack else path.removeprefix(stack[-1][1])))
        return out
