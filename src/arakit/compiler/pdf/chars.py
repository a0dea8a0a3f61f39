"""Characters as printed, made plain: ligature glyphs expanded, no-break and soft hyphens."""

from __future__ import annotations

import re

LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_LIG_RE = re.compile("[" + "".join(LIGATURES) + "]")


def clean(text: str) -> str:
    """Expand ligatures and normalise spaces; nothing else about the text changes."""
    text = _LIG_RE.sub(lambda m: LIGATURES[m.group(0)], text)
    return text.replace("\u00a0", " ").replace("\u00ad", "").strip()
