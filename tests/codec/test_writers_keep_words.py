"""Every writer keeps every word: `ara fmt`, `ara check --fix` and the live writers, on every
corpus artifact and on generated Markdown and YAML in the shapes other tools write.

A writer may refuse a file (and say why); it may never write one that lost a word of the
original (IDs compared in canonical spelling) or that reads back as something else."""

from __future__ import annotations

import copy
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arakit.codec import yamlio
from arakit.codec.content import lost_words
from arakit.codec.fmt import format_artifact, write_result
from arakit.codec.lint import fix_artifact
from arakit.codec.logic import read_entity_doc
from arakit.codec.md_update import entity_finder, render_entity, update_entity_text
from arakit.codec.trace import read_trace
from arakit.codec.trace_update import update_trace_text
from arakit.errors import WriteRefusedError
from arakit.model.claim import Claim
from arakit.model.trace import TraceNode
from tests.conftest import make_tree


def _texts(root: Path) -> dict[str, str]:
    out = {}
    for p in root.rglob("*"):
        if p.is_file() and ".ara-cache" not in p.parts:
            try:
                out[p.relative_to(root).as_posix()] = p.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
    return out


def _assert_kept(before: dict[str, str], root: Path) -> None:
    after = _texts(root)
    for rel, text in before.items():
        assert rel in after, f"{rel} was deleted"
        lost = lost_words(text, after[rel])
        assert not lost, f"{rel} lost {dict(lost)}"


@pytest.mark.slow
def test_fmt_fix_and_live_writers_keep_every_word_of_every_corpus_artifact(
    real_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from arakit.live.capture import add_note

    monkeypatch.setenv("ARA_LIVE_SYNC", "1")
    for src in sorted(p for p in (real_corpus / "artifacts").iterdir() if p.is_dir()):
        root = tmp_path / src.name
        shutil.copytree(src, root)
        before = _texts(root)
        write_result(root, format_artifact(root))
        fix_artifact(root)
        add_note(root, "We decided to keep the smaller model because it trains faster")
        add_note(root, "Which optimiser did the baseline use?")
        _assert_kept(before, root)


# -- generated Markdown: claims in every spelling other tools use -----------------------------
_word = st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8)
_phrase = st.lists(_word, min_size=1, max_size=6).map(" ".join)
_label = st.sampled_from(
    ["Statement", "Status", "Falsification", "Falsification criteria", "Proof", "Conditions",
     "Sources", "Provenance", "Tags", "Dependencies", "Confidence", "Evidence output"]
)  # fmt: skip


@st.composite
def _claims_md(draw: Any) -> str:
    out = []
    if draw(st.booleans()):
        out.append(f"---\nowner: {draw(_word)}\n---\n")
    out.append("# Claims\n")
    if draw(st.booleans()):
        out.append(draw(_phrase) + ".\n")
    for k in range(1, draw(st.integers(1, 4)) + 1):
        ident = f"C{k:02d}" if draw(st.booleans()) else f"C{k}"
        sep = draw(st.sampled_from([": ", " — ", " - ", ". "]))
        out.append(f"## {ident}{sep}{draw(_phrase)}")
        para = draw(st.booleans())
        for _ in range(draw(st.integers(0, 4))):
            label = draw(_label)
            qual = " (optional)" if draw(st.integers(0, 5)) == 0 else ""
            value = draw(_phrase)
            if label in ("Proof", "Dependencies") and draw(st.booleans()):
                value = "[" + ", ".join(f"E{draw(st.integers(1, 12))}" for _ in range(2)) + "]"
            out.append(f"**{label}**{qual}: {value}\n" if para else f"- **{label}**{qual}: {value}")
        if draw(st.booleans()):
            out.append(f"\n{draw(_phrase)}.[^{k}]\n\n[^{k}]: {draw(_phrase)}.")
        if draw(st.booleans()):
            out.append(f"\n| {draw(_word)} | {draw(_word)} |\n|---|---|\n| 1 | 2 |")
        out.append("")
    return "\n".join(out) + ("\n" if draw(st.booleans()) else "")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_claims_md(), canonical=st.booleans())
