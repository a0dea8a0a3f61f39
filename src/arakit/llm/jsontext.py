"""Cutting a JSON object out of a model's free-text reply."""

from __future__ import annotations

import json
import re

_FENCE = re.compile(r"```(?:json|JSON)?\s*(.*?)```", re.DOTALL)


def extract_json(text: str) -> object:
    """The first JSON value found in text: a fenced block, the whole text, or a balanced {...}.

    Raises ValueError naming what was wrong when no JSON object can be found.
    """
    candidates: list[str] = [m.group(1).strip() for m in _FENCE.finditer(text)]
    candidates.append(text.strip())
    for cand in candidates:
        try:
            return json.loads(cand)
        except ValueError:
            pass
    decoder = json.JSONDecoder()
    for i, ch in enumerate(text):
        if ch in "{[":
            try:
                value, _ = decoder.raw_decode(text, i)
            except ValueError:
                continue
            return value
    snippet = text.strip().replace("\n", " ")[:120]
    raise ValueError(f"the reply holds no JSON object (it begins: {snippet!r})")
