"""YAML in (with line numbers, via the C parser when present) and canonical YAML out."""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from typing import Any

from arakit.errors import ParseError


class Located(dict):  # type: ignore[type-arg]
    """A YAML mapping that remembers its 1-based line, and the line of each key."""

    line: int = 0
    key_lines: dict[Any, int]


class Commented(dict):  # type: ignore[type-arg]
    """A mapping to emit with comments: `comments[key]` ends the key's line, and
    `comments["^" + key]` holds whole comment lines written above the key."""

    comments: dict[str, str]


class LocatedList(list):  # type: ignore[type-arg]
    """A YAML sequence that remembers its 1-based line."""

    line: int = 0


PLAIN = "tag:arakit:plain"


@lru_cache(maxsize=1)
def _yaml():  # type: ignore[no-untyped-def]
    from ruamel.yaml import YAML
    from ruamel.yaml.nodes import ScalarNode, SequenceNode
    from ruamel.yaml.resolver import VersionedResolver

    class PlainResolver(VersionedResolver):  # type: ignore[misc]
        """Leaves untagged plain scalars for `_plain` to type: ruamel's versioned resolver
        costs more than the whole C parse of a trace file."""

        def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
            if kind is ScalarNode:
                return PLAIN if implicit[0] else "tag:yaml.org,2002:str"
            return "tag:yaml.org,2002:seq" if kind is SequenceNode else "tag:yaml.org,2002:map"

    yaml = YAML(typ="safe")
    yaml.Resolver = PlainResolver
    return yaml


_INT_RE = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$|^0o[0-7_]+$|^0x[0-9a-fA-F_]+$")
_DEPTH_LIMIT = 200


def load(text: str, file: str, line_offset: int = 0) -> Any:
    """Parse YAML text; mappings and lists carry `.line`. Errors name line and column."""
    return load_with_nodes(text, file, line_offset)[0]


