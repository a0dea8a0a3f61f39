"""src/: Markdown configs and reproduce.yaml ⇄ ConfigFile and ReproducePlan."""

from __future__ import annotations

from typing import Any

from arakit.codec import yamlio
from arakit.codec.fields import read_entity, write_fields
from arakit.codec.logic import _sections, _title, section_of
from arakit.codec.markdown import front_matter_of, parse, parts, with_front_matter
from arakit.errors import ParseError
from arakit.model.base import SourcePos
from arakit.model.config import ConfigFile, ConfigParam
from arakit.model.ids import normalize_id
from arakit.model.run import Expectation, ReproducePlan, Run, Tolerance


def read_config(text: str, file: str) -> ConfigFile:
    """src/configs/*.md: every `## Parameter` section is a parameter."""
    fm, body, offset = front_matter_of(text, file)
    doc = parse(body, file, offset)
    before, ps = parts(doc, 2)
    title, pre = _title(doc, before)
    cfg = ConfigFile.build(
        path=file,
        title=title,
        preamble=doc.join(pre),
        front_matter=fm,
        pos=SourcePos.build(file=file, line=1),
    )
    for p in ps:
        assert p.heading is not None
        if p.heading.level == 1:  # a second `#` heading: keep it as written
            cfg.extra_sections.append(section_of(doc, p))
            continue
        cfg.params.append(
            read_entity(
                ConfigParam,
                doc,
                p.blocks,
                SourcePos.build(file=file, line=doc.lineno(p.heading.start)),
                name=p.heading.text,
            )
        )
    return cfg


def write_config(cfg: ConfigFile) -> str:
    """Canonical config file."""
    out = [f"# {cfg.title or 'Configuration'}"]
    if cfg.preamble:
        out.append(cfg.preamble)
    for prm in cfg.params:
        out.append(f"## {prm.name}")
        body = write_fields(prm)
        if body:
            out.append(body)
    out += _sections(cfg.extra_sections)
    return with_front_matter(cfg.front_matter, "\n\n".join(out) + "\n")


# -- reproduce.yaml ---------------------------------------------------------------------------
def read_reproduce(text: str, file: str = "src/reproduce.yaml") -> ReproducePlan:
    """Parse the reproduction plan; wrong shapes are refused with the line they are on."""
    data = yamlio.load(text, file)
    if data is None:
        return ReproducePlan.build(pos=SourcePos.build(file=file, line=1))
    if not isinstance(data, dict) or not isinstance(data.get("runs", []), list):
        raise ParseError(
            "expected `runs:` followed by a list of runs",
            file=file,
            line=getattr(data, "line", 1),
            hint="see docs/format.md#reproduce-yaml",
        )
    runs = [_run(r, file) for r in data.get("runs") or []]
    extra = {str(k): v for k, v in data.items() if k != "runs"}
    return ReproducePlan.build(runs=runs, extra=extra, pos=SourcePos.build(file=file, line=1))


def _need_map(v: Any, what: str, file: str, line: Any) -> dict[Any, Any]:
    if not isinstance(v, dict):
        raise ParseError(
            f"expected {what} as a mapping, got {v!r:.60}", file=file, line=getattr(v, "line", line)
        )
    return v


def _run(d: Any, file: str) -> Run:
    d = _need_map(d, "a run (id, command, ...)", file, 1)
    line = getattr(d, "line", None)
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for k, v in d.items():
        key = str(k)
        if key == "id" and isinstance(v, (str, int)):
            values["id"] = normalize_id(str(v))
        elif key in ("experiment", "command") and isinstance(v, (str, int)):
            values[key] = normalize_id(str(v)) if key == "experiment" else str(v)
        elif key == "seeds" and isinstance(v, list):
            values[key] = list(v)
        elif key == "timeout_s" and isinstance(v, (int, float)) and not isinstance(v, bool):
            values[key] = v
        elif key == "outputs" and (
            isinstance(v, str) or (isinstance(v, list) and all(isinstance(x, str) for x in v))
        ):
            values[key] = v if isinstance(v, str) else list(v)
        elif key == "expect" and isinstance(v, list):
            values[key] = [_expect(e, file, line) for e in v]
        else:
            extra[key] = v
    values.setdefault("id", "")
    return Run.build(**values, extra=extra, pos=SourcePos.build(file=file, line=line))


def _expect(d: Any, file: str, line: Any) -> Expectation:
    d = _need_map(d, "an expectation (metric, evidence, row, column, tolerance)", file, line)
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for k, v in d.items():
        key = str(k)
        if (
            key == "tolerance"
            and isinstance(v, dict)
            and set(map(str, v)) <= {"abs", "rel"}
            and all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in v.values())
        ):
            tol = {str(a): float(b) for a, b in v.items()}
            values[key] = Tolerance.build(abs=tol.get("abs"), rel=tol.get("rel"))
        elif (
            key in ("metric", "claim", "evidence", "row", "column")
            and isinstance(v, (str, int, float))
            and not isinstance(v, bool)
        ):
            values[key] = normalize_id(str(v)) if key == "claim" else str(v)
        else:
            extra[key] = v
    values.setdefault("metric", "")
    return Expectation.build(
        **values,
        extra=extra,
        pos=SourcePos.build(file=file, line=getattr(d, "line", line)),
    )


def write_reproduce(plan: ReproducePlan) -> str:
    """Canonical reproduce.yaml."""
    runs = []
    for r in plan.runs:
        d: dict[str, Any] = {"id": r.id}
        for key in ("experiment", "command", "seeds", "timeout_s", "outputs"):
            v = getattr(r, key)
            if v is not None:
                d[key] = v
        d.update(r.extra)
        if r.expect:
            d["expect"] = [_expect_dict(e) for e in r.expect]
        runs.append(d)
    data: dict[str, Any] = {"runs": runs}
    data.update(plan.extra)
    return yamlio.dump(data)


def _expect_dict(e: Expectation) -> dict[str, Any]:
    d: dict[str, Any] = {}
    for key in ("metric", "claim", "evidence", "row", "column"):
        v = getattr(e, key)
        if v is not None:
            d[key] = v
    if e.tolerance is not None:
        d["tolerance"] = {
            k: v for k, v in (("abs", e.tolerance.abs), ("rel", e.tolerance.rel)) if v is not None
        }
    d.update(e.extra)
    return d
