"""Settings whose value is a named alternative the code offers (`prior: str = "mixed"`
beside a runner's `prior="pure"`): the paper naming one of the alternatives right before
the setting's name is compared with what the code passes. Each test builds a real git
repository shaped like a research project and a paper paragraph."""

from __future__ import annotations

from pathlib import Path

from arakit.compiler.choices import paper_sentences
from arakit.compiler.ground import ground_repo
from arakit.compiler.reconcile import Verdict, reconcile
from arakit.compiler.settings import paper_settings
from tests.compiler.gitrepo import git_repo
from tests.compiler.reconciled import one_paragraph

MODEL = (
    "from dataclasses import dataclass\n\n\n@dataclass\nclass DensityConfig:\n"
    "    n_qubits: int = 4\n"
    '    prior: str = "mixed"  # "mixed" (I/2^n) or "pure"\n\n\n'
    "def prior_state(cfg):\n"
    '    if cfg.prior == "pure":\n        return 0\n    return 1\n'
)
RUNNER = (
    "import qdensity as qd\n\n\ndef _cfg():\n"
    '    return qd.DensityConfig(n_qubits=4,\n                            prior="{prior}")\n'
)
TEXT = "We repeat the core experiments with the density model, starting from the maximally mixed prior I/2n."


def _named(tmp_path: Path, text: str, files: dict[str, str]) -> list[Verdict]:
    repo = git_repo(tmp_path / "r", [{"files": files, "msg": "project"}])
    g = ground_repo(repo.path, with_history=False)
    doc = one_paragraph(text)
    found = reconcile(paper_settings(doc), g.in_scope(), sentences=paper_sentences(doc))
    return [v for v in found if v.key == "prior" and v.verdict in ("match", "mismatch")]


def test_the_paper_naming_one_alternative_where_the_run_passes_another_is_a_mismatch(
    tmp_path: Path,
) -> None:
    files = {"src/qdensity.py": MODEL, "src/run_density.py": RUNNER.format(prior="pure")}
    [v] = _named(tmp_path, TEXT, files)
    assert (v.verdict, v.paper_value, v.code_value, v.code_where) == (
        "mismatch",
        "mixed",
        '"pure"',
        "src/run_density.py:6",
    )
    assert "src/qdensity.py:7 is mixed" in v.note


def test_the_alternative_the_run_passes_agrees(tmp_path: Path) -> None:
    files = {"src/qdensity.py": MODEL, "src/run_density.py": RUNNER.format(prior="mixed")}
    files["src/run_pure.py"] = RUNNER.format(prior="pure")
    [v] = _named(tmp_path, TEXT, files)
    assert (v.verdict, v.code_where) == ("match", "src/run_density.py:6")


def test_a_word_that_is_not_one_of_the_codes_values_or_not_before_the_name_says_nothing(
    tmp_path: Path,
) -> None:
    files = {"src/qdensity.py": MODEL, "src/run_density.py": RUNNER.format(prior="pure")}
    assert _named(tmp_path, "We start from an uninformative prior over states.", files) == []
    # the alternative's word elsewhere in the sentence is not the setting
    mixed = "The mixed results hold for every prior we tried."
    assert _named(tmp_path, mixed, files) == []


def test_only_declared_defaults_are_no_explicit_value_to_compare(tmp_path: Path) -> None:
    # two classes declare the alternatives; nothing passes one: nothing is compared
    other = MODEL.replace("DensityConfig", "PureConfig").replace('"mixed"  #', '"pure"  #')
    files = {"src/qdensity.py": MODEL, "src/qpure.py": other}
    assert _named(tmp_path, TEXT, files) == []
