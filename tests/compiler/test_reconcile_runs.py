"""Reconciliation against the code that runs: a project file's commands and workflows
choose the script and the config of each stage, a paragraph's stage (its heading) is
compared only with code of that stage, and a count of the data is never taken for a limit
per example. Each test builds a real git repository shaped like a pretrain-then-finetune
project (a spaCy/weasel `project.yml`, a pretraining script, two finetuning configs)."""

from __future__ import annotations

from pathlib import Path

from arakit.compiler.ground import ground_repo
from arakit.compiler.pdf.document import DocSection, Document, Paragraph
from arakit.compiler.reconcile import Verdict, reconcile
from arakit.compiler.settings import paper_settings
from tests.compiler.gitrepo import git_repo

PRETRAIN = (
    "import typer\n"
    "from transformers import TrainingArguments\n\n\n"
    "def main(learning_rate: float = typer.Option(2e-4), max_steps: int = typer.Option(-1)):\n"
    "    args = TrainingArguments(\n"
    "        output_dir='out',\n"
    "        adam_beta2=0.98,\n"
    "        weight_decay=0.1,\n"
    "        learning_rate=learning_rate,\n"
    "        max_steps=max_steps,\n"
    "    )\n"
    "    return args\n\n\n"
    "if __name__ == '__main__':\n"
    "    typer.run(main)\n"
)
# the finetuning config the workflow runs, and an alternative no workflow runs
RUN_CFG = (
    "[training]\nmax_steps = 20000\n\n"
    '[training.optimizer]\n@optimizers = "Adam.v1"\nbeta1 = 0.9\nbeta2 = 0.999\n'
    "L2 = 0.01\n\n"
    '[training.optimizer.learn_rate]\n@schedules = "warmup_linear.v1"\n'
    "warmup_steps = 250\ntotal_steps = 20000\ninitial_rate = 0.00005\n"
)
ALT_CFG = (
    "[training]\nmax_steps = 20000\n\n"
    '[training.optimizer]\n@optimizers = "Adam.v1"\nbeta1 = 0.9\nbeta2 = 0.999\n'
    "L2 = 0.01\nlearn_rate = 0.001\n"
)
PROJECT = """\
title: "A pretrain-then-finetune project"
vars:
  learning_rate: 0.0002
  max_steps: 100000
  config: "run.cfg"
workflows:
  all:
    - pretrain-model
    - finetune-model
commands:
  - name: "pretrain-model"
    script:
      - >-
        python -m scripts.pretrain_model
        --learning-rate ${vars.learning_rate}
        --max-steps ${vars.max_steps}
  - name: "finetune-model"
    script:
      - python -m spacy train configs/${vars.config} --output-path training/
  - name: "finetune-alternative"
    script:
      - python -m spacy train configs/alt.cfg --output-path training/
"""


def _paper(*sections: tuple[str, str, str]) -> Document:
    doc = Document(path="p.pdf", pages=9)
    doc.sections = [
        DocSection(number, title, 2, 2, paragraphs=[Paragraph(text, 2, number)])
        for number, title, text in sections
    ]
    return doc


def _reconciled(tmp_path: Path, doc: Document, files: dict[str, str]) -> list[Verdict]:
    repo = git_repo(tmp_path / "r", [{"files": files, "msg": "project"}])
    g = ground_repo(repo.path, with_history=False)
    return [v for v in reconcile(paper_settings(doc), g.params) if not v.negative]


def _found(verdicts: list[Verdict], key: str, value: str) -> Verdict:
    return next(v for v in verdicts if v.key == key and v.paper_value.startswith(value))


FILES = {
    "project.yml": PROJECT,
    "scripts/__init__.py": "",
    "scripts/pretrain_model.py": PRETRAIN,
    "configs/run.cfg": RUN_CFG,
    "configs/alt.cfg": ALT_CFG,
}
PRETRAINING = (
    "2.1",
    "Pretraining the base model",
    "We pretrain for 100k steps with a learning rate of 2e-4, using the AdamW optimizer "
    "with β2=0.98 and a weight decay of 0.01.",
)
FINETUNING = (
    "2.2",
    "Finetuning the pipelines",
    "We used the Adam optimizer with β1=0.9, β2=0.999 and a learning rate of 0.001.",
)


