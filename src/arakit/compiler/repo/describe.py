"""What a script did, in one line, from its own text: its docstring or opening comment, what
its argparse parser says, and the numeric settings it fixes. Used to say what a deleted or
retired script was, from its content at the last commit that had it."""

from __future__ import annotations

import json
import re

MAX_TEXT = 200_000  # characters of a file read to describe it
_DOCSTRING_RE = re.compile(r'^\s*(?:[rRuU]?)("""|\'\'\')(.*?)(?:\1|$)', re.S)
_CLASS_DOC_RE = re.compile(r'^class\s+(\w+)[^\n]*:\s*\n\s+[rRuU]?("""|\'\'\')(.*?)\2', re.S | re.M)
_SETTING_RE = re.compile(
    r"^\s{0,8}([A-Za-z_][A-Za-z0-9_]*)\s*=\s*"
    r"([-+]?(?:\d[\d_]*\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?))\s*"
    r"(?:[;,]\s*)?(?:(?:#|%|//)\s*(.*))?$"
)
_ARGPARSE_RE = re.compile(r"ArgumentParser\(\s*description\s*=\s*['\"]([^'\"]{3,120})['\"]")
_COMMENT_PREFIXES = ("#", "%", "//", "--")
_NOISE = re.compile(
    r"^(?:!|-\*-|coding[:=]|in\s*\[|%%|%matplotlib|!/usr|/usr/bin|author|@author|created|"
    r"copyright|license|\s*$)",
    re.I,
)
MAX_SETTINGS = 4


def describe(text: str, path: str) -> str:
    """One line saying what the file did: its purpose when stated, then up to four numeric
    settings as written (`num_iter = 100000`); empty when the text says nothing usable."""
    text = text[:MAX_TEXT]
    if path.lower().endswith(".ipynb"):
        return _describe_notebook(text)
    lines = text.splitlines()
    if path.lower().endswith(C_FAMILY):
        return _c_purpose(lines) or _c_defines(lines)  # its `x = 1` lines are steps in bodies
    purpose = _purpose(text, path)
    if not purpose and path.lower().endswith((".py", ".pyx")):
        purpose = _defines(lines)
    settings = _settings(lines)
    parts = [p for p in (purpose, settings, _uses(lines)) if p]
    return "; ".join(parts)


def _purpose(text: str, path: str) -> str:
    if path.lower().endswith((".py", ".pyx")):
        m = _DOCSTRING_RE.match(_skip_header(text))
        if m and m.group(2).strip():
            return _first_sentence(m.group(2))
        m = _CLASS_DOC_RE.search(text)
        if m and m.group(3).strip():
            return f"{m.group(1)}: {_first_sentence(m.group(3))}"
    m = _ARGPARSE_RE.search(text)
    if m:
        return m.group(1).strip()
    for line in text.splitlines()[:80]:
        if not line.startswith(_COMMENT_PREFIXES):
            continue  # indented comments label steps inside the script, not its purpose
        body = line.lstrip("#%/-").strip()
        if len(body) >= 12 and not _NOISE.match(body) and not _looks_like_code(body):
            return _first_sentence(body)
    return ""


C_FAMILY = (".c", ".cc", ".cpp", ".cxx", ".h", ".hpp", ".hh", ".cu", ".cuh", ".java", ".js", ".ts",
            ".go", ".rs", ".scala")  # fmt: skip
_C_COMMENT = re.compile(r"^\s*(?://+!?|/\*+!?|\*(?!/))\s?(.*?)(?:\*/)?\s*$")
_C_TYPE = re.compile(r"^\s*(?:template\s*<[^>]*>\s*)?(?:class|struct)\s+([A-Za-z_]\w*)\s*[:{]?")
_C_FUNC = re.compile(
    r"^(?:template\s*<[^>]*>\s*)?(?:(?:inline|static|extern|virtual|const|unsigned|signed)\s+)*"
    r"[A-Za-z_][\w:<>,*& ]*?[\s*&]([A-Za-z_]\w*)\s*\([^;]*$"
)
_C_NOT_NAMES = {"if", "for", "while", "switch", "return", "main", "sizeof"}


def _c_purpose(lines: list[str]) -> str:
    """What a C-family file says it is: the comment heading the file, else the doc comment
    of its first documented class, struct or function (as "Name: sentence"). Preprocessor
    lines (#include, #ifndef guards) are code there, not comments; comments inside bodies
    label steps, not the file."""
    pending: list[str] = []
    code_seen = False
    for line in lines[:2000]:
        m = _C_COMMENT.match(line)
        if m and (not line[:1].isspace() or not code_seen):
            pending.append(m.group(1).strip(" /*!") if m else "")
            continue
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "namespace", "template", "}", "{", "using ")):
            if not code_seen and not stripped and _useful(pending):
                return _useful(pending)  # a header block, closed by a blank line
            if stripped.startswith(("#", "namespace", "using ")) and not code_seen:
                pending = []
            continue
        d = _C_TYPE.match(line) or (_C_FUNC.match(line) if line[:1].isalpha() else None)
        said = _useful(pending)
        if d and said and d.group(1) not in _C_NOT_NAMES:
            return f"{d.group(1)}: {said}"
        code_seen, pending = True, []
    return ""


