"""Designs given up in plain words: a subject that is "<new> instead of <old>", a section cut
while the rest of the paper is rewrapped in the same commit; next to their look-alikes: a
switch of package manager, a reader's comments file, a section reworded elsewhere."""

from __future__ import annotations

from pathlib import Path

from arakit.compiler.ground import params_of
from arakit.compiler.repo.history import History, read_history
from arakit.compiler.repo.messages import out_and_in
from tests.compiler.gitrepo import git_repo

RECEIVER = '''"""The receiver of the referential game."""
import torch


class Receiver(torch.nn.Module):
    def forward(self, message, images):
{body}
'''
CONCAT = """        flat = images.flatten(start_dim=1)
        concat = torch.cat((flat, message), dim=1)
        return self.linear(self.relu(concat))"""
DOT = """        reduced = self.relu(self.linear(images))
        scores = torch.matmul(reduced, message.unsqueeze(2))
        return self.softmax(scores.squeeze())"""


def _read(path: Path) -> History:
    h = read_history(path, params_of, [])
    assert h is not None
    return h


def test_a_subject_naming_the_new_design_instead_of_the_old_is_a_pivot(tmp_path: Path) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"key": "cat", "files": {"receiver.py": RECEIVER.format(body=CONCAT)},
             "msg": "receiver"},
            {"key": "dot", "files": {"receiver.py": RECEIVER.format(body=DOT)},
             "msg": "dot product instead of concat", "day": 3},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert (f.kind, f.pattern) == ("pivot", "switched")
    assert f.commits == [repo.shas["cat"], repo.shas["dot"]]
    assert f.lesson == "concat replaced by dot product"


def test_tweaks_fixes_and_tooling_switches_are_no_change_of_design() -> None:
    assert out_and_in("More simulations -- 100000 instead of 20000") == ("", "")
    assert out_and_in("[fix] sum instead of mean in the cvae") == ("", "")
    assert out_and_in("use posterior instead of lh") == ("", "")
    assert out_and_in(
        "switched from pip requirements to conda environment and simplified data_loader"
    ) == ("", "")
    assert out_and_in("Switch from RLInterface (depr) to CommonRLInterface") == (
        "RLInterface",
        "CommonRLInterface",
    )


def test_a_change_of_how_results_are_plotted_or_shown_is_no_change_of_design() -> None:
    assert out_and_in("plotting with histogram instead of step") == ("", "")
    assert out_and_in("Store predicted plots instead of showing") == ("", "")
    assert out_and_in("Switch from line plot to scatter for the residuals") == ("", "")
    # the method's own words keep the pivot
    assert out_and_in("kernel density instead of histogram") == ("histogram", "kernel density")


WRAPPED = " ".join(f"word{i}" for i in range(12))
PILOT = "\n".join(
    f"The pilot allocates singular energy increments to block {i} by marginal gain."
    for i in range(12)
)
PAPER = r"""\documentclass{article}
\begin{document}
\section{Introduction}
%s
\section{Results}
Uniform ranks forget least.
%s
\end{document}
"""


