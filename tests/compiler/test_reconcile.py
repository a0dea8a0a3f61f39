"""Code–paper reconciliation on the planted paper and repository."""

from __future__ import annotations

from arakit.compiler import reconcile_paths
from arakit.compiler.reconcile import reconcile, same_value
from tests.compiler.gitrepo import PlantedRepo
from tests.compiler.pdfgen import PaperFile


def test_every_planted_verdict_is_reported(paper: PaperFile, repo: PlantedRepo) -> None:
    found, _ = reconcile_paths(paper.path, str(repo.path))
    verdicts = {v.key: v.verdict for v in found if not v.negative}
    assert verdicts == {
        "learning_rate": "match",
        "momentum": "match",
        "weight_decay": "match",
        "epochs": "match",
        "warmup_epochs": "match",
        "batch_size": "mismatch",
        "dropout": "mismatch",
        "label_smoothing": "paper-only",
        "n_gpus": "paper-only",  # `on 8 NVIDIA V100 GPUs`: the machine, stated by the paper only
        "optimizer": "paper-only",  # `with SGD`: the script constructs no optimiser
        "seed": "code-only",
        "hidden_size": "code-only",
        "num_layers": "code-only",  # ModelConfig.depth
        "gate_init": "code-only",
        "use_norm": "code-only",
    }


def test_a_mismatch_carries_both_values_and_both_locations(
    paper: PaperFile, repo: PlantedRepo
) -> None:
    found, _ = reconcile_paths(paper.path, str(repo.path))
    by = {v.key: v for v in found if not v.negative}
    bs = by["batch_size"]
    assert (bs.paper_value, bs.paper_where, bs.code_value, bs.code_where) == (
        "256",
        "p. 1, §4.1",
        "128",
        "train.py:14",
    )
    dr = by["dropout"]
    assert (dr.paper_value, dr.code_value, dr.code_where) == ("0.2", "0.3", "config.yaml:4")


def test_a_value_reported_as_not_working_is_listed_not_compared(
    paper: PaperFile, repo: PlantedRepo
) -> None:
    found, _ = reconcile_paths(paper.path, str(repo.path))
    tried = [(v.key, v.paper_value, v.verdict) for v in found if v.negative]
    assert ("batch_size", "1024", "paper-only") in tried


def test_equal_numbers_written_differently_match() -> None:
    assert same_value("1e-4", "0.0001")
    assert same_value("90", "90.0")
    assert not same_value("0.2", "0.3")
    assert same_value("'adam'", "Adam")


def test_two_named_values_of_one_paragraph_claiming_one_code_value_are_not_a_mismatch() -> None:
    from arakit.compiler.pdf.document import DocSection, Document, Paragraph
    from arakit.compiler.repo.params import params_of
    from arakit.compiler.settings import paper_settings

    def verdicts(text: str) -> dict[str, tuple[str, str]]:
        doc = Document(path="p.pdf", pages=3)
        doc.sections = [
            DocSection("4", "Simulation setup", 1, 2, paragraphs=[Paragraph(text, 2, "4")])
        ]
        code = "n <- 40\nT <- 250\nk_rep <- 20\nout <- study(B = 100, k = 5, n = 10)\n"
        found = reconcile(paper_settings(doc), params_of(code, "sim.R"))
        return {v.key: (v.paper_value, v.verdict) for v in found}

    base = "We simulate n = 40 series of T = 250 time points. "
    # 'k = 5 or k = 10 iterations': the code's k = 5 is one of two stated alternatives
    got = verdicts(base + "We find that k = 5 or k = 10 iterations of LOOCV performs well.")
    assert got["k"] == ("5", "match")
    assert got["iterations"] == ("10 iterations", "paper-only")
    # one name, one value: a disagreement is still reported
    assert verdicts(base + "We use k = 8.")["k"] == ("8", "mismatch")


def _stated(key: str, value: str, number: float, sentence: str, group: int = 1):  # type: ignore[no-untyped-def]
    from arakit.compiler.atoms import Where
    from arakit.compiler.settings.model import PaperSetting

    return PaperSetting(
        key, key.replace("_", " "), value, number, "", Where(4, "3", sentence), group=group
    )


_TAGGER = (
    "import argparse\n"
    "p = argparse.ArgumentParser()\n"
    "p.add_argument('--train_size', default=0, type=int, help='train only on slice of given length')\n"
    "p.add_argument('--max_iter', default=-1, type=int)\n"
    "p.add_argument('--dropout', default=0, type=float)\n"
    "p.add_argument('--C', default=1.0, type=float)\n"
)


