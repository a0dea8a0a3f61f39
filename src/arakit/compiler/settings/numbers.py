"""Printed values as numbers, so `1e-4`, `0.0001` and `1 × 10−4` compare equal."""

from __future__ import annotations

import re


def normalize_value(value: str) -> float | None:
    """A printed value as a number for comparison (`1e-4`, `0.0001`, `1 × 10−4`), or None."""
    v = value.strip().replace("−", "-").replace(" ", "").rstrip("%")
    m = re.fullmatch(r"([-+]?\d+(?:\.\d+)?)×10(-?\d+)", v)
    if m:
        return float(m.group(1)) * 10 ** int(m.group(2))
    try:
        return float(v)
    except ValueError:
        return None
