"""An implementation trick (`## H01: title` in logic/solution/heuristics.md)."""

from __future__ import annotations

import re
from typing import ClassVar

from arakit.model.base import FieldEntity, FieldSpec, spec

_PATH_RE = re.compile(r"/?[\w.-]+(?:/[\w.-]+)*/?")
_LINK_RE = re.compile(r"\[([^\]]*)\]\(([^)\s]*)[^)]*\)")


def _link_path(m: re.Match[str]) -> str:
    """A Markdown link `[`src/x.py`](../x.py)` names the path in its text when the text is a
    path (the target is then relative to the citing file), else in its target."""
    text = m.group(1).strip().strip("`").strip()
    return text if _PATH_RE.fullmatch(text) else m.group(2)


class Heuristic(FieldEntity):
    """A trick that made the method work, how sensitive it is and where the code is."""

    FIELDS: ClassVar[tuple[FieldSpec, ...]] = (
        spec("Rationale", "rationale"),
        spec("Sources", "sources"),
        spec("Status", "status"),
        spec("Provenance", "provenance"),
        spec("Sensitivity", "sensitivity"),
        spec("Bounds", "bounds"),
        spec("Code ref", "code_ref", "text", "Code reference", "Code"),
        spec("Source", "source"),
        spec("Last revised", "last_revised", "text", "Last updated"),
        spec("Taste", "taste"),
    )

    id: str
    title: str = ""
    rationale: str | None = None
    sources: str | None = None
    status: str | None = None
    provenance: str | None = None
    sensitivity: str | None = None
    bounds: str | None = None
    code_ref: str | None = None
    source: str | None = None
    last_revised: str | None = None
    taste: str | None = None

    def code_paths(self) -> list[str]:
        """Paths named by Code ref (`[src/execution/x.py:12]` → `src/execution/x.py`)."""
        if not self.code_ref:
            return []
        out: list[str] = []
        ref = _LINK_RE.sub(lambda m: " " + _link_path(m) + " ", self.code_ref)
        for part in re.split(r"[,;\s]+", ref.strip().strip("[]")):
            part = part.strip("[]()`'\"")
            part = re.sub(r":\d+(-\d+)?$", "", part)  # drop a :line suffix
            if (
                part
                and part not in out
                and _PATH_RE.fullmatch(part)
                and ("/" in part or "." in part.strip("."))
            ):
                out.append(part)
        return out