def test_a_disagreeing_value_of_the_script_that_runs_is_a_mismatch_not_an_agreeing_one_elsewhere(
    tmp_path: Path,
) -> None:
    got = _reconciled(tmp_path, _paper(PRETRAINING), FILES)
    wd = _found(got, "weight_decay", "0.01")
    assert (wd.verdict, wd.code_value, wd.code_where) == (
        "mismatch",
        "0.1",
        "scripts/pretrain_model.py:9",
    )
    lr = _found(got, "learning_rate", "2e-4")
    assert (lr.verdict, lr.code_where) == ("match", "project.yml:13")


def test_the_config_a_workflow_runs_is_compared_not_an_alternative_no_workflow_runs(
    tmp_path: Path,
) -> None:
    got = _reconciled(tmp_path, _paper(FINETUNING), FILES)
    lr = _found(got, "learning_rate", "0.001")
    assert (lr.verdict, lr.code_value, lr.code_where) == (
        "mismatch",
        "0.00005",
        "configs/run.cfg:14",
    )
    assert _found(got, "beta2", "0.999").code_where == "configs/run.cfg:7"


def test_a_pretraining_value_is_never_a_mismatch_with_the_finetuning_config(
    tmp_path: Path,
) -> None:
    # the pretraining script leaves β2 to the library; only the finetuning config sets one
    pretrain = "from transformers import TrainingArguments\n\nargs = TrainingArguments('out', weight_decay=0.01, learning_rate=2e-4)\n"
    files = {"scripts/pretrain_model.py": pretrain, "configs/finetune.cfg": ALT_CFG}
    got = _reconciled(tmp_path, _paper(PRETRAINING), files)
    beta2 = _found(got, "beta2", "0.98")
    assert beta2.verdict == "paper-only"
    assert not [v for v in got if v.verdict == "mismatch"]


def test_a_baseline_paragraph_is_not_compared_with_the_pretraining_script(tmp_path: Path) -> None:
    baseline = (
        "3.2",
        "Baseline model details",
        "The model is initialized using pretrained weights. Training is done by using the SGD "
        "optimizer with a momentum of 0.9 and a weight decay of 0.0001.",
    )
    pretraining = (
        "3.3",
        "Pretraining model details",
        "We pretrain with the SGD optimizer with a momentum of 0.9 and a weight decay of 5 · 10−4.",
    )
    pretrain = (
        "import torch\n\nopt = torch.optim.SGD([], lr=0.001, momentum=0.9, weight_decay=5e-4)\n"
    )
    got = _reconciled(
        tmp_path, _paper(baseline, pretraining), {"pretraining/pretrain.py": pretrain}
    )
    assert _found(got, "weight_decay", "5").verdict == "match"
    assert _found(got, "weight_decay", "0.0001").verdict != "mismatch"


def test_a_count_of_the_data_is_not_compared_with_a_length_limit(tmp_path: Path) -> None:
    intro = (
        "1",
        "Introduction",
        "Finally, the dataset has over 2.6M tokens for training, and around 330k tokens for "
        "validation and testing.",
    )
    tok = "from tokenizers import Tokenizer\n\ntok = Tokenizer.from_file('t.json')\ntok.enable_truncation(max_length=512)\n"
    got = _reconciled(tmp_path, _paper(intro), {"train_tokenizer.py": tok})
    assert not [v for v in got if v.verdict == "mismatch"]
    limit = (
        "2",
        "Setup",
        "Sequences are truncated to a maximum length of 256 tokens.",
    )
    got = _reconciled(tmp_path / "b", _paper(limit), {"train_tokenizer.py": tok})
    assert [v.code_value for v in got if v.verdict == "mismatch"] == ["512"]


def test_a_value_the_launcher_passes_is_compared_and_the_default_it_replaces_is_named(
    tmp_path: Path,
) -> None:
    train = (
        "import argparse\n\n"
        "p = argparse.ArgumentParser()\n"
        "p.add_argument('--epochs', type=int, default=50)\n"
        "p.add_argument('--lr', type=float, default=0.1)\n"
        "p.add_argument('--batch-size', type=int, default=4)\n"
    )
    launch = "#!/bin/bash\npython train.py --epochs 100 --lr 0.001 --batch-size 8\n"
    setup = (
        "3",
        "Training details",
        "We train with a learning rate of 0.001 and a batch size of 8 for 30 epochs.",
    )
    got = _reconciled(tmp_path, _paper(setup), {"train.py": train, "run_training.sh": launch})
    epochs = _found(got, "epochs", "30")
    assert (epochs.verdict, epochs.code_value, epochs.code_where) == (
        "mismatch",
        "100",
        "run_training.sh:2",
    )
    assert "over the default 50 at train.py:4" in epochs.note


