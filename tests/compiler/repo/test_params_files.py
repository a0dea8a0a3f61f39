"""Parameters in configuration files, launch scripts and run logs, with file:line."""

from __future__ import annotations

from arakit.compiler.repo.params import (
    gin_params,
    ini_params,
    is_config,
    json_params,
    log_params,
    params_of,
    shell_params,
    toml_params,
    yaml_params,
)


def _nvl(params):  # type: ignore[no-untyped-def]
    return [(p.name, p.value, p.line) for p in params]


def test_yaml_keeps_values_dotted_paths_and_block_lists() -> None:
    text = "opt:\n  lr: 3e-4  # tuned\n  name: 'adam'\nsweep:\n  seeds:\n    - 0\n    - 1\n"
    assert _nvl(yaml_params(text, "c.yaml")) == [
        ("opt.lr", "3e-4", 2),
        ("opt.name", "adam", 3),
        ("sweep.seeds", "[0, 1]", 5),
    ]


def test_hydra_defaults_name_the_config_each_group_composes() -> None:
    text = "defaults:\n  - optimizer: adamw\n  - model: base\n  - _self_\ntrainer:\n  max_steps: 1000\n"
    got = [(p.kind, p.name, p.value, p.line) for p in yaml_params(text, "conf/config.yaml")]
    assert ("hydra-default", "optimizer", "adamw", 2) in got
    assert ("hydra-default", "model", "base", 3) in got
    assert ("yaml", "trainer.max_steps", "1000", 6) in got


def test_json_lines_follow_the_keys_in_document_order() -> None:
    text = '{\n  "a": {"lr": 1},\n  "b": {\n    "lr": 1e-3\n  },\n  "levels": [1, 2]\n}'
    assert _nvl(json_params(text, "c.json")) == [
        ("a.lr", "1", 2),
        ("b.lr", "1e-3", 4),
        ("levels", "[1, 2]", 6),
    ]


def test_toml_tables_prefix_their_keys() -> None:
    assert _nvl(toml_params("[train]\nbatch_size = 64\n", "c.toml")) == [
        ("train.batch_size", "64", 2)
    ]


def test_a_projects_own_pyproject_section_and_version_are_read_but_not_its_tools() -> None:
    text = (
        "[project]\nname = 'x'\nversion = \"0.1.3\"\n[tool.ruff]\nline-length = 100\n"
        "[tool.calib]\nkappa = 0.78\n"
    )
    assert _nvl(params_of(text, "pyproject.toml")) == [
        ("project.version", "0.1.3", 3),
        ("tool.calib.kappa", "0.78", 7),
    ]


def test_ini_and_cfg_training_configs_with_sections() -> None:
    text = (
        "[training]\nmax_steps = 20000\ndropout = 0.1\n\n[training.optimizer]\n"
        '@optimizers = "Adam.v1"\nlearn_rate: 0.001\n  continued line\n; comment\n'
    )
    assert _nvl(ini_params(text, "config.cfg")) == [
        ("training.max_steps", "20000", 2),
        ("training.dropout", "0.1", 3),
        ("training.optimizer.@optimizers", "Adam.v1", 6),
        ("training.optimizer.learn_rate", "0.001", 7),
    ]
    assert is_config("configs/base.cfg") and not is_config("setup.cfg")


def test_gin_bindings_and_macros() -> None:
    text = "import foo\nLR = 0.1\ntrain.learning_rate = %LR\nscope/Model.depth = 4\nModel.widths = [64, 128]\n"
    assert _nvl(gin_params(text, "c.gin")) == [
        ("LR", "0.1", 2),
        ("train.learning_rate", "%LR", 3),
        ("scope/Model.depth", "4", 4),
        ("Model.widths", "[64, 128]", 5),
    ]


def test_shell_assignments_defaults_and_launch_flags() -> None:
    text = (
        "#!/bin/bash\n"
        "K=${K:-8}\n"
        "export OVERSAMPLING=16\n"
        "python train.py --num_samples $K \\\n"
        "    --lr=1e-4 optimizer.betas=[0.9,0.95] --fp16\n"
    )
    got = [
        (p.kind, p.name, p.value, p.line)
        for p in shell_params(text, "run.sh")
        if p.kind != "launch"
    ]
    assert got == [
        ("shell-default", "K", "8", 2),
        ("shell", "OVERSAMPLING", "16", 3),
        ("cli-flag", "--num_samples", "$K", 4),
        ("cli-flag", "--lr", "1e-4", 5),  # each flag at the line it is written on
        ("hydra-override", "optimizer.betas", "[0.9,0.95]", 5),
        ("cli-flag", "--fp16", "true", 5),
    ]
    flag = next(p for p in shell_params(text, "run.sh") if p.name == "--num_samples")
    assert flag.context == "train.py" and flag.help == "$K = 8"