def load_with_nodes(text: str, file: str, line_offset: int = 0) -> tuple[Any, Any]:
    """(data, node tree) of a YAML text: the data as `load` gives it, and the composed nodes
    with their character positions, for writers that edit the text in place."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    from arakit.codec.guard import check_yaml_aliases, check_yaml_nesting

    check_yaml_nesting(text, file, line_offset)
    try:
        node = _yaml().compose(text)
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 + line_offset if mark else None
        col = mark.column + 1 if mark else None
        what = " ".join(filter(None, [e.context, e.problem])) or "malformed YAML"
        raise ParseError(
            f"malformed YAML: {what}",
            file=file,
            line=line,
            column=col,
            hint="check indentation and quoting on that line",
        ) from None
    except (YAMLError, ValueError, TypeError, RecursionError) as e:
        raise ParseError(
            f"malformed YAML: {e}", file=file, line=None, hint="check the file's YAML syntax"
        ) from None
    if node is None:
        return None, None
    if "*" in text:  # aliases: refuse a document that would expand without bound
        check_yaml_aliases(node, file, line_offset)
    return _build(node, file, line_offset, 0, {}), node


def _build(node: Any, file: str, off: int, depth: int, seen: dict[int, Any]) -> Any:
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    if depth > _DEPTH_LIMIT:
        raise ParseError(
            f"YAML nested deeper than {_DEPTH_LIMIT} levels",
            file=file,
            line=node.start_mark.line + 1 + off,
            hint="flatten the structure",
        )
    if id(node) in seen:  # an alias: share the value, as YAML means
        return seen[id(node)]
    line = node.start_mark.line + 1 + off
    if isinstance(node, MappingNode):
        out = Located()
        out.line = line
        out.key_lines = {}
        seen[id(node)] = out
        for knode, vnode in node.value:
            key = _build(knode, file, off, depth + 1, seen)
            if not isinstance(key, (dict, list)):
                out.key_lines[key] = knode.start_mark.line + 1 + off
            if _tag(knode) == "tag:yaml.org,2002:merge" or (
                key == "<<" and isinstance(vnode, MappingNode)
            ):
                merged = _build(vnode, file, off, depth + 1, seen)
                if isinstance(merged, dict):
                    for k, v in merged.items():
                        out.setdefault(k, v)
                continue
            if isinstance(key, (dict, list)):
                key = json.dumps(key, default=str)
            out[key] = _build(vnode, file, off, depth + 1, seen)
        return out
    if isinstance(node, SequenceNode):
        lst = LocatedList()
        lst.line = line
        seen[id(node)] = lst
        lst.extend(_build(v, file, off, depth + 1, seen) for v in node.value)
        return lst
    return _scalar(node)


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_PLAIN_INT_RE = re.compile(r"^[-+]?[0-9][0-9_]*$|^0o[0-7_]+$|^0x[0-9a-fA-F_]+$")
_PLAIN_FLOAT_RE = re.compile(
    r"^[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?$"
    r"|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$"
)


def _plain(v: str) -> Any:
    """Type an untagged plain scalar by the YAML 1.2 core schema (timestamps stay text)."""
    if v in _NULLS:
        return None
    if v in _TRUE:
        return True
    if v in _FALSE:
        return False
    c = v[0]
    if not (c.isdigit() or c in "+-."):
        return v
    if _PLAIN_INT_RE.match(v):
        return _scalar_as(":int", v)
    if _PLAIN_FLOAT_RE.match(v):
        return _scalar_as(":float", v)
    return v


def _tag(node: Any) -> str:
    """A node's tag without ruamel's per-node URI decoding (the slowest part of a load)."""
    ct = node.ctag
    if ct.handle is None and "%" not in ct.suffix:
        return str(ct.suffix)
    return str(node.tag)


def _scalar(node: Any) -> Any:
    tag = _tag(node)
    if tag == PLAIN:
        return _plain(node.value)
    return _scalar_as(tag, node.value)


def _scalar_as(tag: str, v: str) -> Any:
    if tag.endswith(":null"):
        return None
    if tag.endswith(":bool"):
        return v.lower() in ("true", "yes", "on")
    if tag.endswith(":int"):
        s = v.replace("_", "")
        try:
            return int(s, 0) if _INT_RE.match(v) and not re.match(r"^[-+]?0\d", s) else int(s)
        except ValueError:
            return v
    if tag.endswith(":float"):
        low = v.lower()
        if low in (".inf", "+.inf"):
            return math.inf
        if low == "-.inf":
            return -math.inf
        if low == ".nan":
            return math.nan
        try:
            return float(v.replace("_", ""))
        except ValueError:
            return v
    return v  # strings, timestamps (kept as written), binary, unknown tags


# -- writing ----------------------------------------------------------------------------------
_PLAIN_RE = re.compile(r"^[A-Za-z_][\w .,()/+'=<>%~$?!;*&^\"@-]*$")
# ruamel cannot read a plain scalar holding ? inside a flow collection ([A?] fails to load)
_FLOW_UNSAFE = re.compile(r"[,?\[\]{}]")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}


def scalar(v: Any, flow: bool = False) -> str:
    """One scalar in canonical YAML: plain when unambiguous, else double-quoted."""
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isnan(v):
            return ".nan"
        if math.isinf(v):
            return ".inf" if v > 0 else "-.inf"
        return repr(v)
    s = str(v)
    if (
        _PLAIN_RE.match(s)
        and s == s.strip()
        and s.lower() not in _RESERVED
        and ": " not in s
        and " #" not in s
        and not s.endswith(":")
        and not (flow and _FLOW_UNSAFE.search(s))
    ):
        return s
    return quoted(s)


def _yaml_printable(c: str) -> bool:
    o = ord(c)
    return (
        0x20 <= o <= 0x7E
        or (0xA0 <= o <= 0xD7FF and o not in (0x2028, 0x2029))
        or 0xE000 <= o <= 0xFFFD
        or 0x10000 <= o <= 0x10FFFF
    )


def flow(v: Any) -> str:
    """A value in flow style on one line (`[a, b]`, `{k: v}`), nested as deep as it goes."""
    if isinstance(v, dict):
        return "{" + ", ".join(f"{scalar(k, True)}: {flow(x)}" for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(flow(x) for x in v) + "]"
    if isinstance(v, str) and "\n" in v:
        return quoted(v)
    return scalar(v, True)


def quoted(s: str) -> str:
    """A double-quoted YAML scalar; characters YAML cannot hold raw are escaped (`\\x7f`,
    `\\U0002ebe1`): JSON's surrogate-pair escapes are not valid YAML."""
    out = ['"']
    for c in s:
        if c in '"\\':
            out.append("\\" + c)
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        elif _yaml_printable(c):
            out.append(c)
        elif ord(c) <= 0xFF:
            out.append(f"\\x{ord(c):02x}")
        elif ord(c) <= 0xFFFF:
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(f"\\U{ord(c):08x}")
    out.append('"')
    return "".join(out)


