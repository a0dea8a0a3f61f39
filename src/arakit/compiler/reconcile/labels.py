"""Constants that label cases rather than set anything: an enumeration written as module
constants (`LEFT = 0` / `RIGHT = 1`, `HASCHILD = 0` / `NOCHILD = 1`, `TRAIN, VAL, TEST = 0, 1,
2` on lines of their own). Their values are codes, not settings a paper could state
differently, so they are never compared (a pseudo-code listing that prints `RIGHT = 0` is
notation, not the run's configuration)."""

from __future__ import annotations

import re

from arakit.compiler.repo.params.model import CodeParam

_KINDS = ("constant", "script")
_SMALL = re.compile(r"\d")  # one digit: 0..9


def _code(p: CodeParam) -> int | None:
    value = p.value.strip()
    if p.kind not in _KINDS or p.known or not _SMALL.fullmatch(value):
        return None
    return int(value)


def enum_labels(params: list[CodeParam]) -> set[int]:
    """`id()` of each constant in a run of adjacent unknown-named constants whose small
    integer values are all different and count up from 0 or 1 (a run of at least two)."""
    by_file: dict[str, list[tuple[int, int, CodeParam]]] = {}
    for p in params:
        code = _code(p)
        if code is not None:
            by_file.setdefault(p.file, []).append((p.line, code, p))
    out: set[int] = set()
    for rows in by_file.values():
        rows.sort(key=lambda r: r[0])
        run: list[tuple[int, int, CodeParam]] = []
        for row in rows:
            if run and row[0] == run[-1][0] + 1 and row[1] not in {c for _, c, _ in run}:
                run.append(row)
                continue
            out |= _labels(run)
            run = [row]
        out |= _labels(run)
    return out


def _labels(run: list[tuple[int, int, CodeParam]]) -> set[int]:
    codes = sorted(c for _, c, _ in run)
    if len(run) >= 2 and _counts_up(codes):
        return {id(p) for _, _, p in run}
    return set()


def _counts_up(codes: list[int]) -> bool:
    return codes[0] in (0, 1) and codes == list(range(codes[0], codes[0] + len(codes)))
