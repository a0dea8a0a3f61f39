"""Layout, PAPER.md and the counts the format asks for."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from arakit.model.paper import REQUIRED_FRONT_MATTER, Paper

if TYPE_CHECKING:
    from arakit.seal.level1 import Checker

# Every writer creates these (upstream's compiler requires them; the research manager seeds
# them): missing is an error under every profile.
CORE = (
    "PAPER.md",
    "logic/problem.md",
    "logic/claims.md",
    "trace/exploration_tree.yaml",
    "evidence/README.md",
)
# Upstream's compiler checklist requires these too; the research manager does not seed them.
COMPILER_REQUIRED = (
    "logic/concepts.md",
    "logic/experiments.md",
    "logic/related_work.md",
    "logic/solution/constraints.md",
    "src/environment.md",
)
# Only this format (strict) requires them; upstream writes method files "as warranted".
STRICT_ONLY = (
    "logic/solution/architecture.md",
    "logic/solution/algorithm.md",
    "logic/solution/heuristics.md",
)
MANDATORY = (
    "PAPER.md",
    "logic/problem.md",
    "logic/claims.md",
    "logic/concepts.md",
    "logic/experiments.md",
    "logic/related_work.md",
    "logic/solution/architecture.md",
    "logic/solution/algorithm.md",
    "logic/solution/constraints.md",
    "logic/solution/heuristics.md",
    "src/environment.md",
    "trace/exploration_tree.yaml",
    "evidence/README.md",
)
PAPER = "PAPER.md"
# Upstream's checklist requires only these keys; the research manager seeds title and authors.
UPSTREAM_FRONT_MATTER = ("title", "authors", "year")
# A heading that introduces the layers: "Layer Index", "Layers", "Research layers".
_LAYERS_HEADING = re.compile(r"\blayers?\b", re.IGNORECASE)


def _missing_level(c: Checker, rel: str) -> str | None:
    if rel in CORE or c.strict:
        return None  # the rule's own severity: an error
    if rel in STRICT_ONLY:
        return "off"
    return "warning" if c.live else None


def check_layout(c: Checker) -> None:
    unreadable = {getattr(p, "file", None) for p in c.art.problems}
    for rel in MANDATORY:
        if rel not in c.files and rel not in unreadable:
            folder = c.root is not None and (c.root / rel).is_dir()
            c.report(
                "L1-LAYOUT-001",
                rel,
                None,
                f"{rel} is a folder, not a file" if folder else f"mandatory file {rel} is missing",
                level=_missing_level(c, rel),
            )
    if not any(f.startswith("src/configs/") and f.endswith(".md") for f in c.files):
        c.report(
            "L1-LAYOUT-002",
            "src/configs",
            None,
            "src/configs/ holds no Markdown config file (training.md, model.md)",
        )


def _layer_list(p: Paper) -> tuple[str, list[str]] | None:
    """(heading, paths) of a section that lists the layers without the words "Layer Index"
    (`## Layers`, `## Research layers`), as other writers head it."""
    for sec in p.extra_sections:
        if _LAYERS_HEADING.search(sec.heading):
            listed = Paper.build(layer_index_notes=sec.body).listed_in_notes()
            return sec.heading, listed
    return None


def check_paper(c: Checker) -> None:
    p = c.art.paper
    if p is None:
        return
    fm_present = bool(p.title or p.authors or p.extra or p.abstract or p.ara_version)
    if not fm_present:
        c.report("L1-PAPER-001", PAPER, 1, "PAPER.md has no YAML front matter")
    else:
        keys = REQUIRED_FRONT_MATTER if c.strict else UPSTREAM_FRONT_MATTER
        for key in keys:
            v = getattr(p, key)
            if v is None or v == "" or v == []:
                level = "warning" if c.live and key == "year" and c.upstream else None
                c.report(
                    "L1-PAPER-002",
                    PAPER,
                    1,
                    f"front matter key `{key}` is missing or empty",
                    level=level,
                )
        if p.ara_version and str(p.ara_version).strip().split(".")[0] != "1":
            c.report(
                "L1-PAPER-003",
                PAPER,
                1,
                f"ara_version is {p.ara_version!r}; this tool reads protocol version 1.x",
            )
        if p.year not in (None, "") and not str(p.year).isdigit():
            c.report("L1-PAPER-008", PAPER, 1, f"year should be a number, got {p.year!r}")
    if p.overview is None:
        c.report("L1-PAPER-007", PAPER, None, "PAPER.md has no `## Overview` section")
    if p.layer_index is None:
        other = _layer_list(p) if c.upstream else None
        if other is None:
            c.report("L1-PAPER-004", PAPER, None, "PAPER.md has no `## Layer Index` section")
            return
        heading, paths = other
        for f in _named(paths):
            _check_listed(c, f, None, f"`## {heading}` lists")
        return
    listed = set()
    for lt in p.layer_index:
        line = lt.pos.line if lt.pos else None
        for k, f in enumerate(lt.files()):
            listed.add(in_artifact(c, f).rstrip("/"))
            _check_listed(c, f, line + 2 + k if line else None, "Layer Index lists")
    listed.update(p.listed_in_notes())  # an index written as a list, not as tables
    if not p.layer_index and c.upstream:
        for f in _named(p.listed_in_notes()):
            _check_listed(c, f, None, "Layer Index lists")
    for rel in MANDATORY[1:]:
        if rel not in listed and rel in c.files:
            c.report("L1-PAPER-006", PAPER, None, f"mandatory file {rel} is not in the Layer Index")


def _named(listed: list[str]) -> list[str]:
    """The paths a list-form index names: `listed_in_notes` gives a nested item both as
    written (`claims.md`) and joined to its folder (`logic/claims.md`); keep the joined one."""
    return [f for f in listed if not any(q != f and q.endswith("/" + f) for q in listed)]


def _check_listed(c: Checker, f: str, line: int | None, where: str) -> None:
    if ".." in f.split("/") or f.startswith("/"):
        # a pointer into the working repository beside the artifact: upstream writers do it
        c.report(
            "L1-READ-005",
            PAPER,
            line,
            f"{where} {f!r}, which leaves the artifact folder",
            level="warning" if c.upstream else None,
        )
    elif not c.exists(in_artifact(c, f)):
        c.report("L1-PAPER-005", PAPER, line, f"{where} {f}, which does not exist")


# The folder name upstream gives an artifact inside its repository (`ara/`).
_ARTIFACT_FOLDER = "ara"


def in_artifact(c: Checker, path: str) -> str:
    """A path as written from the repository root through the artifact's own folder
    (`ara/logic/claims.md`, as writers that work in the repository list it) made relative to
    the artifact, when that is where the file is; otherwise the path unchanged."""
    head, _, rest = path.strip().removeprefix("./").partition("/")
    own = {_ARTIFACT_FOLDER, c.root.name if c.root else _ARTIFACT_FOLDER}
    if rest and head in own and not c.exists(path) and c.exists(rest):
        return rest
    return path


def _experiment_nodes(c: Checker) -> int:
    nodes = c.art.trace.nodes() if c.art.trace else []
    return sum(n.type == "experiment" for n in nodes)


def check_counts(c: Checker) -> None:
    a = c.art
    if a.concepts is not None and len(a.concepts) < 5:
        c.report(
            "L1-COUNT-001",
            "logic/concepts.md",
            None,
            f"{len(a.concepts)} concepts defined; the format asks for at least 5",
        )
    if a.experiments is not None and len(a.experiments) < 3:
        c.report(
            "L1-COUNT-002",
            "logic/experiments.md",
            None,
            f"{len(a.experiments)} experiments planned; the format asks for at least 3",
        )
    if a.claims is not None and not a.claims:
        c.report("L1-COUNT-008", "logic/claims.md", None, "no `## C01: title` claims found")
    evidence = [f for f in c.files if f.startswith("evidence/") and f != "evidence/README.md"]
    if (
        not a.experiments
        and not _experiment_nodes(c)
        and not evidence
        and (a.trace is not None or a.experiments is not None)
    ):
        c.report(
            "L1-COUNT-010",
            "trace/exploration_tree.yaml" if a.trace is not None else "logic/experiments.md",
            None,
            "nothing to judge: no experiment (neither in logic/experiments.md nor as a trace "
            "experiment node) and no evidence file",
        )
    if a.trace is not None:
        nodes = a.trace.nodes()
        tf = "trace/exploration_tree.yaml"
        if len(nodes) < 8:
            c.report(
                "L1-COUNT-003",
                tf,
                None,
                f"{len(nodes)} trace nodes; the format asks for at least 8",
            )
        types = {n.type for n in nodes}
        if "dead_end" not in types:
            c.report("L1-COUNT-004", tf, None, "no dead_end node: record at least one failure")
        if "decision" not in types:
            c.report("L1-COUNT-005", tf, None, "no decision node: record at least one choice")
    if c.exists("src") or c.exists("PAPER.md"):
        if not any(f.startswith("src/execution/") for f in c.files):
            c.report("L1-COUNT-006", "src/execution", None, "src/execution/ holds no file")
        if not evidence:
            c.report("L1-COUNT-007", "evidence", None, "evidence/ holds no file besides README.md")
    if a.problem is not None and (not a.problem.observations or not a.problem.gaps):
        missing = "observations" if not a.problem.observations else "gaps"
        c.report("L1-COUNT-009", "logic/problem.md", None, f"logic/problem.md has no {missing}")


CHECKS = (check_layout, check_paper, check_counts)
