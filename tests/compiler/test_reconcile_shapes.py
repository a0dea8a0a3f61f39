"""Reconciliation of the shapes real papers and repositories disagree in: launch-script
defaults, a value in the project file, trials against one fixed seed, run logs and
experiment plans that override defaults, script variants, and launch alternatives."""

from __future__ import annotations

from arakit.compiler.atoms import Where
from arakit.compiler.pdf.document import DocSection, Document, Paragraph
from arakit.compiler.reconcile import Verdict, reconcile
from arakit.compiler.reconcile.match import STRONG, code_numbers, name_score
from arakit.compiler.repo.params import params_of
from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.settings.model import PaperSetting
from arakit.compiler.settings import paper_settings


def _paper(*paragraphs: str) -> Document:
    doc = Document(path="p.pdf", pages=9)
    doc.sections = [
        DocSection("5", "Experiments", 1, 6, paragraphs=[Paragraph(t, 6, "5") for t in paragraphs])
    ]
    return doc


def _run(doc: Document, files: dict[str, str]) -> list[Verdict]:
    params = [p for rel, text in files.items() for p in params_of(text, rel)]
    return [v for v in reconcile(paper_settings(doc), params) if not v.negative]


def _by(verdicts: list[Verdict]) -> dict[str, tuple[str, str, str]]:
    return {
        v.key: (v.verdict, v.code_value, v.code_where) for v in verdicts if v.verdict != "code-only"
    }


def test_launch_script_defaults_that_differ_from_the_paper_are_mismatches() -> None:
    doc = _paper(
        "We draw K=4 samples per prompt with an oversampling of 8, run 30 steps in 4 "
        "environments, and cap generation at a 2,048-token budget."
    )
    launch = (
        "#!/bin/bash\n"
        "NUM_GENERATIONS=${NUM_GENERATIONS:-8}\n"
        "OVERSAMPLING=${OVERSAMPLING:-16}\n"
        "STEPS=${STEPS:-50}\n"
        "NUM_ENVS=${NUM_ENVS:-16}\n"
        "MAX_TOKENS=${MAX_TOKENS:-8192}\n"
        "python train.py --num_generations $NUM_GENERATIONS --steps $STEPS\n"
    )
    got = _by(_run(doc, {"scripts/launch.sh": launch}))
    assert got["samples_per_prompt"] == ("mismatch", "8", "scripts/launch.sh:2")
    assert got["oversampling"] == ("mismatch", "16", "scripts/launch.sh:3")
    assert got["iterations"] == ("mismatch", "50", "scripts/launch.sh:4")
    assert got["num_envs"] == ("mismatch", "16", "scripts/launch.sh:5")
    assert got["max_tokens"] == ("mismatch", "8192", "scripts/launch.sh:6")


def test_the_only_value_the_code_gives_a_setting_is_compared_even_without_agreement() -> None:
    doc = _paper("The calibration uses κ = 0.81.")
    got = _by(_run(doc, {"pyproject.toml": "[tool.calib]\nkappa = 0.78\n", "other.py": "LR = 1\n"}))
    assert got["kappa"] == ("mismatch", "0.78", "pyproject.toml:2")


def test_a_value_in_the_project_file_is_compared() -> None:
    doc = _paper(
        "The calibration uses κ = 0.81, a window of 64 samples and a learning rate of 0.01."
    )
    project = "[project]\nname = 'calib'\n\n[tool.calib]\nkappa = 0.78\nwindow = 64\nlr = 0.01\n"
    got = _by(_run(doc, {"pyproject.toml": project}))
    assert got["kappa"] == ("mismatch", "0.78", "pyproject.toml:5")


def test_five_trials_against_one_fixed_seed_is_a_mismatch() -> None:
    doc = _paper("All results are averaged over five trials with a learning rate of 0.001.")
    train = "SEED = 42\nLR = 0.001\n\nimport random\nrandom.seed(SEED)\n"
    got = _by(_run(doc, {"train.py": train}))
    assert got["repetitions"] == ("mismatch", "42", "train.py:1")
    assert got["learning_rate"][0] == "match"


