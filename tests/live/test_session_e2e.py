"""A scripted research session in a real git repository, checked node by node.

Runs that print metrics, a run that crashes, a reverted commit, an abandoned branch, a
hypothesis note later affirmed, an experiment that refutes another observation, and an
ingested agent transcript — all through the real `ara` command and real git hooks.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from arakit.codec import read_artifact
from arakit.live.journal import Journal
from arakit.seal.level1 import validate
from tests.live.helpers import ARA, events, git_repo, load_yaml, tree

TRAIN = """
import sys
args = sys.argv[1:]
if "--crash" in args:
    raise MemoryError("CUDA out of memory while allocating 2.00 GiB")
smooth = float(args[args.index("--smooth") + 1]) if "--smooth" in args else 0.0
drop = float(args[args.index("--dropout") + 1]) if "--dropout" in args else 0.0
for epoch in range(1, 3):
    print(f"epoch={epoch} loss={1.0 / (epoch + smooth):.3f}")
print('{"acc": %.2f}' % (0.85 + smooth / 2 - drop / 2))
"""


def test_a_scripted_session_grows_the_artifact_node_by_node(tmp_path: Path) -> None:
    art = git_repo(tmp_path / "study", {"train.py": TRAIN})
    repo = art.parent
    env = {**os.environ, "ARA_HOOK_SYNC": "1", "ARA_LIVE_WINDOW": "6", "ARA_ARTIFACT": str(art)}

    def ara(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*ARA, *args], cwd=repo, env=env, capture_output=True, text=True)

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)

    def py(*args: str) -> subprocess.CompletedProcess[str]:
        return ara("run", "--", sys.executable, "train.py", *args)

    assert ara("hooks", "install").returncode == 0
    assert ara("note", "Does label smoothing help on the small set?").returncode == 0  # 1: N01
    ara("note", "--type", "claim", "Label smoothing improves accuracy on the small set")  # 2: O1
    git("checkout", "-qb", "wild-idea")  # 3
    git("commit", "-q", "--allow-empty", "-m", "Try a cyclic schedule")  # 4
    git("checkout", "-q", "main")  # 5: wild-idea is left
    r = py("--smooth", "0.1")  # 6: N02
    assert r.returncode == 0 and r.stdout.endswith('{"acc": 0.90}\n')
    py("--smooth", "0.2")  # 7: N03, touches O1 (smooth)
    r = py("--crash")  # 8: N04
    assert r.returncode == 1 and "MemoryError" in r.stderr
    (repo / "mixup.py").write_text("MIXUP = True\n")
    git("add", "mixup.py")
    git("commit", "-qm", "Add mixup augmentation")  # 9
    git("revert", "--no-edit", "HEAD")  # 10: N05
    ara("note", "--type", "claim", "Dropout 0.3 improves accuracy on the small set")  # 11: O2
    # 12: six events after leaving wild-idea, the branch is abandoned: N06
    ara("note", "--affirm", "O1", "label smoothing holds up on both seeds")
    r = ara(
        "run",
        "--bind",
        "O2",
        "--expect",
        "acc>=0.9",
        "--",
        sys.executable,
        "train.py",
        "--dropout",
        "0.3",
    )  # 13: N07, refutes O2 → N08
    assert r.returncode == 0
    now = datetime.now(UTC)
    stamp = [(now + timedelta(seconds=i)).strftime("%Y-%m-%dT%H:%M:%SZ") for i in range(3)]
    transcript = tmp_path / "agent.jsonl"
    rows = [
        {
            "type": "user",
            "timestamp": stamp[0],
            "message": {"role": "user", "content": "We decided to drop the cyclic schedule."},
        },
        {
            "type": "assistant",
            "timestamp": stamp[1],
            "message": {
                "role": "assistant",
                "content": [
                    {
                        "type": "text",
                        "text": "The loss curve shows that warmup reduces early spikes.",
                    },
                    {
                        "type": "tool_use",
                        "id": "t1",
                        "name": "Bash",
                        "input": {"command": "python train.py --smooth 0.1"},
                    },
                ],
            },
        },
        {
            "type": "user",
            "timestamp": stamp[2],
            "message": {
                "role": "user",
                "content": [{"type": "tool_result", "tool_use_id": "t1", "content": "acc=0.90"}],
            },
        },
    ]
    transcript.write_text("".join(json.dumps(x) + "\n" for x in rows))
    assert ara("ingest", str(transcript)).returncode == 0
    assert "0 new" in ara("ingest", str(transcript)).stdout

    # -- the journal ------------------------------------------------------------------------
    rep = Journal(art).verify()
    assert rep.ok and rep.events == len(events(art)) == 16
    # -- the trace, node by node ------------------------------------------------------------
    nodes = {n.id: n for n in tree(art)}
    summary = [(n.id, n.type, n.provenance) for n in tree(art)]
    assert summary == [
        ("N01", "question", "user"),
        ("N02", "experiment", "user"),
        ("N03", "experiment", "user"),
        ("N04", "dead_end", "user"),
        ("N05", "dead_end", "user"),
        ("N06", "dead_end", "user"),
        ("N07", "experiment", "user"),
        ("N08", "dead_end", "user"),
        ("N09", "decision", "user"),
        ("N10", "experiment", "ai-executed"),
    ], summary
    assert nodes["N01"].description == "Does label smoothing help on the small set?"
    assert [c.id for c in nodes["N01"].children] == [f"N{i:02d}" for i in range(2, 11) if i != 8]
    assert nodes["N02"].result == "acc=0.9, epoch=2, loss=0.476"
    assert nodes["N02"].extra["command"].endswith("train.py --smooth 0.1")
    assert nodes["N04"].failure_mode == "MemoryError: CUDA out of memory while allocating 2.00 GiB"
    assert nodes["N04"].lesson == "[pending]"
    assert nodes["N05"].title == "Reverted: Add mixup augmentation"
    assert nodes["N05"].hypothesis == "Add mixup augmentation"
    assert any(str(r).startswith("commit ") for r in nodes["N05"].source_refs or [])
    assert nodes["N06"].title == "Branch wild-idea abandoned"
    assert nodes["N06"].source_refs == ["trace/events.jsonl#5", "branch wild-idea"]
    assert nodes["N08"].hypothesis == "Dropout 0.3 improves accuracy on the small set"
    assert nodes["N08"].failure_mode == "expected acc>=0.9, measured acc=0.7"
    assert [c.id for c in nodes["N07"].children] == ["N08"]
    assert nodes["N09"].choice == "We decided to drop the cyclic schedule."
    assert nodes["N10"].result == "acc=0.9"
    # -- staging -----------------------------------------------------------------------------
    obs = {o["id"]: o for o in load_yaml(art / "staging/observations.yaml")["observations"]}
    assert (
        obs["O1"]["promoted_to"] == "C01" and obs["O1"]["crystallized_via"] == "verbal-affirmation"
    )
    assert obs["O2"]["promoted_to"] == "N08"
    assert obs["O2"]["crystallized_via"] == "empirical-resolution"
    assert obs["O3"]["content"] == "The loss curve shows that warmup reduces early spikes."
    assert obs["O3"]["provenance"] == "ai-suggested" and obs["O3"]["promoted"] is False
    # -- crystallized claims -----------------------------------------------------------------
    claims = read_artifact(art).claims or []
    assert [(c.id, c.status, c.provenance) for c in claims] == [("C01", "hypothesis", "user")]
    assert claims[0].statement == "Label smoothing improves accuracy on the small set"
    # -- the session record ------------------------------------------------------------------
    (session,) = sorted((art / "trace/sessions").glob("*.yaml"))
    rec = load_yaml(session)
    assert rec["nodes_added"] == [f"N{i:02d}" for i in range(1, 11)]
    assert rec["events"] == {"first": 1, "last": 16}
    assert rec["observations_added"] == ["O1", "O2", "O3"]
    (change,) = rec["logic_changes"]
    assert change["id"] == "C01" and change["before"] is None
    assert change["after"]["status"] == "hypothesis" and change["via"] == "verbal-affirmation"
    # -- the reasoning log keeps what was rejected too ---------------------------------------
    turns = load_yaml(art / "trace/pm_reasoning_log.yaml")["turns"]
    assert len(turns) == 16
    fired = [
        (s["subject"], s["signal"]) for t in turns for s in t["signals"] if s["outcome"] == "fired"
    ]
    assert fired == [
        ("wild-idea", "branch-abandonment"),
        ("O1", "verbal-affirmation"),
        ("O2", "empirical-resolution"),
    ]
    rejected = {
        (s["subject"], s["signal"])
        for t in turns
        for s in t["signals"]
        if s["outcome"] == "rejected"
    }
    assert ("O1", "topic-abandonment") in rejected  # the smoothing runs kept O1 open
    # -- Level 1 on the trace and the staging file -------------------------------------------
    findings = [
        f
        for f in validate(art).findings
        if f.file in ("trace/exploration_tree.yaml", "staging/observations.yaml")
    ]
    assert findings == []
    # -- the briefing ------------------------------------------------------------------------
    brief = json.loads(ara("status", "--json").stdout)
    assert brief["journal"]["ok"] and brief["claims_by_status"] == {"hypothesis": 1}
    assert [s["id"] for s in brief["staged"]] == ["O3"]
    assert {d["id"] for d in brief["recent_dead_ends"]} == {"N04", "N05", "N06", "N08"}
