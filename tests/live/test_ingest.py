"""`ara ingest`: Claude Code and generic JSONL transcripts, zsh and bash history; idempotent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from arakit.errors import ParseError, UsageError
from arakit.live.ingest import assertions, ingest
from tests.live.helpers import ara, events, load_yaml, tree

CLAUDE = [
    {"type": "summary", "summary": "tuning"},
    {
        "type": "user",
        "timestamp": "2026-03-02T09:00:00Z",
        "uuid": "u1",
        "message": {"role": "user", "content": "We decided to keep AdamW for every run."},
    },
    {
        "type": "assistant",
        "timestamp": "2026-03-02T09:00:10Z",
        "message": {
            "role": "assistant",
            "content": [
                {
                    "type": "text",
                    "text": "Let me check. The profile shows that the data loader causes "
                    "most of the stall. Should I look further?",
                },
                {
                    "type": "tool_use",
                    "id": "t1",
                    "name": "Bash",
                    "input": {"command": "python train.py --workers 8"},
                },
                {"type": "tool_use", "id": "t2", "name": "Read", "input": {"file_path": "a.py"}},
            ],
        },
    },
    {
        "type": "user",
        "timestamp": "2026-03-02T09:01:00Z",
        "message": {
            "role": "user",
            "content": [
                {
                    "type": "tool_result",
                    "tool_use_id": "t1",
                    "is_error": True,
                    "content": "Traceback (most recent call last):\nRuntimeError: DataLoader worker died",
                }
            ],
        },
    },
    {
        "type": "user",
        "timestamp": "2026-03-02T09:02:00Z",
        "isMeta": True,
        "message": {"role": "user", "content": "<command-name>/clear</command-name>"},
    },
    {
        "type": "user",
        "timestamp": "2026-03-02T09:03:00Z",
        "message": {"role": "user", "content": "ok thanks"},
    },
]


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def _art(tmp_path: Path) -> Path:
    (tmp_path / "art" / "trace").mkdir(parents=True)
    return tmp_path / "art"


def test_a_claude_code_session_becomes_commands_notes_and_staged_assertions(
    tmp_path: Path,
) -> None:
    art = _art(tmp_path)
    rep = ingest(art, _jsonl(tmp_path / "s.jsonl", CLAUDE))
    assert rep.format == "claude-code" and rep.added == 4
    kinds = [(e["kind"], e["provenance"]) for e in events(art)]
    assert kinds == [
        ("note", "user"),
        ("transcript", "ai-suggested"),
        ("command", "ai-executed"),
        ("note", "user"),  # "ok thanks": journaled, but the router skips it
    ]
    cmd = events(art)[2]["payload"]
    assert cmd["command"] == "python train.py --workers 8" and cmd["exit_code"] == 1
    assert cmd["error_signature"] == "RuntimeError: DataLoader worker died"
    assert events(art)[2]["ts"] == "2026-03-02T09:00:10.000000Z"
    nodes = tree(art)
    assert [(n.type, n.provenance) for n in nodes] == [
        ("decision", "user"),
        ("dead_end", "ai-executed"),
    ]
    obs = load_yaml(art / "staging/observations.yaml")["observations"]
    assert obs[0]["content"] == "The profile shows that the data loader causes most of the stall."
    assert obs[0]["provenance"] == "ai-suggested" and len(obs) == 1
    turns = load_yaml(art / "trace/pm_reasoning_log.yaml")["turns"]
    assert turns[-1]["routed"] == "skipped" and "skip rule" in turns[-1]["why"]


def test_ingesting_the_same_file_twice_adds_nothing(tmp_path: Path) -> None:
    art = _art(tmp_path)
    src = _jsonl(tmp_path / "s.jsonl", CLAUDE)
    ingest(art, src)
    before = (art / "trace/events.jsonl").read_bytes()
    tree_before = (art / "trace/exploration_tree.yaml").read_bytes()
    rep = ingest(art, src)
    assert rep.added == 0 and rep.duplicates == 4
    assert (art / "trace/events.jsonl").read_bytes() == before
    assert (art / "trace/exploration_tree.yaml").read_bytes() == tree_before


def test_a_grown_transcript_adds_only_the_new_lines(tmp_path: Path) -> None:
    art = _art(tmp_path)
    src = _jsonl(tmp_path / "s.jsonl", CLAUDE[:3])
    assert ingest(art, src).added == 3
    _jsonl(src, CLAUDE)
    assert ingest(art, src).added == 1


def test_a_generic_jsonl_with_openai_style_tool_calls(tmp_path: Path) -> None:
    art = _art(tmp_path)
    rows = [
        {"role": "user", "content": "Is the speedup real?", "timestamp": 1767225600},
        {
            "role": "assistant",
            "content": "Running it now.",
            "tool_calls": [
                {
                    "id": "c1",
                    "function": {
                        "name": "shell",
                        "arguments": json.dumps({"command": "pytest -q"}),
                    },
                }
            ],
        },
        {"role": "assistant", "content": "The kernel is 2.3x faster than the baseline."},
    ]
    rep = ingest(art, _jsonl(tmp_path / "g.jsonl", rows))
    assert rep.format == "jsonl" and rep.added == 3
    evs = events(art)
    assert evs[0]["kind"] == "note" and evs[0]["ts"] == "2026-01-01T00:00:00.000000Z"
    assert evs[1]["payload"]["command"] == "pytest -q" and evs[1]["provenance"] == "ai-executed"
    assert evs[2]["payload"]["text"] == "The kernel is 2.3x faster than the baseline."


def test_zsh_extended_history_with_multiline_commands(tmp_path: Path) -> None:
    art = _art(tmp_path)
    hist = tmp_path / ".zsh_history"
    hist.write_text(": 1767225600:0;python train.py \\\n--lr 0.1\n: 1767225700:3;ls -la\n")
    rep = ingest(art, hist)
    assert rep.format == "zsh" and rep.added == 2
    evs = events(art)
    assert evs[0]["payload"]["command"] == "python train.py \\\n--lr 0.1"
    assert evs[1]["ts"] == "2026-01-01T00:01:40.000000Z"
    (node,) = tree(art)  # `ls` is skipped, the run is kept with an unknown outcome
    assert node.type == "experiment" and node.result == "outcome not captured (zsh)"


def test_bash_history_with_histtimeformat(tmp_path: Path) -> None:
    art = _art(tmp_path)
    hist = tmp_path / ".bash_history"
    hist.write_text("#1767225600\nmake bench\n#1767225660\ncd ..\n")
    rep = ingest(art, hist)
    assert rep.format == "bash" and rep.added == 2
    assert [e["payload"]["command"] for e in events(art)] == ["make bench", "cd .."]


def test_history_without_timestamps_is_refused_with_a_hint(tmp_path: Path) -> None:
    hist = tmp_path / "h"
    hist.write_text("ls\npython x.py\n")
    with pytest.raises(UsageError, match="no timestamped commands"):
        ingest(_art(tmp_path), hist)


def test_a_broken_transcript_line_is_reported_with_file_and_line(tmp_path: Path) -> None:
    src = tmp_path / "bad.jsonl"
    src.write_text('{"role": "user", "content": "hi"}\n{"role": \n')
    with pytest.raises(ParseError) as err:
        ingest(_art(tmp_path), src)
    assert err.value.line == 2 and err.value.file.endswith("bad.jsonl")
    r = ara(["ingest", "-a", str(tmp_path / "art"), str(src)], tmp_path)
    assert r.returncode == 1 and b"bad.jsonl:2" in r.stderr and b"Traceback" not in r.stderr


def test_assertions_are_findings_not_plans_or_questions() -> None:
    text = "I'll run the tests now. Accuracy improved by 4% with mixup. Is that enough?"
    assert assertions(text) == ["Accuracy improved by 4% with mixup."]
