"""The optimiser as a setting: the paper names one (`with the ADAM optimizer`), the code
constructs one (`RMSProp(lr)`, `torch.optim.SGD(...)`, `optimizer: sgd`); they are compared
only where both name a known member, and a different member is a mismatch. Each test
builds a real git repository shaped like a training project."""

from __future__ import annotations

from pathlib import Path

from arakit.compiler.choices import code_member, printed_optimizers
from arakit.compiler.reconcile import Verdict
from arakit.compiler.repo.params.choices import choice_params
from tests.compiler.reconciled import one_paragraph, reconciled

JULIA_RUN = """\
using Flux, DiffEqFlux

function run_model(config)
    lr = config[:lr]
    niters = 3000
    res = DiffEqFlux.sciml_train(loss, p, RMSProp(lr), maxiters=niters)
    res = DiffEqFlux.sciml_train(loss, res.minimizer, LBFGS())
    return res
end

run_model(Dict(:lr => 0.005))
"""

TORCH_TRAIN = """\
import torch


def main(lr=0.1, momentum=0.9, epochs=90):
    model = torch.nn.Linear(4, 2)
    # opt = torch.optim.Adam(model.parameters())  (tried first)
    opt = torch.optim.{optim}(model.parameters(), lr=lr{extra})
    for _ in range(epochs):
        opt.step()


if __name__ == "__main__":
    main()
"""


def _optimizers(tmp_path: Path, text: str, files: dict[str, str]) -> list[Verdict]:
    return [v for v in reconciled(tmp_path, one_paragraph(text), files) if v.key == "optimizer"]


def test_a_named_optimiser_the_code_does_not_construct_is_a_mismatch(tmp_path: Path) -> None:
    text = (
        "We train each model for 3000 steps with the ADAM optimizer and a learning rate of "
        "0.005, and subsequently with LBFGS."
    )
    found = _optimizers(tmp_path, text, {"scripts/run.jl": JULIA_RUN})
    by = {v.paper_value: v for v in found}
    assert by["ADAM"].verdict == "mismatch"
    assert (by["ADAM"].code_value, by["ADAM"].code_where) == ("RMSProp(lr)", "scripts/run.jl:6")
    # the second stage the paper names is the code's LBFGS: agreement, not a disagreement
    assert by["LBFGS"].verdict == "match"


def test_sgd_with_momentum_matches_sgd_constructed_with_momentum(tmp_path: Path) -> None:
    text = "All models are trained with SGD with momentum 0.9 and a learning rate of 0.1 for 90 epochs."
    train = TORCH_TRAIN.format(optim="SGD", extra=", momentum=momentum")
    found = _optimizers(tmp_path, text, {"train.py": train})
    assert [(v.verdict, v.code_where) for v in found] == [("match", "train.py:7")]


def test_adamw_against_adam_is_a_mismatch_only_when_the_paper_names_the_variant(
    tmp_path: Path,
) -> None:
    said_family = "We use the Adam optimizer with a learning rate of 0.1 for 90 epochs."
    built_variant = TORCH_TRAIN.format(optim="AdamW", extra="")
    found = _optimizers(tmp_path / "a", said_family, {"train.py": built_variant})
    assert [v.verdict for v in found] == ["match"]

    said_variant = "We use the AdamW optimizer with a learning rate of 0.1 for 90 epochs."
    built_family = TORCH_TRAIN.format(optim="Adam", extra="")
    found = _optimizers(tmp_path / "b", said_variant, {"train.py": built_family})
    assert [(v.verdict, v.code_value) for v in found] == [
        ("mismatch", "torch.optim.Adam(model.parameters(), lr=lr)")
    ]


