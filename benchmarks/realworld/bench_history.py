"""Dead ends and pivots found in the corpus repositories' history, scored against truth.

Truth: ``truth/papers/<pair>/history.yaml``, read from each bundle by hand (see the header of
each file for what counts). Each pair is compiled as a user would: ``compile_sources`` on
its paper.pdf and a clone of its repo.bundle holding every ref (the compile shared with
other benchmarks through ``compiled.py``), and the trace is read back from the written
artifact.

Definitions (per pair, summed for the total):

- **history node**: a ``dead_end`` or ``pivot`` node whose source_refs name a commit (a
  hexadecimal hash of 7 to 40 characters); paper-derived nodes are not counted.
- **match**: a history node matches a truth item when one of its source_refs is one of the
  item's commits (truth hashes are 10-character prefixes; a hash missing from the bundle is
  found by its subject and date) and, when the item lists files, the node's text (title,
  fields and ``files``) names one of them by file name.
- **dead-end recall**: truth items (dead ends and pivots) matched by at least one node /
  all truth items. **precision**: history nodes that match some item / all history nodes.
- **commits read**: commits counted by the compiled trace's history summary / commits on
  every ref of the bundle (``git rev-list --all`` on a clone with every ref fetched).
- **nodes dropped silently**: findings, main-line commits and refs that are neither given a
  node nor counted in the history summary node (must be 0).
- **trace errors**: Seal Level 1 errors and warnings on trace/exploration_tree.yaml other
  than the count rules (structure, fields, references; must be 0).
- **compile seconds**: wall time of the whole compile of the pair (PDF, repository, history).
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ruamel.yaml import YAML

from benchmarks.realworld import corpus
from benchmarks.realworld.compiled import compiled

_HASH = re.compile(r"^[0-9a-f]{7,40}$")


@dataclass
class Item:
    """One truth item: its id, its commits (full hashes of this bundle) and file names."""

    id: str
    commits: list[str]
    names: list[str]


def _truth(pair: Path) -> dict[str, Any] | None:
    """The pair's history truth, or None when no truth file was written for it."""
    path = corpus.TRUTH / "papers" / pair.name / "history.yaml"
    if not path.is_file():
        return None
    return dict(YAML(typ="safe").load(path.read_text(encoding="utf-8")))


