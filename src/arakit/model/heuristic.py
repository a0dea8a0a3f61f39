"""An implementation trick (`## H01: title` in logic/solution/heuristics.md)."""

from __future__ import annotations

import re
from typing import ClassVar

from arakit.model.base import FieldEntity, FieldSpec, spec

_PATH_RE = re.compile(r"/?[\w.-]+(?:/[\w.-]+)*/?")


class Heuristic(FieldEntity):
    """A trick that made the method work, how sensitive it is and where the code is."""

    FIELDS: ClassVar[tuple[FieldSpec, ...]] = (
        spec("Rationale", "rationale"),
        spec("Sensitivity", "sensitivity"),
        spec("Bounds", "bounds"),
        spec("Code ref", "code_ref", "text", "Code reference", "Code"),
        spec("Source", "source"),
    )

    id: str
    title: str = ""
    rationale: str | None = None
    sensitivity: str | None = None
    bounds: str | None = None
    code_ref: str | None = None
    source: str | None = None

    def code_paths(self) -> list[str]:
        """Paths named by Code ref (`[src/execution/x.py:12]` → `src/execution/x.py`)."""
        if not self.code_ref:
            return []
        out = []
        for part in re.split(r"[,;\s]+", self.code_ref.strip().strip("[]")):
            part = part.strip("[]()`'\"")
            part = re.sub(r":\d+(-\d+)?$", "", part)  # drop a :line suffix
            if part and _PATH_RE.fullmatch(part) and ("/" in part or "." in part.strip(".")):
                out.append(part)
        return out