def test_a_section_cut_while_the_rest_is_rewrapped_is_still_a_cut(tmp_path: Path) -> None:
    intro = "\n".join(f"Adapters of rank {i} change forgetting {WRAPPED}." for i in range(20))
    rewrapped = "\n".join(f"Adapters of rank {i} change\nforgetting {WRAPPED}." for i in range(20))
    appendix = "\\section{Spectral pilot}\n" + PILOT
    repo = git_repo(
        tmp_path,
        [
            {"key": "draft", "files": {"paper/main.tex": PAPER % (intro, appendix)},
             "msg": "first experiments done"},
            {"key": "cut", "files": {"paper/main.tex": PAPER % (rewrapped, "")},
             "msg": "Refine documentation; remove spectral pilot references", "day": 2},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert (f.pattern, f.commits) == ("section-cut", [repo.shas["draft"], repo.shas["cut"]])


def test_a_readers_comments_file_saying_something_fails_is_not_the_authors_dead_end(
    tmp_path: Path,
) -> None:
    git_repo(
        tmp_path,
        [
            {"files": {"thesis/main.tex": "\\section{Masking}\nWe mask images.\n"},
             "msg": "thesis"},
            {"files": {"thesis/main-2023-08-27-comments.txt":
                       "Masking does not work but perhaps this is because of the filters.\n"},
             "msg": "Comments", "day": 2},
        ],
    )  # fmt: skip
    assert _read(tmp_path).findings == []


UTILS = '''"""Propensity estimation."""
import numpy as np


def mlp_estimation(ratings):
    weights = np.ones(len(ratings))
    return weights / weights.sum()


def naive_bayes_estimation(truth, ratings):
    counts = np.bincount(ratings)
    return counts / counts.sum()


if __name__ == "__main__":
    ratings = np.array([1, 2, 2, 3])
    propensity = {call}
    print(propensity)
'''


def test_a_function_whose_last_call_was_swapped_for_another_is_a_dead_end(
    tmp_path: Path,
) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"files": {"data_utils.py": UTILS.format(call="mlp_estimation(ratings)")},
             "msg": "Add algo"},
            {"key": "fix", "files": {"data_utils.py": UTILS.format(
                call="naive_bayes_estimation(truth, ratings)")},
             "msg": "Fix bug that causes wrong propensity estimation", "day": 2},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert (f.kind, f.pattern, f.commits) == ("dead_end", "call-replaced", [repo.shas["fix"]])
    assert f.title == "mlp_estimation replaced by naive_bayes_estimation in data_utils.py"


def test_a_swapped_call_whose_function_is_still_called_elsewhere_gives_up_nothing(
    tmp_path: Path,
) -> None:
    git_repo(
        tmp_path,
        [
            {"files": {"data_utils.py": UTILS.format(call="mlp_estimation(ratings)"),
                       "compare.py": "from data_utils import mlp_estimation\n"
                                     "print(mlp_estimation([1, 2]))\n"},
             "msg": "Add algo"},
            {"files": {"data_utils.py": UTILS.format(
                call="naive_bayes_estimation(truth, ratings)")},
             "msg": "use naive bayes in the demo", "day": 2},
        ],
    )  # fmt: skip
    assert _read(tmp_path).findings == []


TRAINER = '''"""Train the classifier on the general classes, then on the sub-classes."""
from lightning import Trainer

BATCH_SIZE = 16


def main(data, model, checkpoint):
    trainer = Trainer(max_epochs=10, callbacks=[checkpoint])
    trainer.fit(model, datamodule=data)
{second}
'''
SECOND = """# Retrain model with 7 outputs
best_path = checkpoint.best_model_path
data = DataModule(batch_size=BATCH_SIZE, num_outputs=7)
model.load_from_checkpoint(best_path, n_classes=7)
model.change_classifier()
trainer_2 = Trainer(
    max_epochs=10,
    callbacks=[checkpoint],
)
trainer_2.fit(model, datamodule=data)
trainer_2.test(model, datamodule=data, ckpt_path="best")
print(best_path)"""


def _indent(block: str, mark: str = "") -> str:
    return "\n".join(f"    {mark}{line}" for line in block.splitlines())


def test_a_block_of_code_commented_out_and_left_so_is_a_dead_end(tmp_path: Path) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"files": {"task2/trainer.py": TRAINER.format(second=_indent(SECOND))},
             "msg": "two-stage training"},
            {"key": "off", "files": {"task2/trainer.py": TRAINER.format(
                second="    # not working at the moment\n" + _indent(SECOND, "# "))},
             "msg": "Created submissions", "day": 2},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert (f.kind, f.pattern, f.commits) == ("dead_end", "commented-out", [repo.shas["off"]])
    assert f.title == "Code switched off in trainer.py: Retrain model with 7 outputs"
    assert f.lesson == "not working at the moment"


def test_a_few_lines_commented_out_or_a_block_switched_back_on_are_no_dead_end(
    tmp_path: Path,
) -> None:
    few = "\n".join(SECOND.splitlines()[:4])
    git_repo(
        tmp_path,
        [
            {"files": {"task2/trainer.py": TRAINER.format(second=_indent(SECOND)),
                       "task2/callbacks.py": TRAINER.format(second=_indent(few))},
             "msg": "two-stage training"},
            {"files": {"task2/trainer.py": TRAINER.format(second=_indent(SECOND, "# ")),
                       "task2/callbacks.py": TRAINER.format(second=_indent(few, "# "))},
             "msg": "quick run", "day": 2},
            {"files": {"task2/trainer.py": TRAINER.format(second=_indent(SECOND))},
             "msg": "second stage back", "day": 3},
        ],
    )  # fmt: skip
    assert _read(tmp_path).findings == []
