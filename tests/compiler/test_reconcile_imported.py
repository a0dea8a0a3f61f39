"""Reconciliation reaches into the repository's own package: a value set in a module the
paper's scripts import is compared when the scripts leave the setting unstated; the
scripts' own value wins over it; a package defining several values for one name that a
script reaches gives no confident mismatch; and a definition no script reaches is not
compared at all. Built as a real git repository: a package beside a scoped folder of
experiment scripts that import it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from arakit.compiler.ground import grounded
from arakit.compiler.pdf.document import DocSection, Document, Paragraph
from arakit.compiler.physical import reconciliation_text
from arakit.compiler.reconcile import Verdict, reconcile
from arakit.compiler.settings import paper_settings

ARA = [sys.executable, "-c", "from arakit.cli.main import run; run()"]
INIT = "from .models import *\nfrom .fit import run_chain\n"
MODELS = '''"""Two state-space models."""
from torch import nn


def _init(layer, std):
    nn.init.normal_(layer.weight, mean=0, std=std)


class TankModel(nn.Module):
    def __init__(self, n_feat=64):
        super().__init__()
        self.net = nn.Linear(2, n_feat)
        nn.init.normal_(self.net.weight, mean=0, std=1e-3)


class CircuitModel(nn.Module):
    def __init__(self, n_feat=64):
        super().__init__()
        self.net = nn.Linear(3, n_feat)
        nn.init.normal_(self.net.weight, mean=0, std=1e-4)
'''
FIT = '''"""Sampling and the growth rate the model uses."""

GROWTH_RATE = 50


def run_chain(model, walkers=32, damping_factor=0.9):
    return model, walkers, damping_factor


def polish(model, damping_factor=0.5):
    return model, damping_factor
'''
TANKS = '''"""Fit the tank model."""
import mylib
from mylib import TankModel

if __name__ == "__main__":
    model = TankModel()
    mylib.run_chain(model)
'''
CIRCUIT = '''"""Fit the circuit model."""
from mylib.models import CircuitModel
from mylib.fit import run_chain

WALKERS = 64

if __name__ == "__main__":
    run_chain(CircuitModel(), walkers=WALKERS)
'''
AMBIGUOUS = '''"""Fit and polish: reaches two defaults of damping."""
from mylib.fit import run_chain, polish

if __name__ == "__main__":
    polish(run_chain(None))
'''


def _repo(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "PATH": "/usr/bin:/bin",
        "HOME": str(root),
    }
    for cmd in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "code"]):
        subprocess.run(["git", *cmd], cwd=root, env=env, check=True)
    return root


def _paper(*paragraphs: str) -> Document:
    doc = Document(path="p.pdf", pages=9)
    doc.sections = [
        DocSection("5", "Experiments", 1, 6, paragraphs=[Paragraph(t, 6, "5") for t in paragraphs])
    ]
    return doc


def _verdicts(root: Path, doc: Document, scripts: dict[str, str]) -> list[Verdict]:
    files = {
        "mylib/__init__.py": INIT,
        "mylib/models.py": MODELS,
        "mylib/fit.py": FIT,
        **{f"experiments/{k}": v for k, v in scripts.items()},
    }
    repo = _repo(root, files)
    settings = paper_settings(doc)
    with grounded(repo, None, settings, code_folder="experiments", with_history=False) as g:
        assert all(p.file.startswith("experiments/") for p in g.in_scope())
        return [v for v in reconcile(settings, g.in_scope(), g.imported()) if not v.negative]


def _one(verdicts: list[Verdict], key: str) -> Verdict:
    found = [v for v in verdicts if v.key == key and v.verdict != "code-only"]
    assert len(found) == 1, found
    return found[0]


def test_a_value_in_an_imported_package_is_compared_and_names_the_script_that_reaches_it(
    tmp_path: Path,
) -> None:
    doc = _paper("All network weights are initialised with a standard deviation of 10−4.")
    got = _one(_verdicts(tmp_path, doc, {"fit_tanks.py": TANKS}), "standard_deviation")
    assert got.verdict == "mismatch"
    assert (got.code_value, got.code_where) == ("1e-3", "mylib/models.py:13")
    assert got.code_via == "experiments/fit_tanks.py:6"  # the line that builds TankModel
    assert "imported module" in got.note and "experiments/fit_tanks.py:6" in got.note


def test_the_definition_a_script_calls_is_compared_not_its_neighbours(tmp_path: Path) -> None:
    doc = _paper("All network weights are initialised with a standard deviation of 10−4.")
    got = _one(_verdicts(tmp_path, doc, {"fit_circuit.py": CIRCUIT}), "standard_deviation")
    # the script builds CircuitModel (1e-4); TankModel's 1e-3 is never reached
    assert (got.verdict, got.code_where) == ("match", "mylib/models.py:20")
    assert got.code_via == "experiments/fit_circuit.py:8"


def test_the_scoped_scripts_value_wins_over_the_imported_default(tmp_path: Path) -> None:
    doc = _paper("Each chain runs 64 walkers.")
    got = _one(_verdicts(tmp_path, doc, {"fit_circuit.py": CIRCUIT}), "n_walkers")
    assert (got.verdict, got.code_where, got.code_via) == (
        "match",
        "experiments/fit_circuit.py:5",
        "",
    )


def test_an_imported_value_that_agrees_is_a_match(tmp_path: Path) -> None:
    doc = _paper("Each chain runs 32 walkers.")
    got = _one(_verdicts(tmp_path, doc, {"fit_tanks.py": TANKS}), "n_walkers")
    assert (got.verdict, got.code_where) == ("match", "mylib/fit.py:6")
    assert got.code_via.startswith("experiments/fit_tanks.py:")


def test_several_reached_values_for_one_name_give_no_confident_mismatch(tmp_path: Path) -> None:
    doc = _paper("We use a damping factor of 0.7 throughout.")
    got = _one(_verdicts(tmp_path, doc, {"fit_polish.py": AMBIGUOUS}), "damping_factor")
    assert got.verdict == "paper-only"
    assert got.note.startswith("ambiguous")
    assert "mylib/fit.py:6" in got.note and "mylib/fit.py:10" in got.note


def test_a_package_value_no_script_reaches_is_not_compared(tmp_path: Path) -> None:
    # fit_circuit.py calls run_chain (damping 0.9), never polish (damping 0.5)
    doc = _paper("The damping factor is 0.5.")
    got = _one(_verdicts(tmp_path, doc, {"fit_circuit.py": CIRCUIT}), "damping_factor")
    assert (got.verdict, got.code_where) == ("mismatch", "mylib/fit.py:6")
    assert got.code_value == "0.9"  # run_chain's default, not polish()'s 0.5


def _pdf(path: Path, *lines: str) -> Path:
    """A one-page paper whose section 5 states `lines`."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_font(fontname="dv", fontfile="/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    page.insert_text((72, 80), "Tank Models for System Identification", fontname="dv", fontsize=16)
    page.insert_text((72, 130), "5 Experiments", fontname="dv", fontsize=12)
    for i, line in enumerate(lines):
        page.insert_text((72, 160 + 14 * i), line, fontname="dv", fontsize=10)
    doc.save(path)
    return path


