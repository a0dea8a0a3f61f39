"""Settings whose paper name and code name differ in shape but not in role: a role
qualified by the part it sets ("learning rate for Adam optimizer in encoder-decoder"
against `Adam(encoder.parameters(), lr=...)`), an interval the code writes as a modulo
test, a total over the stages a script runs in turn, and values the paper gives for
other people's work. Each test builds a real git repository."""

from __future__ import annotations

from pathlib import Path

from arakit.compiler.reconcile import Verdict
from tests.compiler.reconciled import one_paragraph, reconciled

AUTOENCODER = """\
import torch

encoder, decoder = Encoder(), Decoder()
opt_e = torch.optim.Adam(encoder.parameters(), lr=0.0005)
opt_d = torch.optim.Adam(decoder.parameters(), lr=0.0005)

for epoch in range(50):
    for x in loader:
        opt_e.step()
        opt_d.step()
"""


def _verdicts(
    tmp_path: Path, text: str, files: dict[str, str], title: str = "Experiments"
) -> list[Verdict]:
    return reconciled(tmp_path, one_paragraph(text, "3", title, 3), files)


def test_a_learning_rate_qualified_by_the_part_it_sets_is_compared_with_that_parts_optimiser(
    tmp_path: Path,
) -> None:
    text = "We train for 50 epochs. We set a learning rate for Adam optimizer in encoder-decoder to 0.001."
    found = _verdicts(tmp_path, text, {"train.py": AUTOENCODER})
    v = next(v for v in found if v.key.startswith("learning_rate"))
    assert (v.verdict, v.paper_value, v.code_value, v.code_where) == (
        "mismatch",
        "0.001",
        "0.0005",
        "train.py:4",
    )


def test_a_qualifier_naming_a_part_the_code_never_mentions_gives_no_mismatch(
    tmp_path: Path,
) -> None:
    text = "We train for 50 epochs. We set a learning rate for the discriminator to 0.001."
    found = _verdicts(tmp_path, text, {"train.py": AUTOENCODER})
    assert not [v for v in found if v.verdict == "mismatch"]


NUMPY_NET = """\
def train(X, Y, epochs, learning_rate):
    for epoch in range(epochs):
        loss = step(X, Y, learning_rate)
        if epoch % 5 == 0:
            print(f"Epoch {epoch}, Loss: {loss}")

hidden_size = 128
train(x_train, y_train, 100, 0.1)
"""


def test_a_log_interval_written_as_a_modulo_test_is_compared_with_the_papers(
    tmp_path: Path,
) -> None:
    text = "The network has 128 hidden units. The loss is printed every 100 epochs to monitor training."
    found = _verdicts(tmp_path, text, {"main.py": NUMPY_NET})
    v = next(v for v in found if v.key == "log_interval")
    assert (v.verdict, v.code_value, v.code_where) == ("mismatch", "5", "main.py:4")


def test_an_interval_over_another_counter_is_not_the_papers(tmp_path: Path) -> None:
    text = (
        "The network has 128 hidden units. The loss is printed every 100 steps to monitor training."
    )
    found = _verdicts(tmp_path, text, {"main.py": NUMPY_NET})
    assert not [v for v in found if v.verdict == "mismatch"]


STAGES = """\
model = build()
model.compile(optimizer=Adam(learning_rate=1e-4))
model.fit(images, labels, epochs=500)
model.trainable = True
model.fit(images, labels, epochs=250)
"""


def test_a_total_of_the_stages_a_script_runs_in_turn_is_their_sum(tmp_path: Path) -> None:
    text = (
        "The classifier was trained with learning rate = 0.0001 for a total of 750 epochs, "
        "500 for training and 250 for fine tuning."
    )
    found = _verdicts(tmp_path, text, {"train_cnn.py": STAGES})
    assert not [v for v in found if v.verdict == "mismatch"]
    v = next(v for v in found if v.key == "epochs" and v.paper_value.startswith("750"))
    assert v.verdict == "match" and "500 at train_cnn.py:3 + 250 at train_cnn.py:5" in v.note


def test_a_total_the_stages_do_not_add_up_to_stays_a_mismatch(tmp_path: Path) -> None:
    text = "The classifier was trained with learning rate = 0.0001 for a total of 900 epochs."
    found = _verdicts(tmp_path, text, {"train_cnn.py": STAGES})
    assert [v.code_where for v in found if v.verdict == "mismatch"] == ["train_cnn.py:3"]


def test_values_the_related_work_section_gives_for_other_studies_are_not_compared(
    tmp_path: Path,
) -> None:
    code = "def generate(n_samples=100):\n    pass\n\ngenerate(n_samples=100)\n"
    text = "The dataset which they used consisted of 3743 samples classified into 3 classes."
    found = reconciled(tmp_path, one_paragraph(text, "2", "Related Work", 2), {"gen.py": code})
    assert not [v for v in found if v.verdict in ("match", "mismatch")]
