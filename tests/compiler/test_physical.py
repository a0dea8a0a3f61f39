"""src/configs/ and the Layer Index descriptions of what the compiler writes."""

from __future__ import annotations

from arakit.compiler.assemble import _describe
from arakit.compiler.physical import config_files
from arakit.compiler.reconcile import Verdict


def _code_only(key: str, value: str, name: str = "") -> Verdict:
    return Verdict(
        key=key, verdict="code-only", code_value=value, code_where="run.py:3", code_name=name or key
    )


def test_a_trained_model_gets_training_md() -> None:
    files = config_files([_code_only("learning_rate", "3e-4", "lr")], None, "paper.pdf")
    assert [(f.path, f.title) for f in files] == [
        ("src/configs/training.md", "Training configuration")
    ]


def test_a_simulation_without_training_gets_experiment_md_not_training() -> None:
    files = config_files([_code_only("nzs", "1000"), _code_only("distpc", "400")], None, "p")
    assert [(f.path, f.title) for f in files] == [
        ("src/configs/experiment.md", "Experiment configuration")
    ]
    assert [p.name for p in files[0].params] == ["nzs", "distpc"]


def test_a_code_default_that_sets_nothing_is_not_a_configured_value() -> None:
    files = config_files(
        [_code_only("parameters_file", '"None"'), _code_only("nzs", "1000")], None, "p"
    )
    assert [p.name for p in files[0].params] == ["nzs"]


def test_a_paper_value_the_code_leaves_unset_is_still_configured() -> None:
    v = Verdict(
        key="seed",
        verdict="mismatch",
        paper_value="42",
        paper_where="p. 3",
        code_value="None",
        code_where="run.py:9",
        code_name="seed",
    )
    files = config_files([v], None, "p")
    assert [p.name for p in files[0].params] == ["seed"]


def test_every_generated_file_kind_has_a_layer_index_description() -> None:
    for path in (
        "src/settings/code.md",
        "src/settings/repository.md",
        "evidence/figures/figure3_results.md",
        "evidence/results/README.md",
        "evidence/logs/git_history.md",
        "src/configs/configs__train.yaml",
    ):
        assert _describe(path), path
    assert "copied" in _describe("src/configs/configs__train.yaml")
    assert _describe("src/configs/training.md") == "parameters with exact values and sources"
