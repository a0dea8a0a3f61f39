"""Parameters of XML launch files (ROS 1 `*.launch`, ROS 2 `*.launch.xml`, and XML files
in a `launch/` folder): `<param name="threshold" value="0.035"/>` (kind `xml`) and
`<arg name="rate" default="10"/>` (the argument's default, or its value when set), each
at the line of its tag; each `<node pkg="P" type="T"/>` is a `launch` of package P. A value that substitutes another (`$(arg rate)`) is kept as
written. The tags are read with a bounded pattern, not an XML parser: a launch file is
often not well-formed, and entity expansion is never done."""

from __future__ import annotations

import re

from arakit.compiler.repo.params.model import CodeParam

MAX_PARAMS = 500
MAX_BYTES = 1024 * 1024
_NODE = re.compile(r"<node\b([^<>]{0,2000}?)/?>", re.S)
_TAG = re.compile(r"<(param|arg)\b([^<>]{0,2000}?)/?>", re.S)
_ATTR = re.compile(r"([\w:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def is_launch_xml(rel: str) -> bool:
    """ROS launch files: `*.launch`, `*.launch.xml`, and `*.xml` in a `launch/` folder."""
    low = rel.lower()
    return low.endswith((".launch", ".launch.xml")) or (
        low.endswith(".xml") and "/launch/" in f"/{low}"
    )


def launch_xml_params(text: str, rel: str) -> list[CodeParam]:
    """`<param>` values and `<arg>` defaults of one launch file (see the module doc)."""
    if len(text) > MAX_BYTES:
        return []
    code = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    out: list[CodeParam] = []
    for m in _TAG.finditer(code):
        attrs = {
            a.group(1): a.group(2) if a.group(2) is not None else a.group(3)
            for a in _ATTR.finditer(m.group(2))
        }
        name = attrs.get("name", "")
        value = attrs.get("value", attrs.get("default"))
        if not name or value is None:
            continue
        line = code.count("\n", 0, m.start()) + 1
        help_ = attrs.get("doc", "") or (f"type {attrs['type']}" if "type" in attrs else "")
        out.append(CodeParam(name, value, rel, line, "xml", help_, m.group(1)))
        if len(out) >= MAX_PARAMS:
            break
    for m in _NODE.finditer(code):
        attrs = {
            a.group(1): a.group(2) if a.group(2) is not None else a.group(3)
            for a in _ATTR.finditer(m.group(1))
        }
        if attrs.get("pkg"):  # the program the launch file runs: a node of a package
            line = code.count("\n", 0, m.start()) + 1
            what = f"{attrs['pkg']} {attrs.get('type', attrs.get('exec', ''))}".strip()
            out.append(CodeParam("", what, rel, line, "launch", "", f"pkg:{attrs['pkg']}"))
    return out