def _resolver(clone: Path) -> tuple[list[str], dict[tuple[str, str], str]]:
    out = subprocess.run(
        ["git", "-C", str(clone), "log", "--all", "--format=%H%x1f%ad%x1f%s", "--date=short"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    shas: list[str] = []
    by_subject: dict[tuple[str, str], str] = {}
    for line in out.splitlines():
        sha, date, subject = line.split("\x1f", 2)
        shas.append(sha)
        by_subject.setdefault((date, subject), sha)
    return shas, by_subject


def _items(truth: dict[str, Any], clone: Path) -> list[Item]:
    shas, by_subject = _resolver(clone)
    items = []
    for it in truth.get("items") or []:
        commits = []
        for c in it["commits"]:
            full = next((s for s in shas if s.startswith(str(c["sha"]))), None)
            full = full or by_subject.get((str(c["date"]), str(c["subject"])))
            if full is None:
                raise ValueError(f"{it['id']}: commit {c} is not in the bundle")
            commits.append(full)
        names = [PurePosixPath(f).name for f in it.get("files") or []]
        items.append(Item(str(it["id"]), commits, names))
    return items


def _text(node: Any) -> str:
    fields = [
        node.title,
        node.hypothesis,
        node.failure_mode,
        node.lesson,
        node.from_,
        node.to,
        node.trigger,
        node.result,
        " ".join(str(f) for f in node.extra.get("files") or []),
    ]
    return " ".join(f for f in fields if f)


def _matches(node: Any, item: Item) -> bool:
    refs = [str(r) for r in node.source_refs or []]
    if not any(r in item.commits for r in refs):
        return False
    text = _text(node)
    return not item.names or any(name in text for name in item.names)


def _history_nodes(trace: Any) -> list[Any]:
    return [
        n
        for n in trace.nodes()
        if n.type in ("dead_end", "pivot") and any(_HASH.match(str(r)) for r in n.source_refs or [])
    ]


def _dropped(trace: Any) -> tuple[int, dict[str, Any]]:
    summary = next(
        (
            n
            for n in trace.nodes()
            if "history" in n.extra and (n.title or "").startswith("Version")
        ),
        None,
    )
    if summary is None:
        return 1, {}
    h = summary.extra["history"]
    shown = sum(1 for n in trace.nodes() if "pattern" in n.extra)
    missing = (
        abs(sum(h["findings"].values()) - h["finding_nodes"] - h["findings_folded"])
        + abs(h["commits_main"] - h["commit_nodes"] - h["commits_folded"])
        + abs(h["finding_nodes"] - shown)
        + abs(h["refs_read"] - len(h["refs"]))
    )
    return missing, h


def _trace_errors(out: Path) -> int:
    from arakit.seal.level1 import validate

    return sum(
        1
        for f in validate(out).findings
        if f.file.endswith("exploration_tree.yaml") and not f.code.startswith("L1-COUNT")
    )


def _all_commits(clone: Path) -> int:
    out = subprocess.run(
        ["git", "-C", str(clone), "rev-list", "--all", "--count"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return int(out.strip())


def run() -> dict[str, float]:
    """Score every pair; print one line each and return the totals."""
    from arakit.codec import read_artifact

    tot = dict.fromkeys(("items", "found", "nodes", "right", "read", "all", "dropped", "errors"), 0)
    seconds: list[float] = []
    for pair in corpus.papers():
        truth = _truth(pair)
        if truth is None:
            print(f"{pair.name:<20} no truth file")
            continue
        clone = corpus.clone(pair)
        items = _items(truth, clone)
        c = compiled(pair, with_repo=True)
        trace = read_artifact(c.artifact).trace
        nodes = _history_nodes(trace)
        found = sum(1 for it in items if any(_matches(n, it) for n in nodes))
        right = sum(1 for n in nodes if any(_matches(n, it) for it in items))
        dropped, h = _dropped(trace)
        read, every = int(h.get("commits_read", 0)), _all_commits(clone)
        errors = _trace_errors(c.artifact)
        seconds.append(c.seconds)
        for key, value in (
            ("items", len(items)),
            ("found", found),
            ("nodes", len(nodes)),
            ("right", right),
            ("read", read),
            ("all", every),
            ("dropped", dropped),
            ("errors", errors),
        ):
            tot[key] += value
        print(
            f"{pair.name:<20} dead ends {found}/{len(items)}  nodes right {right}/{len(nodes)}  "
            f"commits read {read}/{every}  refs {h.get('refs_read', 0)}  dropped {dropped}  "
            f"trace errors {errors}  {c.seconds:.1f} s"
        )
        if os.environ.get("ARA_BENCH_VERBOSE"):  # what was missed and what matched nothing
            for it in items:
                if not any(_matches(n, it) for n in nodes):
                    print(f"    missed {it.id}: {[s[:7] for s in it.commits]} {it.names[:3]}")
            for n in nodes:
                if not any(_matches(n, it) for it in items):
                    refs = [str(r)[:7] for r in n.source_refs or []][:4]
                    print(f"    unmatched {n.type} {n.extra.get('pattern')} {refs} {n.title}")
    return {
        "dead_end_recall": round(tot["found"] / max(tot["items"], 1), 3),
        "dead_end_precision": round(tot["right"] / max(tot["nodes"], 1), 3),
        "truth_items": float(tot["items"]),
        "history_nodes": float(tot["nodes"]),
        "commits_read_share": round(tot["read"] / max(tot["all"], 1), 3),
        "nodes_dropped_silently": float(tot["dropped"]),
        "trace_errors": float(tot["errors"]),
        "compile_seconds_max": round(max(seconds, default=0.0), 2),
        "compile_seconds_total": round(sum(seconds), 2),
    }