def test_two_run_configs_that_disagree_leave_the_value_ambiguous_not_a_match(
    tmp_path: Path,
) -> None:
    # the paragraph agrees with the project's vars; both configs its workflow runs set a
    # weight decay, and the paper's value agrees with one only
    project = (
        "vars:\n  learning_rate: 0.0002\n  max_steps: 100000\n"
        "workflows:\n  all:\n    - train-a\n    - train-b\n"
        "commands:\n"
        "  - name: train-a\n    script:\n      - python -m spacy train configs/a.cfg\n"
        "  - name: train-b\n    script:\n      - python -m spacy train configs/b.cfg\n"
    )
    a = "[training.optimizer]\nL2 = 0.01\n"
    b = "[training.optimizer]\nL2 = 0.1\n"
    setup = (
        "4",
        "Training",
        "We train for 100k steps with a learning rate of 2e-4 and a weight decay of 0.01.",
    )
    files = {"project.yml": project, "configs/a.cfg": a, "configs/b.cfg": b}
    got = _reconciled(tmp_path, _paper(setup), files)
    wd = _found(got, "weight_decay", "0.01")
    assert (wd.verdict, wd.code_where) == ("ambiguous", "configs/a.cfg:2")
    assert "0.1 at configs/b.cfg:2" in wd.note


def test_a_python_literal_with_digit_separators_is_the_same_number(tmp_path: Path) -> None:
    setup = ("2", "Training", "We use 12k warmup steps and a learning rate of 2e-4.")
    train = "from transformers import TrainingArguments\n\nargs = TrainingArguments('o', warmup_steps=12_000)\n"
    got = _reconciled(tmp_path, _paper(setup), {"train.py": train})
    assert _found(got, "warmup_steps", "12k").verdict == "match"


def test_a_value_of_the_code_the_paper_prints_is_not_held_against_another_script() -> None:
    from arakit.compiler.atoms import Where
    from arakit.compiler.repo.params import params_of
    from arakit.compiler.settings.model import PaperSetting

    printed = PaperSetting(
        "n_loc", "n_loc", "50", 50.0, "", Where(3, "", "n_loc <- 50"), source="code", group=1
    )
    other = params_of("n_loc <- 20\nfit <- run(n_loc)\n", "examples/other_example.R")
    got = reconcile([printed], other)
    v = next(v for v in got if v.key == "n_loc" and v.paper_value)
    assert v.verdict == "paper-only"
    assert "another script" in v.note


def test_an_argument_one_call_passes_is_not_the_only_definition_of_the_runs_setting(
    tmp_path: Path,
) -> None:
    setup = (
        "5",
        "Experiments",
        "The evaluation uses importance sampling with 100000 samples altogether.",
    )
    model = "class Prior:\n    def draw(self):\n        return self._sample(n_samples=1)\n"
    got = _reconciled(tmp_path, _paper(setup), {"prior.py": model})
    assert not [v for v in got if v.verdict == "mismatch"]


def test_a_launch_value_equal_to_the_default_is_not_said_to_replace_it(tmp_path: Path) -> None:
    train = "import argparse\n\np = argparse.ArgumentParser()\np.add_argument('--epochs', type=int, default=100)\np.add_argument('--lr', type=float, default=0.1)\n"
    launch = "#!/bin/bash\npython train.py --epochs 100 --lr 0.001\n"
    setup = ("3", "Training", "We train with a learning rate of 0.001 for 30 epochs.")
    got = _reconciled(tmp_path, _paper(setup), {"train.py": train, "run.sh": launch})
    epochs = _found(got, "epochs", "30")
    assert (epochs.verdict, epochs.code_where) == ("mismatch", "run.sh:2")
    assert "as the default at train.py:4 says" in epochs.note
