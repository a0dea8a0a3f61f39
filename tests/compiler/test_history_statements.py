"""What the history says in words, read as a reader would: a hand-off bullet becomes a
plain whole-clause title, troubleshooting advice and a changelog are no findings, a
"Restore ..." commit whose message keeps the last commit's work reverts nothing, and a line
commented out with its replacement beside it, by a commit that says it switched, is a pivot."""

from __future__ import annotations

from pathlib import Path

from tests.compiler.gitrepo import git_repo
from tests.compiler.histories import history_of as _read
from tests.compiler.histories import script


HANDOFF = """# Hand-off

## Dead ends
- **Maximally-mixed prior `I/2ⁿ` was tried and abandoned** — it's invariant under the
  unitary, so the ansatz had zero effect on it; replaced by a hard-coded bias.
"""
README = """# Install

conda env create -f environment.yml

If the above doesn't work (two names for the same env), use --prefix instead.
"""
CHANGELOG = "# Changelog\n\n- Reformatted entries (some author names did not match the paper).\n"


def test_a_handoff_bullet_is_titled_by_its_first_clause_without_markdown(tmp_path: Path) -> None:
    git_repo(
        tmp_path,
        [
            {"files": {"run.py": script("run", run=False)}, "msg": "init"},
            {"key": "docs", "files": {"HANDOFF.md": HANDOFF, "README.md": README,
                                      "CHANGELOG.md": CHANGELOG}, "msg": "notes", "day": 2},
        ],
    )  # fmt: skip
    [f] = [f for f in _read(tmp_path).findings if f.pattern == "note"]
    assert f.title == "Maximally-mixed prior I/2ⁿ was tried and abandoned"
    assert f.lesson.startswith("Maximally-mixed prior I/2ⁿ was tried and abandoned — it's")
    assert f.lesson.endswith("replaced by a hard-coded bias.")


def _paper(sections: list[str]) -> str:
    return "\n\n".join(f"\\section{{{s}}}\n" + f"Text about {s}. " * 8 for s in sections)


def test_a_restore_that_keeps_the_last_commits_work_reverts_nothing(tmp_path: Path) -> None:
    framing = ["Cognition framing", "Methods", "Results"]
    results = ["Methods", "Results"]
    git_repo(
        tmp_path,
        [
            {"files": {"paper.tex": _paper(framing), "run.py": script("run", run=False)}, "msg": "draft"},
            {"files": {"paper.tex": _paper(results)}, "msg": "Results-focused draft", "day": 2},
            {"files": {"paper.tex": _paper([*results, "Validation on a device"])},
             "msg": "Add physical-device validation to the paper", "day": 3},
            {"files": {"paper.tex": _paper([*framing, "Validation on a device"])},
             "msg": "Restore the cognition framing\n\nRewrite the paper around its thesis. "
                    "Real results and the physical-device validation are unchanged.",
             "day": 4},
        ],
    )  # fmt: skip
    assert not [f for f in _read(tmp_path).findings if f.pattern in ("revert", "undo")]


def test_a_restore_that_names_only_a_detail_it_keeps_still_reverts(tmp_path: Path) -> None:
    nb = "count = 500\nrun_eval(count)\n" + script("ev", run=False)
    repo = git_repo(
        tmp_path,
        [
            {"files": {"evalnb.py": nb}, "msg": "eval notebook"},
            {"key": "fast", "files": {"evalnb.py": nb.replace("500", "200") + "batched = 1\n"},
             "msg": "Speed up notebook: batch single-step eval", "day": 2},
            {"key": "back", "files": {"evalnb.py": nb + "batched = 1\n"},
             "msg": "Restore single-step count to 500, keep batching", "day": 3},
        ],
    )  # fmt: skip
    [f] = [f for f in _read(tmp_path).findings if f.pattern == "revert"]
    assert f.commits == [repo.shas["fast"], repo.shas["back"]]


EXTRACT = """import torch


def main():
    device = "cpu"
{line}
    model.eval()
    return model
"""


def test_a_line_switched_off_beside_its_replacement_is_a_pivot(tmp_path: Path) -> None:
    old = '    model = torch.hub.load("facebookresearch/dinov2", "dinov2_vitb14")'
    swapped = (
        '    #model = torch.hub.load("facebookresearch/dinov2", "dinov2_vitb14")\n'
        '    model = torch.hub.load("facebookresearch/dinov2", "dinov2_vitb14_reg")'
    )
    repo = git_repo(
        tmp_path,
        [
            {"files": {"code/extract.py": EXTRACT.format(line=old),
                       "code/other.py": EXTRACT.format(line=old)}, "msg": "features"},
            {"key": "switch", "files": {"code/extract.py": EXTRACT.format(line=swapped)},
             "msg": "switched to DinoV2 with registers. Random hotspot problem solved", "day": 3},
            # the same swap by a commit that states no switch: tried for a run, not a pivot
            {"files": {"code/other.py": EXTRACT.format(line=swapped)}, "msg": "update",
             "day": 4},
        ],
    )  # fmt: skip
    [f] = [f for f in _read(tmp_path).findings if f.pattern == "switched-off"]
    assert f.kind == "pivot" and f.files == ["code/extract.py"]
    assert f.commits == [repo.shas["switch"]]
    assert f.title.startswith("dinov2_vitb14 replaced by dinov2_vitb14_reg in extract.py")
    assert f.lesson == "Random hotspot problem solved"