def test_a_seed_that_means_draw_one_or_a_library_default_is_no_fixed_seed() -> None:
    doc = _paper("Timings were profiled over 10 repetitions for each implementation.")
    draw = "SEED = -1\nimport random\nrandom.seed(SEED if SEED >= 0 else None)\n"
    assert _by(_run(doc, {"bench.py": draw}))["repetitions"][0] == "paper-only"
    wrapper = (
        "embed = function(x,\n                 k = 15,\n                 seed = 7) {\n  x\n}\n"
    )
    assert _by(_run(doc, {"R/embed.R": wrapper}))["repetitions"][0] == "paper-only"


def test_a_python_function_default_seed_is_the_callers_choice_not_one_fixed_run() -> None:
    doc = _paper("Timings were profiled over 10 repetitions for each implementation.")
    helper = (
        "import umap\n\n\ndef umap_func(x, n_neighbors: int = 15, seed: int = 4):\n"
        "    return umap.UMAP(n_neighbors=n_neighbors, random_state=seed).fit_transform(x)\n"
    )
    assert _by(_run(doc, {"inst/python/umap_func.py": helper}))["repetitions"][0] == "paper-only"
    # the same seed set by the script itself still fixes the one run
    script = "SEED = 4\nimport random\nrandom.seed(SEED)\n"
    assert _by(_run(doc, {"bench.py": script}))["repetitions"] == ("mismatch", "4", "bench.py:1")


def test_randomizations_an_r_map_over_a_count_repeats_are_not_one_fixed_seed() -> None:
    doc = _paper("The random selection was repeated 100 times for each region.")
    script = (
        "library(furrr)\n"
        "rates <- future_map_dfr(1:100,\n"
        "                        ~draw_one(),\n"
        "                        .options = furrr_options(seed = 19760620))\n"
    )
    # the seed makes the 100 parallel draws reproducible; the map makes them
    assert _by(_run(doc, {"code/rates.R": script}))["repetitions"][0] != "mismatch"
    sweeps = [
        (p.name, p.value, p.line) for p in params_of(script, "code/rates.R") if p.kind == "sweep"
    ]
    assert sweeps == [("future_map_dfr", "1:100", 2)]
    # without the map the one seed fixes one run, as in Python
    alone = "set.seed(19760620)\nSEED <- 19760620\nrates <- draw_one()\n"
    assert _by(_run(doc, {"code/rates.R": alone}))["repetitions"][0] == "mismatch"


def test_trials_with_a_seed_sweep_are_not_flagged() -> None:
    doc = _paper("All results are averaged over five trials with a learning rate of 0.001.")
    files = {"train.py": "SEED = 42\nLR = 0.001\n", "sweep.py": "SEEDS = [0, 1, 2, 3, 4]\n"}
    # five seeds listed: the five trials, counted
    assert _by(_run(doc, files))["repetitions"][0] == "match"


def test_trials_run_by_a_counting_loop_of_a_launch_script_are_not_flagged() -> None:
    doc = _paper("All results are averaged over five trials with a learning rate of 0.001.")
    run = "#!/bin/sh\nfor i in {1..5}; do\n  python train.py --run $i\ndone\n"
    files = {"train.py": "SEED = 42\nLR = 0.001\n", "run_all.sh": run}
    assert _by(_run(doc, files))["repetitions"][0] == "paper-only"


def test_a_run_log_that_shows_another_value_is_an_override_at_run_time() -> None:
    doc = _paper("We train with a learning rate of 0.001, a batch size of 64 and dropout of 0.1.")
    train = (
        "import argparse\np = argparse.ArgumentParser()\n"
        "p.add_argument('--lr', type=float, default=0.01)\n"
        "p.add_argument('--batch_size', type=int, default=64)\n"
        "p.add_argument('--dropout', type=float, default=0.1)\n"
    )
    log = "Namespace(lr=0.001, batch_size=64, dropout=0.1)\nstep=1 loss=2.3\n"
    got = {v.key: v for v in _run(doc, {"train.py": train, "logs/run.log": log})}
    lr = got["learning_rate"]
    assert (lr.verdict, lr.code_where) == ("match", "logs/run.log:1")
    assert lr.note.startswith("overridden at run time") and "train.py:3" in lr.note