def test_ara_reconcile_json_and_exit_code_carry_the_imported_mismatch(tmp_path: Path) -> None:
    repo = _repo(
        tmp_path / "repo",
        {
            "mylib/__init__.py": INIT,
            "mylib/models.py": MODELS,
            "mylib/fit.py": FIT,
            "experiments/fit_tanks.py": TANKS,
        },
    )
    pdf = _pdf(
        tmp_path / "paper.pdf",
        "All network weights are initialised with a standard deviation of 10−4.",
    )
    res = subprocess.run(
        [*ARA, "reconcile", str(pdf), str(repo), "--code-folder", "experiments", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 1, res.stderr
    (v,) = [v for v in json.loads(res.stdout)["verdicts"] if v["verdict"] == "mismatch"]
    assert (v["code_value"], v["code_where"], v["code_via"]) == (
        "1e-3",
        "mylib/models.py:13",
        "experiments/fit_tanks.py:6",
    )
    text = reconciliation_text([Verdict(**v)], "paper", "repo")
    row = next(line for line in text.splitlines() if "mylib/models.py:13" in line)
    assert "imported module" in row and "experiments/fit_tanks.py:6" in row


def test_cyclic_re_exports_and_broken_modules_reach_nothing_and_end(tmp_path: Path) -> None:
    from arakit.compiler.repo.reach import Reach, reached_from

    files = {
        "pkg/__init__.py": "from .a import *\nfrom .b import *\n",
        "pkg/a.py": "from .b import *\nfrom . import *\n",
        "pkg/b.py": "from .a import *\nfrom . import *\n",
        "pkg/broken.py": "def f(:\n",
        "pkg/deep.py": "x = " + ".".join(["a"] * 900) + "\n",
        "run.py": "import pkg\nfrom pkg import broken, deep\npkg.missing.f()\nbroken.f()\ndeep.x\n",
    }
    reach = Reach(list(files), files.get)
    got = reached_from(reach, ["run.py"], lambda rel: rel == "run.py")
    # the re-export cycle and the unparsable module resolve to nothing; the deep
    # attribute chain is read without recursion
    assert set(got) == {("pkg/deep.py", "x"), ("pkg/deep.py", "")}


def _plain(doc: Document, files: dict[str, str]) -> list[Verdict]:
    from arakit.compiler.repo.params import params_of

    params = [p for rel, text in files.items() for p in params_of(text, rel)]
    return [v for v in reconcile(paper_settings(doc), params) if not v.negative]


def test_a_bound_in_the_sentence_names_max_n_and_the_launched_script_decides() -> None:
    doc = _paper("Sampling stopped when the maximum of 500,000 samples was obtained.")
    files = {
        "code/run.sh": "#!/bin/sh\npython parallel.py\n",
        "code/parallel.py": "import sd\nstar = sd.Star()\nstar.fit(max_n=300000)\n",
        "code/cluster.py": "import sd\nstar = sd.Star()\nstar.fit(max_n=200000)\n",
    }
    (got,) = [v for v in _plain(doc, files) if v.paper_value == "500,000"]
    assert (got.verdict, got.code_value, got.code_where) == (
        "mismatch",
        "300000",
        "code/parallel.py:3",
    )
    assert "code/run.sh:2" in got.note and "code/cluster.py:3" in got.note


def test_without_a_launch_script_two_values_stay_unjudged() -> None:
    doc = _paper("Sampling stopped when the maximum of 500,000 samples was obtained.")
    files = {
        "code/parallel.py": "import sd\nstar = sd.Star()\nstar.fit(max_n=300000)\n",
        "code/cluster.py": "import sd\nstar = sd.Star()\nstar.fit(max_n=200000)\n",
    }
    (got,) = [v for v in _plain(doc, files) if v.paper_value == "500,000"]
    assert got.verdict == "paper-only"


def test_an_abbreviation_written_out_names_the_same_setting() -> None:
    doc = _paper("Weights are drawn with a standard deviation of 0.01 and 64 hidden units.")
    files = {"train.py": "STD = 0.02\nHIDDEN = 64\n"}
    got = _one(_plain(doc, files), "standard_deviation")
    assert (got.verdict, got.code_where) == ("mismatch", "train.py:1")


def test_a_default_the_script_passes_its_own_value_for_is_not_compared(tmp_path: Path) -> None:
    doc = _paper("The damping factor is 0.5.")
    scripts = {
        "by_keyword.py": "import sys\nfrom mylib import run_chain\n"
        "run_chain(None, damping_factor=float(sys.argv[1]))\n",
        "by_position.py": "import sys\nfrom mylib import run_chain\n"
        "run_chain(None, 32, float(sys.argv[1]))\n",
        "by_kwargs.py": "from mylib import run_chain\nrun_chain(None, **{'walkers': 8})\n",
    }
    for name, text in scripts.items():
        root = tmp_path / name.removesuffix(".py")
        root.mkdir()
        got = _one(_verdicts(root, doc, {name: text}), "damping_factor")
        # the default 0.9 never ran: the call passes its own value
        assert (got.verdict, got.code_value) == ("paper-only", ""), name


def test_a_notebook_is_a_script_that_reaches_the_package(tmp_path: Path) -> None:
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Tanks\n"]},
        {
            "cell_type": "code",
            "execution_count": 1,
            "metadata": {},
            "outputs": [],
            "source": ["%matplotlib inline\n", "from mylib import TankModel\n", "m = TankModel()"],
        },
    ]
    nb = json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 2}, indent=1)
    doc = _paper("All network weights are initialised with a standard deviation of 10−4.")
    got = _one(_verdicts(tmp_path, doc, {"tanks.ipynb": nb + "\n"}), "standard_deviation")
    assert (got.verdict, got.code_where) == ("mismatch", "mylib/models.py:13")
    line = next(i for i, ln in enumerate(nb.splitlines(), 1) if "m = TankModel()" in ln)
    assert got.code_via == f"experiments/tanks.ipynb:{line}"