def _block_literal(s: str, ind: str) -> str | None:
    """A `|`/`|-` block for multi-line text, or None when the text cannot round-trip in one."""
    if "\n" not in s or s.startswith((" ", "\n")) or s.endswith("\n\n"):
        return None
    if any(ln != ln.rstrip() or not ln.isprintable() for ln in s.split("\n")):
        return None
    head = "|" if s.endswith("\n") else "|-"
    body = s[:-1] if s.endswith("\n") else s
    return head + "\n" + "\n".join((ind + ln) if ln else "" for ln in body.split("\n"))


def dump(data: Any) -> str:
    """Canonical YAML: key order as given, block style, flow lists of scalars, `- ` at indent."""
    lines: list[str] = []
    _emit(data, 0, lines)
    return "\n".join(lines) + "\n"


def _is_scalar(v: Any) -> bool:
    return not isinstance(v, (dict, list))


def _emit(v: Any, level: int, out: list[str]) -> None:
    ind = "  " * level
    if isinstance(v, dict):
        notes: dict[str, str] = getattr(v, "comments", None) or {}
        for k, val in v.items():
            key = scalar(k)
            above, eol = notes.get(f"^{k}"), notes.get(str(k))
            if above:
                out.extend(ind + c for c in above.split("\n"))
            start = len(out)
            if _is_scalar(val):
                lit = _block_literal(val, ind + "  ") if isinstance(val, str) else None
                out.append(f"{ind}{key}: {lit or scalar(val)}")
            elif (
                isinstance(val, list)
                and (not val or all(_is_scalar(x) for x in val))
                and len(one_line := f"{ind}{key}: [{', '.join(scalar(x, True) for x in val)}]")
                <= 100
            ):
                out.append(one_line)
            elif (
                isinstance(val, dict)
                and (not val or all(_is_scalar(x) for x in val.values()))
                and len(val) <= 3
            ):
                inner = ", ".join(f"{scalar(a, True)}: {scalar(b, True)}" for a, b in val.items())
                out.append(f"{ind}{key}: {{{inner}}}")
            else:
                out.append(f"{ind}{key}:")
                _emit(val, level + 1, out)
            if eol:
                first, _, rest = out[start].partition("\n")
                out[start] = f"{first}  {eol}" + (f"\n{rest}" if rest else "")
    elif isinstance(v, list):
        for item in v:
            if isinstance(item, dict) and item:
                sub: list[str] = []
                _emit(item, level + 1, sub)
                k = 0
                while sub[k].lstrip().startswith("#"):  # comments above the item's first key
                    sub[k] = ind + sub[k].lstrip()
                    k += 1
                sub[k] = ind + "- " + sub[k][len(ind) + 2 :]
                out.extend(sub)
            elif _is_scalar(item):
                out.append(f"{ind}- {scalar(item)}")
            else:
                out.append(f"{ind}- {flow(item)}")
    else:
        out.append(ind + scalar(v))