def test_a_plan_overrides_the_scripts_default_and_an_unset_key_keeps_it() -> None:
    doc = _paper(
        "Models have a single hidden layer with 15 nodes and are trained with Adam at a "
        "learning rate set to 1 · 10−3, for a batch size of 128 and a sequence length of 80."
    )
    main = (
        "import argparse\nif __name__ == '__main__':\n    p = argparse.ArgumentParser()\n"
        "    p.add_argument('--hidden_size', type=int, default=20)\n"
        "    p.add_argument('--lr', type=float, default=5e-4)\n"
        "    p.add_argument('--batch_size', type=int, default=128)\n"
        "    p.add_argument('--seq_len', type=int, default=80)\n"
    )
    plan = "plan = build.full_fact({'lr': [1e-3], 'batch_size': [128], 'seq_len': [80]})\n"
    got = {v.key: v for v in _run(doc, {"exp/main.py": main, "exp/does/plan.py": plan})}
    assert (got["learning_rate"].verdict, got["learning_rate"].code_where) == (
        "match",
        "exp/does/plan.py:1",
    )
    assert "overridden at run time" in got["learning_rate"].note
    assert (got["hidden_size"].verdict, got["hidden_size"].code_where) == (
        "mismatch",
        "exp/main.py:4",
    )


def test_a_canonical_script_wins_a_tie_over_its_variant() -> None:
    doc = _paper("We optimise for n = 50000 iterations with a learning rate of 1e-5.")
    files = {
        "cts/fit_soft.py": "if __name__ == '__main__':\n    num_iter = 50000\n    lr = 2e-5\n    fit(num_iter, lr)\n",
        "cts/fit_soft_slower.py": "if __name__ == '__main__':\n    num_iter = 100000\n    lr = 1e-5\n    fit(num_iter, lr)\n",
    }
    got = _by(_run(doc, files))
    assert got["learning_rate"] == ("mismatch", "2e-5", "cts/fit_soft.py:3")
    assert got["iterations"] == ("match", "50000", "cts/fit_soft.py:2")


def test_a_flag_passed_by_only_one_of_several_launches_is_an_alternative_not_the_run() -> None:
    doc = _paper("Both models are trained for 80,000 steps with a learning rate of 3e-4.")
    train = (
        "import argparse\np = argparse.ArgumentParser()\n"
        "p.add_argument('--total-steps', type=int, default=80000)\n"
        "p.add_argument('--lr', type=float, default=3e-4)\n"
    )
    make = "train:\n\tpython train.py\n\ntrain-fast:\n\tpython train.py --total-steps 40000\n"
    got = _by(_run(doc, {"train.py": train, "Makefile": make}))
    assert got["iterations"] == ("match", "80000", "train.py:3")


def test_units_and_notations_compare_as_numbers() -> None:
    doc = _paper(
        "The system is simulated with a fixed step Ts = 0.5 µs, input bandwidth of 150 kHz and λ = 10−4."
    )
    gen = "if __name__ == '__main__':\n    Ts = 5e-7\n    omega_input = 150e3  # bandwidth\n    lr = 1e-4  # learning rate\n"
    got = _by(_run(doc, {"gen.py": gen}))
    assert got["ts"] == ("match", "5e-7", "gen.py:2")


def test_a_value_a_loop_sweeps_over_is_one_of_the_runs_not_a_mismatch() -> None:
    doc = _paper(
        "We generate sequences at an alphabet size of 8 and repeat each fit with 20 replicates."
    )
    script = (
        "ALPHA = 256\n"
        "def accuracy():\n"
        "    for alpha in [2, 4, 8]:\n"
        "        fit(alpha)\n"
        "def orders():\n"
        "    n_reps = 20\n"
        "    for rep in range(n_reps):\n"
        "        fit(seed=rep)\n"
        "SEED = 42\n"
    )
    got = {v.key: v for v in _run(doc, {"run_experiment.py": script})}
    assert not any(v.verdict == "mismatch" for v in got.values())
    assert got["repetitions"].code_where == "run_experiment.py:6"
    sweep = [p for p in params_of(script, "run_experiment.py") if p.kind == "sweep"]
    assert [(p.name, p.value, p.line) for p in sweep] == [("alpha", "[2, 4, 8]", 3)]