def test_a_config_that_names_another_optimiser_is_a_mismatch(tmp_path: Path) -> None:
    text = "We optimize with Adam, a batch size of 64 and a learning rate of 0.001."
    files = {
        "train.py": "import yaml\ncfg = yaml.safe_load(open('config.yaml'))\nprint(cfg)\n",
        "config.yaml": "optimizer: sgd\nbatch_size: 64\nlr: 0.001\n",
    }
    found = _optimizers(tmp_path, text, files)
    assert [(v.verdict, v.code_value, v.code_where) for v in found] == [
        ("mismatch", "sgd", "config.yaml:1")
    ]


def test_each_model_with_one_optimiser_against_a_script_that_gives_one_model_another(
    tmp_path: Path,
) -> None:
    text = (
        "We train each model for 20 000 steps with the ADAM optimizer, a learning rate of "
        "0.001, and a batch size of 100."
    )
    run = (
        "function run_npu(c)\n    opt = ADAM(c[:lr])\n    train(opt, 20000, 100)\nend\n\n"
        "function run_nalu(c)\n    opt = RMSProp(c[:lr])\n    train(opt, 20000, 100)\nend\n\n"
        "const lr = 0.001\nconst batchsize = 100\nconst steps = 20000\n"
    )
    found = _optimizers(tmp_path, text, {"simple/run.jl": run})
    assert [(v.verdict, v.code_where) for v in found] == [("mismatch", "simple/run.jl:7")]


def test_an_optimiser_the_code_never_names_is_stated_by_the_paper_only(tmp_path: Path) -> None:
    text = "We use the Adam optimizer with a learning rate of 0.1 for 90 epochs."
    files = {"train.py": "EPOCHS = 90\nLR = 0.1\nprint(EPOCHS, LR)\n"}
    assert [v.verdict for v in _optimizers(tmp_path, text, files)] == ["paper-only"]


def test_optimiser_names_are_read_as_methods_not_as_words() -> None:
    assert printed_optimizers("Data were collected by Adam Smith in 2019.") == []
    assert printed_optimizers("The lamb was 3 days old.") == []
    assert [m for m, _ in printed_optimizers("trained with RMS-Prop for 10 epochs")] == ["rmsprop"]
    assert [m for m, _ in printed_optimizers("using stochastic gradient descent (SGD)")] == ["sgd"]
    assert code_member("tf.train.AdamOptimizer") == "adam"
    assert code_member("Flux.Optimise.Descent") == "sgd"
    assert code_member("'adamw'") == "adamw"
    assert code_member("Adam.v1") is None  # a registry name with a version: not read


def test_definitions_and_comments_are_not_constructions() -> None:
    source = (
        "class Adam(Optimizer):\n"
        "    pass\n"
        "# opt = SGD(params)\n"
        "from torch.optim import SGD\n"
        "opt = optax.adamw(learning_rate=1e-3)\n"
    )
    assert [(p.line, p.value) for p in choice_params(source, "t.py")] == [
        (5, "optax.adamw(learning_rate=1e-3)")
    ]


def test_a_driver_that_constructs_none_is_judged_by_the_files_it_includes_in_order(
    tmp_path: Path,
) -> None:
    text = (
        "We train each model for 3000 steps with the ADAM optimizer and a learning rate of "
        "0.005, and subsequently with LBFGS."
    )
    driver = (
        'include(joinpath(@__DIR__, "dense-sir.jl"))\n'
        'include(joinpath(@__DIR__, "npu-sir.jl"))\n\n'
        "lr = 0.005\n"
        "niters = 3000\n"
        "for nr in 1:5\n"
        "    run_model(lr, niters, nr)\n"
        "end\n"
    )
    files = {
        "fracode/run.jl": driver,
        "fracode/npu-sir.jl": JULIA_RUN,
        "fracode/dense-sir.jl": JULIA_RUN,
    }
    adam = next(v for v in _optimizers(tmp_path, text, files) if v.paper_value == "ADAM")
    # the first file the driver includes, not the shortest name
    assert (adam.verdict, adam.code_where) == ("mismatch", "fracode/dense-sir.jl:6")
    assert "fracode/run.jl, which constructs none" in adam.note