def test_a_value_the_paper_prints_rounded_is_the_same_and_a_short_one_is_not() -> None:
    from arakit.compiler.atoms import Where
    from arakit.compiler.reconcile.match import value_relation
    from arakit.compiler.repo.params.model import CodeParam
    from arakit.compiler.settings.model import PaperSetting

    def rel(paper: str, code: str) -> str:
        s = PaperSetting("l", "l", paper, float(paper), "", Where(12, "8.1", f"l = {paper}"))
        return value_relation(s, CodeParam("l", code, "trilegal.py", 113, "script"))

    assert rel("76.3", "76.32") == "same"  # l = 76.3° for the code's 76.32
    assert rel("76.3", "76.4") == "different"
    assert rel("0.1", "0.12") == "different"  # two digits: never taken as rounding
    assert rel("-1.25", "1.25") == "different"


def test_a_launcher_that_runs_every_script_singles_none_out() -> None:
    doc = _paper("Sampling stopped when the maximum of 500,000 samples was obtained.")
    scripts = {f"code/s{i}.py": f"MAX_N = {i + 1}00000\n" for i in range(4)}
    runner = "#!/bin/sh\n" + "".join(f"python s{i}.py\n" for i in range(4))
    got = _plain(doc, {"code/run_all.sh": runner, **scripts})
    (v,) = [v for v in got if v.paper_value == "500,000"]
    assert v.verdict == "paper-only"


def test_a_default_one_script_overrides_still_runs_in_the_script_that_does_not(
    tmp_path: Path,
) -> None:
    doc = _paper("The damping factor is 0.5.")
    scripts = {
        "keeps.py": "from mylib import run_chain\nrun_chain(None)\n",
        "passes.py": "import sys\nfrom mylib import run_chain\n"
        "run_chain(None, damping_factor=float(sys.argv[1]))\n",
    }
    got = _one(_verdicts(tmp_path, doc, scripts), "damping_factor")
    # keeps.py runs the default 0.9; passes.py's own value is no evidence either way
    assert (got.verdict, got.code_value, got.code_via) == (
        "mismatch",
        "0.9",
        "experiments/keeps.py:2",
    )