def test_digits_inside_a_lists_strings_or_names_are_not_its_values() -> None:
    assert code_numbers('["FC5", "FC3", "FC1"]') == ()
    assert code_numbers("[conv1, conv2]") == ()
    assert code_numbers("[32, 128]") == (32.0, 128.0)
    assert code_numbers("(1e-16, -1)") == (1e-16, -1.0)


def _stated(key: str, name: str, value: str, unit: str = "", group: int = 1) -> PaperSetting:
    sentence = "FastPCA (4 cores), bigstatsr partial (1 core) and irlba (1 core) were assessed."
    return PaperSetting(key, name, value, float(value), unit, Where(2, "2", sentence), group=group)


def test_a_setting_given_per_method_is_compared_with_the_calls_of_that_method() -> None:
    bench = (
        "k = 100\n"
        "res = bench::mark(\n"
        "  irlba_res = irlba(m, nv = k, tol = 1e-5),\n"
        "  part = bigstatsr::big_SVD(A, k = k),\n"
        "  rand = bigstatsr::big_randomSVD(A, k = k, ncores = 4),\n"
        "  fast = FastPCA(m, k = k, method = 'rsvd'),\n"
        "  exact = FastPCA(m, exact = TRUE, cores = 1),\n"
        "  min_iterations = 10)\n"
    )
    library = "FastPCA <- function(x, k = 100, exact = FALSE, cores = 4) {\n  x\n}\n"
    params = params_of(bench, "bench/run.R") + params_of(library, "R/FastPCA.R")
    settings = [
        _stated("cores", "FastPCA cores", "4"),
        _stated("cores", "bigstatsr partial cores", "1"),
        _stated("cores", "random cores", "4"),
        _stated("cores", "irlba cores", "1"),
    ]
    got = {
        v.paper_name: (v.verdict, v.code_value, v.code_where) for v in reconcile(settings, params)
    }
    # the comparison's script runs the methods; FastPCA's exact call passes 1 core
    assert got["FastPCA cores"] == ("mismatch", "1", "bench/run.R:7")
    assert got["random cores"] == ("match", "4", "bench/run.R:5")
    # irlba and the partial SVD are given no cores in the code: FastPCA's 1 says nothing of them
    assert (
        got["irlba cores"][0] == "paper-only" and got["bigstatsr partial cores"][0] == "paper-only"
    )


def test_a_run_together_macro_name_is_read_as_the_papers_words() -> None:
    header = "#define MAXOPCODE 19\n\n// smallest integer such that 2**(OPLEN) >= MAXOPCODE\n#define OPLEN 5\n"
    params = params_of(header, "interp/synth.h")
    s = PaperSetting(
        "opcode_bits", "opcode bits", "4", 4.0, "bits", Where(10, "5.3", "each opcode is 4 bits")
    )
    oplen = next(p for p in params if p.name == "OPLEN")
    assert name_score(s, oplen) >= STRONG  # op(code) len(gth): a width in bits is a length
    cores = PaperSetting("cores", "cores", "4", 4.0, "", Where(2, "2", "4 cores"))
    assert name_score(cores, CodeParam("ncores", "4", "a.R", 1, "call", "", "f")) >= STRONG
    assert name_score(cores, CodeParam("NRES", "1", "a.h", 1, "constant")) == 0.0


def test_near_identical_experiment_scripts_go_to_the_papers_own_method() -> None:
    from arakit.compiler.reconcile.method import method_words

    text = (
        "In this work, we utilize CodeLlama to classify commits. Llama2, used for comparison, "
        "is also fine-tuned. Our approach employs CodeLlama and thus we include comparative "
        "analyses with Llama2 and BERT."
    )
    prefer = method_words(text)
    assert prefer["codellama"] > 0 > prefer["llama2"] and prefer["bert"] < 0
    train = 'config = {"learning_rate": 1e-4, "num_train_epochs": 5, "per_device_train_batch_size": 10}\n'
    params = params_of(train, "RQ3/Llama2/train.py") + params_of(train, "RQ3/CodeLlama/train.py")
    doc = _paper("The learning rate was 1e-4 and we trained for 5 epochs with a batch size of 20.")
    found = reconcile(paper_settings(doc), params, None, prefer)
    got = [v for v in found if v.key == "batch_size" and v.verdict != "code-only"]
    assert [(v.verdict, v.code_where) for v in got] == [("mismatch", "RQ3/CodeLlama/train.py:1")]
    assert (
        "RQ3/Llama2/train.py, as close, is named for a method the paper compares with"
        in got[0].note
    )
    # without the paper's words the shorter path wins the tie, as before
    plain = [v for v in reconcile(paper_settings(doc), params) if v.verdict == "mismatch"]
    assert plain[0].code_where == "RQ3/Llama2/train.py:1"