def test_fmt_on_generated_claims_keeps_every_word_or_refuses(text: str, canonical: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_tree(Path(tmp), {"logic/claims.md": text})
        result = format_artifact(root, canonical=canonical)
        write_result(root, result)
        after = (root / "logic/claims.md").read_text()
        if after == text:
            return
        if not canonical:
            assert not lost_words(text, after)
        again = read_entity_doc(after, "logic/claims.md", Claim, "C")[0]
        assert [c.id for c in again] == [
            c.id for c in read_entity_doc(text, "logic/claims.md", Claim, "C")[0]
        ]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_claims_md(), status=_word, statement=_phrase)
def test_claim_edits_on_generated_claims_change_only_their_field(
    text: str, status: str, statement: str
) -> None:
    read = lambda t: read_entity_doc(t, "logic/claims.md", Claim, "C")[0]  # noqa: E731
    before = read(text)
    after = copy.deepcopy(before)
    if after:
        after[0].status = status
    after.append(Claim(id=f"C{len(before) + 1:02d}", title="new", statement=statement))
    try:
        out = update_entity_text(
            text, "logic/claims.md", read, lambda c: c.id, entity_finder("C"), before, after,
            render_entity,
        )  # fmt: skip
    except WriteRefusedError:
        return
    lost = lost_words(text, out)
    old_status = before[0].status if before else None
    assert not lost or (old_status and set(lost) <= set(old_status.split()) | {"Status"})
    assert [c.id for c in read(out)] == [c.id for c in after]


# -- generated YAML: traces in every form, with comments, a node added ------------------------
_scalar = st.one_of(_phrase, st.integers(0, 99), st.booleans())


@st.composite
def _node(draw: Any, ident: int) -> dict[str, Any]:
    node: dict[str, Any] = {"id": f"N{ident:02d}", "type": draw(st.sampled_from(
        ["question", "experiment", "decision", "dead_end", "pivot", "observation"]))}  # fmt: skip
    for key in draw(st.lists(st.sampled_from(
        ["title", "evidence", "prior_direction", "reason", "status", "timestamp", "lesson"]),
        max_size=4, unique=True)):  # fmt: skip
        node[key] = draw(st.one_of(_scalar, st.lists(_phrase, max_size=2)))
    return node


@st.composite
def _trace_text(draw: Any) -> str:
    n = draw(st.integers(1, 5))
    nodes = [draw(_node(k)) for k in range(1, n + 1)]
    if n > 1 and draw(st.booleans()):
        nodes[0]["children"] = [nodes.pop()]
    form = draw(st.sampled_from(["tree", "root", "nodes"]))
    data: Any = {"root": {**nodes[0], "children": nodes[1:]}} if form == "root" else {form: nodes}
    text = yamlio.dump(data)
    lines = text.split("\n")
    for at in draw(st.lists(st.integers(0, len(lines)), max_size=3)):
        probe = [*lines[:at], "# zqkeep note", *lines[at:]]
        try:
            if yamlio.load("\n".join(probe), "t") == yamlio.load(text, "t"):
                lines = probe
        except Exception:
            continue
    return "\n".join(lines)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_trace_text(), under_first=st.booleans())
def test_adding_a_node_to_a_generated_trace_keeps_every_word(text: str, under_first: bool) -> None:
    before = read_trace(text)
    after = before.model_copy(deep=True)
    new = TraceNode(id="N99", type="decision", title="keep the small model", choice="small")
    if under_first and after.tree:
        after.tree[0].children.append(new)
    else:
        after.tree.append(new)
    try:
        out = update_trace_text(text, "trace/exploration_tree.yaml", before, after)
    except WriteRefusedError:
        return
    assert not lost_words(text, out)
    assert "N99" in [n.id for n in read_trace(out).nodes()]