def test_a_zero_or_minus_one_size_default_means_all_and_is_not_a_mismatch() -> None:
    from arakit.compiler.repo.params import params_of

    params = params_of(_TAGGER, "tagger/train.py")
    settings = [
        _stated("train_size", "888k", 888000.0, "models with a training set size of 888k"),
        _stated("max_iter", "5000", 5000.0, "at most 5000 iterations"),
        _stated("dropout", "0.1", 0.1, "a dropout of 0.1"),
    ]
    got = {v.key: v.verdict for v in reconcile(settings, params) if v.verdict != "code-only"}
    # 0 items and -1 iterations stand for "the whole set" and "no limit"; a dropout of 0 is
    # a value, and still disagrees
    assert got["train_size"] == "paper-only" and got["max_iter"] == "paper-only"
    assert got["dropout"] == "mismatch"


def test_a_plan_for_the_next_experiment_is_not_a_setting_of_the_run() -> None:
    from arakit.compiler.repo.params import params_of

    params = params_of("seed: 42\nlearning_rate: 0.0002\n", "configs/base.yaml")
    plan = _stated(
        "repetitions", "three", 3.0, "The next decisive experiment is three seeds for each order."
    )
    (v,) = [v for v in reconcile([plan], params) if v.key == "repetitions"]
    assert v.verdict == "paper-only" and v.negative and "plan" in v.note
    ran = _stated("repetitions", "three", 3.0, "We report the mean over three seeds.")
    (v,) = [v for v in reconcile([ran], params) if v.key == "repetitions"]
    assert v.verdict == "mismatch" and "one seed (42)" in v.note


def test_a_list_of_seed_values_is_compared_by_its_length_not_its_values() -> None:
    from arakit.compiler.repo.params import params_of

    def verdict(code: str) -> str:
        ran = _stated("repetitions", "three", 3.0, "We report the mean over three seeds.")
        params = params_of(code, "scripts/run_matrix.py")
        return next(v.verdict for v in reconcile([ran], params) if v.key == "repetitions")

    assert verdict("SEEDS = [0, 1, 2]\n") == "match"
    assert verdict("SEEDS = [42]\n") == "mismatch"  # one seed where the paper states three


def test_a_stated_range_is_compared_with_the_codes_low_and_high_bounds() -> None:
    from arakit.compiler.repo.params import params_of

    makefile = 'ZLOW="0"\nZHIGH="1.9"\n\nrun:\n\t./feline.bin $(ZLOW) $(ZHIGH)\n'
    rng = _stated("redshift_range", "0.4 < z < 1.4", 0.4, "for the redshift range (0.4 < z < 1.4)")
    rng.name, rng.number, rng.numbers = "redshift range of interest (z)", None, (0.4, 1.4)
    (v,) = [v for v in reconcile([rng], params_of(makefile, "Makefile")) if v.key == rng.key]
    assert (v.verdict, v.code_where, v.code_value) == ("mismatch", "Makefile:1", "0 .. 1.9")
    assert "ZHIGH = 1.9 (Makefile:2)" in v.note
    same = params_of(makefile.replace('"0"', '"0.4"').replace('"1.9"', '"1.4"'), "Makefile")
    (v,) = [v for v in reconcile([rng], same) if v.key == rng.key]
    assert v.verdict == "match"


def test_a_count_printed_in_thousands_matches_the_exact_count() -> None:
    from arakit.compiler.repo.params import params_of

    code = "data_size = 888237\nprint(data_size)\n"
    size = _stated("data_size", "888k", 888000.0, "a training set size of 888k")
    (v,) = [v for v in reconcile([size], params_of(code, "evaluate.py")) if v.key == "data_size"]
    assert v.verdict == "match"
    far = _stated("data_size", "880k", 880000.0, "a training set size of 880k")
    (v,) = [v for v in reconcile([far], params_of(code, "evaluate.py")) if v.key == "data_size"]
    assert v.verdict != "match"


def test_a_size_the_paper_gives_one_component_is_not_compared_with_anothers() -> None:
    from arakit.compiler.repo.params import params_of

    layers = _stated("num_layers", "3", 3.0, "Neural Networks with 3 dense layers")
    layers.name = "dense layers"
    lstm = params_of("n_layers = 4\nprint(n_layers)\n", "task2/lstm_embedding.py")
    got = {v.verdict for v in reconcile([layers], lstm) if v.key == "num_layers"}
    assert got == {"paper-only", "code-only"}  # listed on both sides, never as a mismatch
    dense = params_of("num_layers = 4  # dense stack\nprint(num_layers)\n", "task1/mlp.py")
    got = {v.verdict for v in reconcile([layers], dense) if v.key == "num_layers"}
    assert got == {"mismatch"}


def test_a_launcher_flag_over_a_scripts_default_is_reported_as_overridden_at_run_time() -> None:
    from arakit.compiler.repo.params import params_of

    files = {
        "Makefile": (
            "run:\n\t@. venv/bin/activate && \\\n"
            "\tpython src/pre/spectral.py --input=cube.fits --FWHM=250 --classic\n"
        ),
        "src/pre/spectral.py": (
            "import argparse\np = argparse.ArgumentParser()\n"
            "p.add_argument('--FWHM', type=float, default=300, help='line width in km/s')\n"
        ),
    }
    params = [p for f, t in files.items() for p in params_of(t, f)]
    fwhm = _stated("fwhm", "250", 250.0, "We use a FWHM of 250 km/s.")
    fwhm.name = "FWHM"
    (v,) = [v for v in reconcile([fwhm], params) if v.key == "fwhm"]
    assert (v.verdict, v.code_where) == ("match", "Makefile:3")
    assert "over the default 300 at src/pre/spectral.py:3" in v.note


