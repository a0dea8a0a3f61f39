"""Layout, PAPER.md and the counts the format asks for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from arakit.model.paper import REQUIRED_FRONT_MATTER

if TYPE_CHECKING:
    from arakit.seal.level1 import Checker

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


def check_layout(c: Checker) -> None:
    unreadable = {getattr(p, "file", None) for p in c.art.problems}
    for rel in MANDATORY:
        if rel not in c.files and rel not in unreadable:
            c.report("L1-LAYOUT-001", rel, None, f"mandatory file {rel} is missing")
    if not any(f.startswith("src/configs/") and f.endswith(".md") for f in c.files):
        c.report(
            "L1-LAYOUT-002",
            "src/configs",
            None,
            "src/configs/ holds no Markdown config file (training.md, model.md)",
        )


def check_paper(c: Checker) -> None:
    p = c.art.paper
    if p is None:
        return
    fm_present = bool(p.title or p.authors or p.extra or p.abstract or p.ara_version)
    if not fm_present:
        c.report("L1-PAPER-001", PAPER, 1, "PAPER.md has no YAML front matter")
    else:
        for key in REQUIRED_FRONT_MATTER:
            v = getattr(p, key)
            if v is None or v == "" or v == []:
                c.report("L1-PAPER-002", PAPER, 1, f"front matter key `{key}` is missing or empty")
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
        c.report("L1-PAPER-004", PAPER, None, "PAPER.md has no `## Layer Index` section")
        return
    listed = set()
    for lt in p.layer_index:
        line = lt.pos.line if lt.pos else None
        for k, f in enumerate(lt.files()):
            listed.add(f.rstrip("/"))
            if ".." in f.split("/") or f.startswith("/"):
                c.report(
                    "L1-READ-005",
                    PAPER,
                    line + 2 + k if line else None,
                    f"Layer Index path {f!r} leaves the artifact folder",
                )
            elif not c.exists(f):
                c.report(
                    "L1-PAPER-005",
                    PAPER,
                    line + 2 + k if line else None,
                    f"Layer Index lists {f}, which does not exist",
                )
    listed.update(p.listed_in_notes())  # an index written as a list, not as tables
    for rel in MANDATORY[1:]:
        if rel not in listed and rel in c.files:
            c.report("L1-PAPER-006", PAPER, None, f"mandatory file {rel} is not in the Layer Index")


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
        ev = [f for f in c.files if f.startswith("evidence/") and f != "evidence/README.md"]
        if not ev:
            c.report("L1-COUNT-007", "evidence", None, "evidence/ holds no file besides README.md")
    if a.problem is not None and (not a.problem.observations or not a.problem.gaps):
        missing = "observations" if not a.problem.observations else "gaps"
        c.report("L1-COUNT-009", "logic/problem.md", None, f"logic/problem.md has no {missing}")


CHECKS = (check_layout, check_paper, check_counts)
