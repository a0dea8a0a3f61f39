"""Entity IDs: `C1` and `C01` are the same claim; writers emit two digits (three past 99)."""

from __future__ import annotations

import re

# Prefixes whose canonical form is zero-padded to two digits; O, G and A are written bare.
PADDED = frozenset({"C", "E", "H", "RW", "N", "R"})
ID_RE = re.compile(r"\b(RW|[A-Z])(\d{1,4})\b")
_FULL_RE = re.compile(r"^(RW|[A-Z])(\d{1,4})$")


def normalize_id(token: str) -> str:
    """Canonical spelling of an ID (`c1` stays as is; `C1` → `C01`, `O01` → `O1`)."""
    m = _FULL_RE.match(token.strip())
    if not m:
        return token.strip()
    prefix, num = m.group(1), int(m.group(2))
    if prefix in PADDED:
        return f"{prefix}{num:02d}"
    return f"{prefix}{num}"


def is_id(token: str, prefix: str | None = None) -> bool:
    """True when the token is an entity ID (optionally of one prefix)."""
    m = _FULL_RE.match(token.strip())
    return m is not None and (prefix is None or m.group(1) == prefix)


def id_prefix(token: str) -> str:
    """The letter part of an ID (`RW03` → `RW`)."""
    m = _FULL_RE.match(token.strip())
    return m.group(1) if m else ""


def id_number(token: str) -> int:
    """The number part of an ID (`C07` → 7); -1 when it is not an ID."""
    m = _FULL_RE.match(token.strip())
    return int(m.group(2)) if m else -1


def next_id(prefix: str, existing: list[str]) -> str:
    """The next free ID of a kind, after the highest one in use."""
    nums = [id_number(i) for i in existing if id_prefix(i) == prefix]
    return normalize_id(f"{prefix}{max(nums, default=0) + 1}")


def id_range(ids: list[str]) -> str:
    """A short description of the IDs in use, for error messages ("E01–E06")."""
    if not ids:
        return "none"
    if len(ids) <= 4:
        return ", ".join(ids)
    return f"{ids[0]}–{ids[-1]}"