def _useful(comment: list[str]) -> str:
    for body in comment:
        body = re.sub(r"^(?:@|\\)(?:file|brief|class)\b\s*\S*\s*", "", body).strip()
        if len(body) >= 12 and not _NOISE.match(body) and not _looks_like_code(body):
            return _first_sentence(body)
    return ""


def _c_defines(lines: list[str]) -> str:
    """The classes, structs and functions a C-family file defines at its top levels."""
    names: list[str] = []
    for line in lines[:2000]:
        m = _C_TYPE.match(line) or (_C_FUNC.match(line) if line[:1].isalpha() else None)
        if m and m.group(1) not in names and m.group(1) not in _C_NOT_NAMES:
            names.append(m.group(1))
    return f"defines {', '.join(names[:5])}" if names else ""


def _skip_header(text: str) -> str:
    lines = text.splitlines()
    i = 0
    while i < len(lines) and (not lines[i].strip() or lines[i].lstrip().startswith("#")):
        i += 1
    return "\n".join(lines[i:])


def _looks_like_code(body: str) -> bool:
    return bool(re.search(r"[=(){}\[\];]|^\w+\.\w+|^(import|from|def|class|print|return)\b", body))


_DEF_RE = re.compile(r"^(?:class|def)\s+([A-Za-z_]\w*)")
_IMPORT_RE = re.compile(r"^\s*(?:import|from)\s+([A-Za-z_][\w]*)")
_COMMON = {
    "os",
    "sys",
    "re",
    "time",
    "math",
    "json",
    "numpy",
    "np",
    "pandas",
    "matplotlib",
    "pickle",
    "argparse",
    "typing",
    "collections",
    "itertools",
    "functools",
    "copy",
    "random",
    "pathlib",
    "__future__",
    "warnings",
    "logging",
    "dataclasses",
    "abc",
    "glob",
    "shutil",
    "datetime",
}


def _defines(lines: list[str]) -> str:
    names = [m.group(1) for ln in lines for m in [_DEF_RE.match(ln)] if m]
    public = [n for n in names if not n.startswith("_")]
    return f"defines {', '.join(public[:5])}" if public else ""


def _uses(lines: list[str]) -> str:
    mods: list[str] = []
    for ln in lines[:200]:
        m = _IMPORT_RE.match(ln)
        if m and m.group(1) not in _COMMON and m.group(1) not in mods and not ln.startswith(" "):
            mods.append(m.group(1))
    return f"uses {', '.join(mods[:3])}" if mods else ""


def _first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    m = re.match(r"(.{12,160}?[.!?])(?:\s|$)", flat)
    return (m.group(1) if m else flat[:160]).strip()


def _settings(lines: list[str]) -> str:
    found: list[str] = []
    seen: set[str] = set()
    for line in lines[:400]:
        m = _SETTING_RE.match(line)
        if not m or m.group(1) in seen or m.group(1).startswith("_"):
            continue
        name, value, note = m.group(1), m.group(2), (m.group(3) or "").strip()
        if name.lower() in ("i", "j", "k", "n", "x", "y", "t", "idx", "count", "itr"):
            continue
        if not note and re.fullmatch(r"[-+]?0*\.?0*", value):
            continue  # a counter reset to zero, not a setting
        seen.add(name)
        found.append(f"{name} = {value}" + (f" ({note[:40]})" if note else ""))
        if len(found) >= MAX_SETTINGS:
            break
    return ", ".join(found)


def _describe_notebook(text: str) -> str:
    try:
        nb = json.loads(text)
    except (ValueError, RecursionError):
        return ""
    cells = nb.get("cells") if isinstance(nb, dict) else None
    if not isinstance(cells, list):
        return ""
    code_lines: list[str] = []
    for cell in cells[:40]:
        if not isinstance(cell, dict):
            continue
        src = cell.get("source", "")
        body = "".join(src) if isinstance(src, list) else str(src)
        if cell.get("cell_type") == "markdown":
            first = next((ln.strip("# ").strip() for ln in body.splitlines() if ln.strip()), "")
            if len(first) >= 8:
                return _first_sentence(first)
        elif cell.get("cell_type") == "code":
            code_lines += body.splitlines()
    parts = [p for p in (_settings(code_lines), _uses(code_lines)) if p]
    return "; ".join(parts)


_PY_DEF = re.compile(r"^(?:async\s+)?(?:def|class)\s+([A-Za-z_]\w*)")


def definitions(text: str, path: str, shortest: int = 4) -> set[str]:
    """The distinctive names a source file defines at its top levels (classes, structs,
    functions; at least `shortest` characters, not `main`): what it is made of, for telling
    code moved into another file from code dropped."""
    lines = text[:MAX_TEXT].splitlines()
    low = path.lower()
    if low.endswith(C_FAMILY):
        found = [m.group(1) for ln in lines for m in [_C_TYPE.match(ln)] if m]
        found += [m.group(1) for ln in lines if ln[:1].isalpha() for m in [_C_FUNC.match(ln)] if m]
    elif low.endswith((".py", ".pyx", ".pxd")):
        found = [m.group(1) for ln in lines for m in [_PY_DEF.match(ln)] if m]
    else:
        return set()
    return {n for n in found if len(n) >= shortest and n not in _C_NOT_NAMES and n != "__init__"}