def test_rscript_julia_and_python_module_launches_pass_their_flags_to_the_program() -> None:
    text = (
        "Rscript code/fit_model.R --n-iter 5000 --alpha=0.05\n"
        "julia --project=. --threads 4 scripts/simulate.jl --nsamples 1000\n"
        "python -m experiments.train --lr 3e-4\n"
        "Rscript -e \"rmarkdown::render('report.Rmd')\"\n"
    )
    got = [(p.kind, p.name, p.value, p.context) for p in shell_params(text, "run_all.sh")]
    flags = [g for g in got if g[0] == "cli-flag"]
    assert flags == [
        ("cli-flag", "--n-iter", "5000", "code/fit_model.R"),
        ("cli-flag", "--alpha", "0.05", "code/fit_model.R"),
        # julia's own options before the program are not the program's settings
        ("cli-flag", "--nsamples", "1000", "scripts/simulate.jl"),
        ("cli-flag", "--lr", "3e-4", "experiments/train.py"),
    ]
    launches = [g[3] for g in got if g[0] == "launch"]
    assert launches == [
        "code/fit_model.R",
        "scripts/simulate.jl",
        "experiments/train.py",
        "Rscript",  # an expression, no program file
    ]


def test_makefile_recipes_are_launch_scripts() -> None:
    text = "train-fast:\n\tpython train.py --d-model 128 --total-steps 40000\n"
    got = [
        (p.kind, p.name, p.value, p.line) for p in params_of(text, "Makefile") if p.kind != "launch"
    ]
    assert got == [("cli-flag", "--d-model", "128", 2), ("cli-flag", "--total-steps", "40000", 2)]


def test_makefile_variables_holding_numbers_are_settings_named_by_the_flag_they_feed() -> None:
    text = (
        "N_ITER = 500\n"
        "SEED ?= 2024\n"
        "LR := 1e-3\n"
        "SEEDS = 1 2 3\n"
        "OUT = ./out\n"
        "CFLAGS := -O2 -Wall\n"
        "fit:\n"
        "\tpython fit.py --lr $(LR) --n-iter $(N_ITER)\n"
    )
    got = {p.name: (p.value, p.line, p.help) for p in shell_params(text, "Makefile")}
    assert got["N_ITER"] == ("500", 1, "--n-iter")
    assert got["SEED"] == ("2024", 2, "")
    assert got["LR"] == ("1e-3", 3, "--lr")
    assert got["SEEDS"] == ("1 2 3", 4, "")
    assert "CFLAGS" not in got
    assert "N_ITER" not in {p.name for p in shell_params("N_ITER = 500\n", "run.sh")}


def test_a_run_banner_in_a_log_records_what_ran() -> None:
    text = "Namespace(lr=0.001, batch_size=64, seed=1)\nK: 4\nstep=10 loss=2.31 lr=0.0009\n"
    got = _nvl(log_params(text, "logs/run1.log"))
    assert got == [("lr", "0.001", 1), ("batch_size", "64", 1), ("seed", "1", 1), ("K", "4", 2)]
    assert params_of(text, "logs/run1.log")[0].kind == "log"


def test_hydra_option_files_nobody_composes_are_marked_unused() -> None:
    from arakit.compiler.repo.params.compose import apply_composition

    files = {
        "conf/config.yaml": "defaults:\n  - optimizer: adamw\n  - model: base\n",
        "conf/optimizer/adamw.yaml": "lr: 3e-4\n",
        "conf/optimizer/sgd.yaml": "lr: 0.1\n",
        "conf/model/base.yaml": "d_model: 128\n",
        "conf/model/wide.yaml": "d_model: 256\n",
        "run.sh": "python train.py model=wide\n",
    }
    params = [p for rel, text in files.items() for p in params_of(text, rel)]
    apply_composition(params)
    used = {(p.file, p.used) for p in params if p.kind == "yaml"}
    assert used == {
        ("conf/optimizer/adamw.yaml", True),
        ("conf/optimizer/sgd.yaml", False),
        ("conf/model/base.yaml", False),
        ("conf/model/wide.yaml", True),
    }
    sgd = next(p for p in params if p.file == "conf/optimizer/sgd.yaml")
    assert sgd.help == "not composed: conf/config.yaml:2 picks optimizer/adamw"


def test_keys_a_config_leaves_unset_are_not_parameters() -> None:
    cfg = "[paths]\ntrain = null\n[system]\ngpu_allocator = null\nseed = 0\n[nlp]\ndisabled = []\n"
    assert _nvl(params_of(cfg, "configs/default.cfg")) == [("system.seed", "0", 5)]
    yml = "model:\n  weights: ~\n  head: null\n  depth: 4\n  tags: []\n"
    assert _nvl(params_of(yml, "conf/model.yaml")) == [("model.depth", "4", 4)]
