"""Parameters of an R package's DESCRIPTION file (the Debian-control format: `Field:
value`, continuation lines indented): the package's `Version` and each dependency pinned
to a version (`TMB (>= 1.7.16)` under Imports, `R (>= 3.5.0)` under Depends), at the line
the pin is written on. Unpinned dependencies state no value and are left out."""

from __future__ import annotations

import re

from arakit.compiler.repo.params.model import CodeParam

MAX_BYTES = 256 * 1024
MAX_PARAMS = 300
_FIELD = re.compile(r"^([A-Za-z][\w.@-]*)\s*:\s*(.*)$")
_PIN = re.compile(r"([A-Za-z][\w.]*)\s*\(\s*([<>=!]=?\s*[\w.-]+)\s*\)")
_DEPENDENCIES = ("Depends", "Imports", "LinkingTo", "Suggests", "Enhances")


def is_description(rel: str) -> bool:
    """An R package's DESCRIPTION file."""
    return rel.rsplit("/", 1)[-1] == "DESCRIPTION"


def description_params(text: str, rel: str) -> list[CodeParam]:
    """`Version` and the version pins of the dependency fields, kind `package`."""
    if len(text) > MAX_BYTES:
        return []
    out: list[CodeParam] = []
    field = ""
    for n, line in enumerate(text.splitlines(), start=1):
        if len(out) >= MAX_PARAMS:
            break
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _FIELD.match(line) if not line[:1].isspace() else None
        if m:
            field, rest = m.group(1), m.group(2)
            if field == "Version" and rest.strip():
                out.append(CodeParam("Version", rest.strip(), rel, n, "package"))
                continue
        else:
            rest = line
        if field in _DEPENDENCIES:
            for pin in _PIN.finditer(rest):
                spec = re.sub(r"\s+", " ", pin.group(2))
                out.append(
                    CodeParam(f"{field}.{pin.group(1)}", spec, rel, n, "package", context=field)
                )
    return out
