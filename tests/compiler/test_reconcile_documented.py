"""What the code does not state: a README that describes the project's own procedure is
the last witness (reported in its own words, never as a code default), and constants that
label cases (`LEFT = 0`, `RIGHT = 1`) are never compared with a paper's numbers. Each test
builds a real git repository shaped like a research project."""

from __future__ import annotations

from pathlib import Path

from arakit.compiler.reconcile import Verdict
from tests.compiler.reconciled import one_paragraph, reconciled

RUN = "import yaml\n\ncfg = yaml.safe_load(open('config/sib.yaml'))\nprint(cfg)\n"
CONFIG = "train:\n  batch_size: 64\n  lr: 0.001\n"
README = """\
# Second-order parsing

## Embeddings
100d FastText word embedding trained on WSJ corpus. ( window size=3, train for {n} epochs)

```
python run.py --conf config/sib.yaml --epochs 7
```
"""


def _verdicts(tmp_path: Path, text: str, files: dict[str, str]) -> list[Verdict]:
    return reconciled(tmp_path, one_paragraph(text, "A.4", "Setting", 13), files)


FASTTEXT = (
    "We train FastText on the whole WSJ dataset for 100 epochs with window size 3 and "
    "embedding dimension 100."
)


def test_a_readme_line_about_the_same_thing_that_states_another_value_is_a_mismatch(
    tmp_path: Path,
) -> None:
    files = {"run.py": RUN, "config/sib.yaml": CONFIG, "README.md": README.format(n=300)}
    epochs = next(v for v in _verdicts(tmp_path, FASTTEXT, files) if v.key == "epochs")
    assert (epochs.verdict, epochs.code_value, epochs.code_where) == (
        "mismatch",
        "300",
        "README.md:4",
    )
    assert "README states 300" in epochs.note and "not a value the code sets" in epochs.note


def test_a_readme_line_about_something_else_is_not_compared(tmp_path: Path) -> None:
    other = "We train the parser on the PTB treebank for 100 epochs with batch size 64."
    files = {"run.py": RUN, "config/sib.yaml": CONFIG, "README.md": README.format(n=300)}
    epochs = next(v for v in _verdicts(tmp_path, other, files) if v.key == "epochs")
    assert epochs.verdict == "paper-only"


def test_the_code_outranks_the_readme(tmp_path: Path) -> None:
    files = {
        "run.py": RUN,
        "config/sib.yaml": CONFIG + "  epochs: 100\n",
        "README.md": README.format(n=300),
    }
    epochs = next(v for v in _verdicts(tmp_path, FASTTEXT, files) if v.key == "epochs")
    assert (epochs.verdict, epochs.code_where) == ("match", "config/sib.yaml:4")


def test_enumeration_constants_are_never_compared_with_notation(tmp_path: Path) -> None:
    const = "NOCHILD = 1\nHASCHILD = 0\nLEFT = 0\nRIGHT = 1\nGO = 0\nSTOP = 1\n"
    text = "We use the notation LEFT = 0, RIGHT = 0, HASCHILD = 0 and NOCHILD = 1 in Algorithm 1."
    files = {"parser/const.py": const, "run.py": "from parser.const import RIGHT\nprint(RIGHT)\n"}
    found = _verdicts(tmp_path, text, files)
    assert [v for v in found if v.verdict in ("mismatch", "match")] == []


def test_a_readme_sentence_that_quotes_results_is_no_witness_of_the_procedure(
    tmp_path: Path,
) -> None:
    text = "We train FastText on the whole WSJ dataset for 100 epochs with window size 3."
    results = (
        "# Parser\n\nOn WSJ, FastText accuracy holds at 0.91 with 300 epochs and window "
        "size=3. Train FastText on WSJ for 300 epochs with window size=3.\n"
    )
    files = {"run.py": RUN, "config/sib.yaml": CONFIG, "README.md": results}
    epochs = next(v for v in _verdicts(tmp_path, text, files) if v.key == "epochs")
    # the second sentence of the same line states the procedure and still witnesses it
    assert (epochs.verdict, epochs.code_where) == ("mismatch", "README.md:3")
    only_results = results.split(" Train")[0] + "\n"
    files["README.md"] = only_results
    epochs = next(v for v in _verdicts(tmp_path, text, files) if v.key == "epochs")
    assert epochs.verdict == "paper-only"
