"""Parameters in configuration files: YAML (with Hydra `defaults:` composition), JSON,
TOML, INI / `.cfg` (spaCy and Thinc training configs included) and gin. Each value is
kept verbatim with the line it is written on; nested keys get dotted paths."""

from __future__ import annotations

import json
import re

from arakit.compiler.repo.params.model import CodeParam

MAX_PARAMS = 2000
_YAML_LINE_RE = re.compile(r"^(\s*)([\w.\-/]+)\s*:\s*(.*?)\s*(?:\s#.*)?$")
_YAML_ITEM_RE = re.compile(r"^(\s*)-\s+(.*?)\s*(?:\s#.*)?$")
_KV_RE = re.compile(r"^\s*([\w.\-/@]+)\s*[=:]\s*(.*?)\s*(?:\s[#;].*)?$")
_SECTION_RE = re.compile(r"^\s*\[+\s*([^\]\n]+?)\s*\]+\s*$")
_GIN_RE = re.compile(r"^\s*((?:[\w.]+/)*[\w.]+)\s*=\s*(.+?)\s*(?:#.*)?$")


# a key a config file leaves unset (`gpu_allocator = null`, `disabled = []`, `dev: ~`)
_UNSET = frozenset(("null", "~", "[]", "{}", '""', "''"))


def _quoted(v: str) -> bool:
    return len(v) >= 2 and v[0] == v[-1] and v[0] in "'\""


def _bare(v: str) -> str:
    return v[1:-1] if _quoted(v) else v


def yaml_params(text: str, rel: str) -> list[CodeParam]:
    """Scalar (and flow-list) settings of a YAML file with dotted paths from indentation.

    Items of a block list of scalars are gathered into one `[a, b]` value on the key's
    line; Hydra's `defaults:` entries (`- optimizer: adam`) become `hydra-default`
    parameters, the config group and the option it composes."""
    out: list[CodeParam] = []
    stack: list[tuple[int, str]] = []
    pending: tuple[str, int, list[str]] | None = None  # a key whose value is a block list

    def flush() -> None:
        nonlocal pending
        if pending and pending[2]:
            out.append(
                CodeParam(pending[0], "[" + ", ".join(pending[2]) + "]", rel, pending[1], "yaml")
            )
        pending = None

    for n, line in enumerate(text.splitlines(), start=1):
        if len(out) >= MAX_PARAMS:
            break
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _YAML_ITEM_RE.match(line)
        if item:
            body = item.group(2)
            if (
                stack
                and stack[-1][1] == "defaults"
                and ":" in body
                and not body.startswith(("{", "["))
            ):
                group, _, option = body.partition(":")
                out.append(
                    CodeParam(group.strip().lstrip("+/"), option.strip(), rel, n, "hydra-default")
                )
            elif (
                pending is not None
                and not re.search(r":\s", body + " ")
                and not body.startswith(("{", "["))
            ):
                pending[2].append(body)
            continue
        flush()
        m = _YAML_LINE_RE.match(line)
        if not m:
            continue
        indent, key, value = len(m.group(1)), m.group(2), m.group(3)
        while stack and stack[-1][0] >= indent:
            stack.pop()
        if not value or value in ("|", ">", "|-", ">-"):
            stack.append((indent, key))
            pending = (".".join(k for _, k in stack), n, [])
            continue
        if value.startswith(("{", "&", "*", "!")):
            continue
        path = ".".join([k for _, k in stack] + [key])
        if value not in _UNSET:
            out.append(CodeParam(path, _bare(value), rel, n, "yaml"))
    flush()
    return out


def toml_params(text: str, rel: str) -> list[CodeParam]:
    """Scalar and array settings of a TOML file (`[table]` prefixes the keys)."""
    return _sections(text, rel, "toml", ("=",))


def ini_params(text: str, rel: str) -> list[CodeParam]:
    """Settings of an INI or `.cfg` file (`[section]` prefixes the keys; `key = value` or
    `key: value`), spaCy/Thinc training configs included."""
    return _sections(text, rel, "ini", ("=", ":"))


def _sections(text: str, rel: str, kind: str, seps: tuple[str, ...]) -> list[CodeParam]:
    out: list[CodeParam] = []
    table = ""
    for n, line in enumerate(text.splitlines(), start=1):
        if len(out) >= MAX_PARAMS:
            break
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", ";")):
            continue
        t = _SECTION_RE.match(line)
        if t:
            table = t.group(1).strip().strip('"')
            continue
        if line[:1].isspace() and kind == "ini":
            continue  # a continuation of the previous value
        m = _KV_RE.match(line)
        if not m or not m.group(2):
            continue
        sep = line[m.end(1) :].lstrip()[:1]
        if sep not in seps:
            continue
        value = m.group(2)
        if value.startswith(("{", '"""', "'''")):
            continue
        path = f"{table}.{m.group(1)}" if table else m.group(1)
        if value not in _UNSET:
            out.append(CodeParam(path, _bare(value), rel, n, kind, context=table))
    return out


def gin_params(text: str, rel: str) -> list[CodeParam]:
    """Bindings of a gin config (`train.learning_rate = 1e-3`, `scope/Model.depth = 4`,
    macros `LR = 0.1`); references (`@fn`, `%MACRO`) are kept as written."""
    out: list[CodeParam] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith(("#", "import ", "include ")) or len(out) >= MAX_PARAMS:
            continue
        m = _GIN_RE.match(line)
        if not m:
            continue
        value = m.group(2)
        if value.startswith(("{", "(")) or (value.startswith("[") and not value.endswith("]")):
            continue  # a structure spread over several lines
        out.append(CodeParam(m.group(1), _bare(value), rel, n, "gin"))
    return out


def json_params(text: str, rel: str, limit: int = 500) -> list[CodeParam]:
    """Scalar leaves (and lists of scalars) of a JSON object with dotted paths; each line
    is found by reading the keys in document order."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return []
    if not isinstance(data, dict):
        return []
    out: list[CodeParam] = []
    pos = 0
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def line_of(offset: int) -> int:
        lo, hi = 0, len(line_starts)
        while lo < hi:
            mid = (lo + hi) // 2
            if line_starts[mid] <= offset:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def walk(obj: dict[str, object], prefix: str) -> None:
        nonlocal pos
        for k, v in obj.items():
            at = text.find(json.dumps(k), pos)
            if at >= 0:
                pos = at + len(k) + 2
            path = f"{prefix}.{k}" if prefix else k
            if isinstance(v, dict):
                walk(v, path)
                continue
            if len(out) >= limit:
                return
            scalar = isinstance(v, bool | int | float | str)
            flat = (
                isinstance(v, list)
                and len(v) <= 32
                and all(isinstance(x, int | float | str) for x in v)
            )
            if not (scalar or flat):
                continue
            raw = v if isinstance(v, str) else json.dumps(v)
            if isinstance(v, int | float) and not isinstance(v, bool):
                m = re.match(r"\s*:\s*([-+0-9.eE]+)", text[pos:])
                raw = m.group(1) if m else raw
            out.append(CodeParam(path, raw, rel, line_of(at) if at >= 0 else 1, "json"))

    try:
        walk(data, "")
    except RecursionError:
        return out
    return out
