"""Printing helpers shared by commands: consoles, errors, JSON."""

from __future__ import annotations

import json
import sys
from typing import Any

from arakit.errors import AraError, ArtifactError


def console(stderr: bool = False):  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def print_error(e: AraError) -> None:
    """`error: <where>: <what>` and a hint line, on stderr."""
    where = f"{e.location}: " if isinstance(e, ArtifactError) else ""
    msg = f"error: {where}{e.message}"
    sys.stderr.write(msg + "\n")
    if e.hint:
        sys.stderr.write(f"hint: {e.hint}\n")


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