_NOTEBOOK_CELLS = (
    "from keras.layers import Dense, Dropout, LSTM\n"
    "model = Sequential([\n"
    "    Dense(input_dim=2000, units=32, activation='relu'),\n"
    "    Dense(units=512, activation='relu'),\n"
    "    Dense(units=256, activation='relu'),\n"
    "    Dense(units=128, activation='relu'),\n"
    "    Dense(units=1, activation='sigmoid')])\n"
    "\n\n\n\n"
    "rnn = Sequential()\n"
    "rnn.add(LSTM(128, return_sequences=True))\n"
    "rnn.add(Dense(64, activation='relu'))\n"
    "rnn.add(Dense(1, activation='sigmoid'))\n"
)


def test_layer_sizes_the_paper_states_are_compared_with_the_layers_the_code_builds() -> None:
    from arakit.compiler.repo.params import params_of

    params = params_of(_NOTEBOOK_CELLS, "task1/train.py")

    def judged(name: str, value: str, numbers: tuple[float, ...]) -> tuple[str, str, str]:
        s = _stated("hidden_size", value, numbers[0], f"{name} {value}")
        s.name, s.number, s.numbers = name, None, numbers
        (v,) = [v for v in reconcile([s], params) if v.paper_value == value]
        return v.verdict, v.code_value, v.code_where

    # a 3-layer network of 512, 256 and 128 against a stack of four hidden dense layers
    assert judged("Neural Networks layer sizes", "512, 256 and 128", (512.0, 256.0, 128.0)) == (
        "mismatch",
        "32, 512, 256, 128",
        "task1/train.py:3",
    )
    # two LSTM models of 64 and 128 neurons where the code builds only LSTM(128)
    assert judged("LSTM neurons", "64 and 128", (64.0, 128.0)) == (
        "mismatch",
        "128",
        "task1/train.py:13",
    )
    assert judged("LSTM neurons", "128", (128.0,))[0] == "match"
    # sizes named for no kind of layer are left to the ordinary comparison
    assert judged("neurons", "64 and 128", (64.0, 128.0))[0] == "paper-only"


def test_a_disagreement_the_paper_states_twice_is_reported_once_naming_both_places() -> None:
    from arakit.compiler.atoms import Where
    from arakit.compiler.repo.params import params_of

    params = params_of(_NOTEBOOK_CELLS, "task1/train.py")
    stated = []
    for page, group in ((3, 1), (4, 2)):
        s = _stated("hidden_size", "512, 256 and 128", 512.0, "a 3-layer network", group=group)
        s.name, s.number, s.numbers = "Neural Networks layer sizes", None, (512.0, 256.0, 128.0)
        s.where = Where(page, "4", "a 3-layer network (512, 256 and 128 neurons)")
        stated.append(s)
    found = [v for v in reconcile(stated, params) if v.verdict == "mismatch"]
    assert len(found) == 1
    assert found[0].paper_where.startswith("p. 3")
    assert "same again at p. 4" in found[0].note


def test_a_count_of_layers_is_never_compared_with_the_rate_its_key_names() -> None:
    from arakit.compiler.repo.params import params_of

    layers = _stated("dropout", "2", 2.0, "we added 2 dropout layers per block")
    layers.name = "dropout layers"
    code = params_of(
        "import argparse\np = argparse.ArgumentParser()\np.add_argument('--dropout-p', type=float, default=0)\n",
        "cli.py",
    )
    (v,) = [v for v in reconcile([layers], code) if v.paper_value]
    assert v.verdict == "paper-only" and "count of dropout layers" in v.note
    rate = _stated("dropout", "0.2", 0.2, "we use a dropout of 0.2")
    assert {v.verdict for v in reconcile([rate], code) if v.paper_value} == {"mismatch"}


def test_a_count_the_sentence_gives_one_component_is_not_compared_with_anothers_size() -> None:
    from arakit.compiler.repo.params import params_of

    lstm = _stated("num_layers", "2", 2.0, "The LSTM has 2 bidirectional layers and 2048 units.")
    lstm.name = "bidirectional layers"
    unet = params_of("def valid_length(n):\n    depth = 6\n    return n * depth\n", "model.py")
    got = {v.verdict for v in reconcile([lstm], unet) if v.key == "num_layers"}
    assert "mismatch" not in got
    stacked = params_of("class LSTMStack:\n    depth = 3\n", "model.py")
    got = {v.verdict for v in reconcile([lstm], stacked) if v.key == "num_layers"}
    assert got == {"mismatch"}  # the LSTM's own depth disagrees
