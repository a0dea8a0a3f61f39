"""Code the project's own documents call superseded while the tree keeps it: one reader of
such statements (shared with scoping), and the history's dead end for it; a vendored
library's README, a changelog and the replacement named after "superseded by" set nothing
aside."""

from __future__ import annotations

from pathlib import Path

from arakit.compiler.ground import params_of
from arakit.compiler.repo.history import History, read_history
from arakit.compiler.repo.superseded import Superseded, superseded
from tests.compiler.gitrepo import git_repo

README = """# Quantum learner

> **Note.** The learning core was rebuilt as an exact JAX learner (`src/qcore.py`) and
> every experiment runs through `src/run_v2.py`. (Earlier finite-difference code under
> `src/learner.py`, `src/train_*.py`, etc. is superseded and kept only for reference; do
> not use it.)

## Usage

Run `python src/run_v2.py`.
"""

HANDOFF = """# Hand-off

- The old `src/learner.py` is now **superseded** by `src/qcore.py` for the learning core.
"""

VENDORED = """# Legacy configs

Configs in `configs/legacy/` implement the deprecated settings of version 1.
"""


def _script(topic: str) -> str:
    body = "".join(f"    {topic}_{i} = step_{topic}(x, {i})\n" for i in range(8))
    return f"def run_{topic}(x):\n{body}    return x\n"


def _read(path: Path) -> History:
    h = read_history(path, params_of, [])
    assert h is not None
    return h


def _steps(readme: str) -> list[dict[str, object]]:
    return [
        {"key": "v1", "files": {"src/learner.py": _script("learner"),
                                "src/train_baseline.py": _script("base"),
                                "src/train_compressed.py": _script("comp"),
                                "third_party/mmdet/configs/legacy/README.md": VENDORED,
                                "third_party/mmdet/configs/legacy/r50.py": _script("r50"),
                                "CHANGELOG.md": "- Removed deprecated `src/util.py` calls\n",
                                "src/util.py": _script("util")},
         "msg": "finished learner"},
        {"key": "v2", "files": {"src/qcore.py": _script("qcore"), "src/run_v2.py": _script("run"),
                                "README.md": readme, "HANDOFF.md": HANDOFF},
         "msg": "Add exact JAX learner, rewrite README", "day": 30},
    ]  # fmt: skip


def _statements(root: Path) -> list[Superseded]:
    files = [p.relative_to(root).as_posix() for p in root.rglob("*") if ".git" not in p.parts]
    return superseded(files, lambda rel: (root / rel).read_text(encoding="utf-8"))


def test_code_the_readme_calls_superseded_is_set_aside_and_its_replacement_is_not(
    tmp_path: Path,
) -> None:
    git_repo(tmp_path, _steps(README))
    statements = _statements(tmp_path)
    aside = {p for s in statements for p in s.paths}
    assert aside == {"src/learner.py", "src/train_baseline.py", "src/train_compressed.py"}
    readme = next(s for s in statements if s.source == "README.md")
    assert readme.line == 4  # the line where the sentence starts, wrapped over three
    assert "src/learner.py" in readme.sentence and "do not use" in readme.sentence


def test_superseded_code_kept_in_the_tree_is_one_dead_end_citing_who_wrote_it(
    tmp_path: Path,
) -> None:
    repo = git_repo(tmp_path, _steps(README))
    [f] = [f for f in _read(tmp_path).findings if f.pattern == "kept-superseded"]
    assert f.kind == "dead_end"
    assert set(f.files) == {"src/learner.py", "src/train_baseline.py", "src/train_compressed.py"}
    assert f.commits == [repo.shas["v1"], repo.shas["v2"]]
    assert f.title == (
        "Kept in the tree but set aside by README.md: learner.py, train_baseline.py, "
        "train_compressed.py"
    )
    assert f.lesson.endswith("do not use it.)") and "`" not in f.lesson


def test_a_readme_that_sets_nothing_aside_gives_no_dead_end(tmp_path: Path) -> None:
    plain = README.replace("is superseded and kept only for reference; do\n> not use it", "ran")
    git_repo(tmp_path, _steps(plain))
    hist = _read(tmp_path)
    # the hand-off note still says learner.py is superseded: that one file, nothing more
    [f] = [f for f in hist.findings if f.pattern == "kept-superseded"]
    assert f.files == ["src/learner.py"]
    assert f.title.endswith("set aside by HANDOFF.md: learner.py")
