"""Configuration files known by how the code reads them, not by their extension.

A simulation's `charge_transport_input.in` holds `N: 1000` and `T: 300` lines, and the
program beside it reads the file it is given with `YAML.load`: the `.in` file is a YAML
configuration whatever its name ends with. A file counts when

- a program names it (`yaml.safe_load(open("params.in"))`, `TOML.parsefile("run.par")`),
  or it sits in the folder of a program that reads YAML, JSON or TOML and its extension
  is one of an input file's (`.in`, `.inp`, `.input`, `.par`, `.param`, `.params`), and
- its text parses as that format into a mapping of at least two settings.

Files whose extension already says their format (`.yaml`, `.json`, `.toml`, `.cfg`) are
read by params_of as usual and are not looked at here; a `.txt` or `.dat` file counts only
when a program names it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any

from arakit.compiler.repo.params.files import json_params, toml_params, yaml_params
from arakit.compiler.repo.params.model import CodeParam

# a reader call per format, in the languages research code is written in
_READERS = {
    "yaml": re.compile(
        r"\b(?:yaml\.(?:safe_|full_|unsafe_)?load(?:_all)?|YAML\.load(?:_file)?|"
        r"YAML\(\)\.load|yaml\.load_file|read_yaml|yaml::load_file|YAML::LoadFile)\s*\("
    ),
    "json": re.compile(
        r"\b(?:json\.loads?|JSON\.parse(?:file)?|JSON3\.read|fromJSON|read_json|jsonlite::\w+)\s*\("
    ),
    "toml": re.compile(
        r"\b(?:toml\.loads?|tomllib\.loads?|tomli\.loads?|TOML\.parse(?:file)?|read_toml)\s*\("
    ),
}
_PROGRAMS = (".py", ".jl", ".r", ".m", ".ipynb")
# extensions of input files a program is handed on its command line
_INPUTS = (".in", ".inp", ".input", ".par", ".param", ".params")
# extensions of text files that are a configuration only when a program reads them as one
_NAMED = (".txt", ".dat", ".config", ".opt", ".opts", ".options", ".setup", ".prm")
MAX_BYTES = 256 * 1024
MIN_KEYS = 2


def _folder(rel: str) -> str:
    p = str(PurePosixPath(rel).parent)
    return "" if p == "." else p


def loaded_as(files: list[str], read: Callable[[str], str | None]) -> dict[str, str]:
    """{file: format} for the files the code reads as YAML, JSON or TOML although their
    extension does not say so (see the module doc)."""
    readers: dict[str, set[str]] = {}  # folder -> formats its programs read
    named: dict[str, str] = {}  # file name a program names -> the format it reads
    candidates = [f for f in files if f.lower().endswith(_INPUTS + _NAMED)]
    if not candidates:
        return {}
    names = {PurePosixPath(f).name for f in candidates}
    for f in files:
        if not f.lower().endswith(_PROGRAMS):
            continue
        text = (read(f) or "")[:MAX_BYTES]
        formats = {fmt for fmt, rx in _READERS.items() if rx.search(text)}
        if not formats:
            continue
        readers.setdefault(_folder(f), set()).update(formats)
        if len(formats) == 1:
            only = next(iter(formats))
            for name in names:
                if re.search(rf"[\"'/]{re.escape(name)}[\"']", text):
                    named.setdefault(name, only)
    out: dict[str, str] = {}
    for f in candidates:
        name = PurePosixPath(f).name
        fmt: str | None = named.get(name)
        if fmt is None and f.lower().endswith(_INPUTS):
            here = readers.get(_folder(f), set())
            fmt = next(iter(here)) if len(here) == 1 else None
        if fmt is not None and _mapping(read(f) or "", fmt):
            out[f] = fmt
    return out


def _mapping(text: str, fmt: str) -> bool:
    """True when `text` parses as `fmt` into a mapping with at least two entries."""
    if not text.strip() or len(text) > MAX_BYTES:
        return False
    data: Any = None
    try:
        if fmt == "yaml":
            from ruamel.yaml import YAML

            data = YAML(typ="safe").load(text)
        elif fmt == "json":
            data = json.loads(text)
        else:
            import tomllib

            data = tomllib.loads(text)
    except Exception:  # any parse failure: not that format
        return False
    return isinstance(data, dict) and len(data) >= MIN_KEYS


def loaded_as_params(text: str, rel: str, fmt: str) -> list[CodeParam]:
    """The parameters of a file read as `fmt` (yaml, json or toml)."""
    if fmt == "yaml":
        return yaml_params(text, rel)
    if fmt == "json":
        return json_params(text, rel)
    return toml_params(text, rel)