def test_the_call_the_paper_prints_and_a_live_script_over_an_archived_copy_decide_a_tie() -> None:
    timed = "res = bench::mark(\n  fast = FastPCA(m, k = 50, cores = 1),\n  min_iterations = 10)\n"
    once = "res = system.time(FastPCA(m, k = 50, cores = 1))\n"
    params = (
        params_of(once, "bench/a.R")
        + params_of(timed, "bench/timed_run.R")
        + params_of(timed, "bench/archive/timed.R")
    )
    sentence = "Time was profiled with bench::mark() over 10 repetitions; FastPCA used 4 cores."
    settings = [
        PaperSetting("cores", "FastPCA cores", "4", 4.0, "", Where(2, "2", sentence), group=1),
        PaperSetting(
            "repetitions", "repetitions", "10", 10.0, "", Where(2, "2", sentence), group=1
        ),
        PaperSetting("k", "k", "50", 50.0, "", Where(2, "2", sentence), group=1),
    ]
    got = [v for v in reconcile(settings, params) if v.verdict == "mismatch"]
    # bench::mark's 10 iterations are the paper's 10 repetitions: the timed script, and of
    # its two copies the live one, not the one in archive/
    assert [(v.key, v.code_where) for v in got] == [("cores", "bench/timed_run.R:2")]


def test_a_sentence_giving_one_setting_two_values_agrees_when_the_code_holds_one() -> None:
    doc = _paper(
        "The transformers were trained on 3 general classes, then finetuned for the desired "
        "7 classes."
    )
    model = (
        "class BaseBert:\n    def __init__(self, model=None, n_classes: int = 7) -> None:\n"
        "        self.n_classes = n_classes\n"
    )
    found = [v for v in _run(doc, {"task2/transformer.py": model}) if v.key == "classes"]
    assert sorted(v.verdict for v in found) == ["match", "paper-only"]
    # two values of which the code holds neither are both disagreements
    neither = _paper(
        "The transformers were trained on 3 general classes, then finetuned for the desired "
        "5 classes."
    )
    found = [v for v in _run(neither, {"task2/transformer.py": model}) if v.key == "classes"]
    assert [v.verdict for v in found] == ["mismatch", "mismatch"]


SVM = "The SVM is trained with an optimization tolerance of 1e-4. The regularization strength is set to 1.0."


def test_a_libraries_conventional_argument_names_the_papers_setting() -> None:
    doc = _paper(SVM)
    config = "svmC = 1.0\nsvmClassWeight = 'balanced'\nsvmTol = 1e-4\nsvmRandomState = 42\n"
    got = _by(_run(doc, {"code/config.py": config}))
    assert got["regularization_strength"] == ("match", "1.0", "code/config.py:1")
    assert got["optimization_tolerance"] == ("match", "1e-4", "code/config.py:3")


def test_the_same_value_under_an_unrelated_name_stays_unmatched() -> None:
    doc = _paper(SVM)
    # a physical constant C and an epsilon are not the SVM's C and tolerance
    physics = "C = 1.0  # speed of light in natural units\neps = 1e-4\n"
    got = _by(_run(doc, {"sim/constants.py": physics}))
    assert got["regularization_strength"][0] == "paper-only"
    assert got["optimization_tolerance"][0] == "paper-only"


def test_name_score_of_a_changed_parameter_is_computed_again_not_remembered() -> None:
    s = PaperSetting("m", "m", "64", 64.0, "", Where(3, "4", "a subsequence length m of 64"))
    p = CodeParam("seq_len", "64", "train.py", 5, "constant")
    before = name_score(s, p)
    assert name_score(s, p) == before  # the same pair of names, scored again
    p.help = "subsequence length m"  # the comment beside the value names the symbol
    assert name_score(s, p) == 0.9 > before
