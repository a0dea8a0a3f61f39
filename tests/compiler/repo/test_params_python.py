"""Parameters in Python source, one test per style, each with its file:line."""

from __future__ import annotations

from arakit.compiler.repo.params import params_of, python_params


def _got(src: str, rel: str = "m.py") -> set[tuple[str, str, str, int]]:
    return {(p.kind, p.name, p.value, p.line) for p in python_params(src, rel)}


def test_module_constants_of_any_case_keep_the_value_as_written() -> None:
    src = "LR = 1e-3\nm = 0.2\nALPHA = 10e1\nNAME = 'adam'\n"
    assert _got(src) >= {
        ("constant", "LR", "1e-3", 1),
        ("script", "m", "0.2", 2),
        ("constant", "ALPHA", "10e1", 3),
        ("constant", "NAME", "'adam'", 4),
    }


def test_star_imported_config_constants_are_read_where_they_are_defined() -> None:
    config = "LEARNING_RATE = 3e-4\nBATCH_SIZE = 64\nK = 4\n"
    train = "from config import *\n\ndef main():\n    print(LEARNING_RATE, BATCH_SIZE, K)\n"
    assert {(p.key, p.value, p.location) for p in params_of(config, "config.py")} == {
        ("learning_rate", "3e-4", "config.py:1"),
        ("batch_size", "64", "config.py:2"),
        ("k", "4", "config.py:3"),
    }
    assert params_of(train, "train.py") == []


def test_script_constants_in_a_main_block_keep_their_comment() -> None:
    src = (
        "if __name__ == '__main__':\n"
        "    num_iter = 40000  # gradient-based optimization steps\n"
        "    seq_len = 64  # subsequence length m\n"
        "    unused = 5\n"
        "    for i in range(num_iter):\n"
        "        print(seq_len)\n"
    )
    by = {p.name: p for p in python_params(src, "fit.py")}
    assert (by["num_iter"].value, by["num_iter"].line, by["num_iter"].help) == (
        "40000",
        2,
        "gradient-based optimization steps",
    )
    assert by["seq_len"].help == "subsequence length m"
    assert by["unused"].used is False and by["num_iter"].used is True


def test_function_and_init_keyword_defaults() -> None:
    src = (
        "class Model:\n"
        "    def __init__(self, d_model=64, n_heads=4, *, dropout=0.1):\n"
        "        pass\n\n"
        "def generate(value_range=30, name=None):\n"
        "    pass\n"
    )
    assert _got(src) >= {
        ("init", "d_model", "64", 2),
        ("init", "n_heads", "4", 2),
        ("init", "dropout", "0.1", 2),
        ("default", "value_range", "30", 5),
    }
    assert not any(p.name == "name" for p in python_params(src, "m.py"))  # None sets nothing


def test_dataclass_pydantic_attrs_and_plain_config_class_fields() -> None:
    src = (
        "from dataclasses import dataclass, field\nimport attr\nfrom pydantic import BaseModel, Field\n\n"
        "@dataclass\nclass A:\n    lr: float = 1e-3\n    layers: list = field(default_factory=list)\n\n"
        "class B(BaseModel):\n    epochs: int = Field(default=90)\n\n"
        "@attr.s\nclass C:\n    momentum = attr.ib(default=0.9)\n\n"
        "class Config:\n    batch_size = 256\n"
    )
    assert _got(src) >= {
        ("dataclass", "A.lr", "1e-3", 7),
        ("pydantic", "B.epochs", "90", 11),
        ("dataclass", "C.momentum", "0.9", 15),
        ("class", "Config.batch_size", "256", 18),
    }


def test_argparse_click_and_typer_options() -> None:
    src = (
        "import argparse, click, typer\n"
        "p = argparse.ArgumentParser()\n"
        "p.add_argument('--lr', type=float, default=1e-3, help='learning rate')\n"
        "p.add_argument('-b', '--batch-size', default=64)\n"
        "@click.command()\n@click.option('--epochs', default=300)\ndef a(epochs):\n    pass\n\n"
        "def b(k: int = typer.Option(4, help='samples per prompt'), out: str = typer.Argument(...)):\n"
        "    pass\n"
    )
    got = {(p.kind, p.name, p.value, p.line, p.key) for p in python_params(src, "cli.py")}
    assert got >= {
        ("argparse", "--lr", "1e-3", 3, "learning_rate"),
        ("argparse", "--batch-size", "64", 4, "batch_size"),
        ("click", "--epochs", "300", 6, "epochs"),
        ("typer", "k", "4", 10, "k"),
    }


def test_environment_variable_defaults() -> None:
    src = (
        "import os\n"
        "LR = float(os.environ.get('LR', '3e-4'))\n"
        "K = int(os.getenv('NUM_SAMPLES', 8))\n"
        "os.environ.setdefault('OVERSAMPLING', '16')\n"
    )
    assert {
        (p.kind, p.name, p.value, p.line)
        for p in python_params(src, "env.py")
        if p.kind == "environ"
    } == {
        ("environ", "LR", "'3e-4'", 2),
        ("environ", "NUM_SAMPLES", "8", 3),
        ("environ", "OVERSAMPLING", "'16'", 4),
    }


def test_literal_keyword_arguments_of_calls_but_not_of_plots() -> None:
    src = (
        "import torch.optim as optim\n"
        "model = Net(n_x=2, n_feat=64)\n"
        "opt = optim.Adam(model.parameters(), lr=1e-3)\n"
        "plt.plot(x, y, color='k', linewidth=2)\n"
    )
    got = {(p.kind, p.name, p.value, p.context) for p in python_params(src, "fit.py")}
    assert ("call", "n_feat", "64", "Net") in got and ("call", "lr", "1e-3", "optim.Adam") in got
    assert not any(p.name in ("color", "linewidth") for p in python_params(src, "fit.py"))


def test_dict_literals_sweep_plans_and_design_spaces() -> None:
    src = (
        "from doepy import build\n"
        "df = build.full_fact(\n"
        "    {'lr': [1e-3],\n"
        "     'batch_size': [32, 128, 1024]})\n"
        "x0 = {'Np': 40, 'opt': {'eps': 1e-8}}\n"
        "bounds = [\n"
        "    {'name': 'Np', 'type': 'continuous', 'domain': (5, 300)},\n"
        "]\n"
    )
    assert _got(src) >= {
        ("dict", "lr", "[1e-3]", 3),
        ("dict", "batch_size", "[32, 128, 1024]", 4),
        ("dict", "Np", "40", 5),
        ("dict", "opt.eps", "1e-8", 5),
        ("dict", "Np.domain", "(5, 300)", 7),
    }


def test_a_derived_setting_is_kept_as_written() -> None:
    src = "if __name__ == '__main__':\n    seq_len = 64\n    batch_size = n_fit // seq_len\n"
    assert ("derived", "batch_size", "n_fit // seq_len", 3) in _got(src)


def test_a_python_file_that_does_not_parse_yields_no_parameters() -> None:
    assert python_params("def broken(:\n", "x.py") == []


def test_python_2_scripts_are_read_with_their_print_statements_set_aside() -> None:
    source = (
        "import numpy as np\n"
        "nwalkers = 50\n"
        "print 'fitting', nwalkers\n"
        "try:\n"
        "    sampler = star.fit(max_n=300000)\n"
        "except ValueError, e:\n"
        "    print >>sys.stderr, e\n"
    )
    got = {(p.name, p.value, p.line) for p in python_params(source, "parallel.py")}
    assert ("nwalkers", "50", 2) in got
    assert ("max_n", "300000", 5) in got


def test_a_counter_or_running_state_inside_a_function_is_not_a_setting() -> None:
    src = (
        "def train(loader, lr=0.1):\n"
        "    epoch = 1\n"
        "    reps = 1\n"
        "    if len(loader) > 10:\n"
        "        reps = len(loader) // 10\n"
        "    warmup = 5\n"
        "    table = [0] * 4\n"
        "    table[warmup] = 1  # stores into table: warmup is only read\n"
        "    while epoch < 90:\n"
        "        epoch += 1\n"
        "    return warmup * reps\n"
    )
    got = {p.name: (p.kind, p.line) for p in params_of(src, "train.py")}
    assert got == {"lr": ("default", 1), "warmup": ("script", 6)}  # table is no literal


def test_a_branch_behind_a_switch_set_off_is_not_the_runs_configuration() -> None:
    src = (
        "ENABLE_PROFILER = False\n"
        "DEBUG = True\n"
        "def train():\n"
        "    if ENABLE_PROFILER:\n"
        "        wait, warmup, active = 1, 1, 2\n"
        "        prof = profile(record_shapes=True)\n"
        "    lr = 1e-4\n"
        "    if not DEBUG:\n"
        "        dropout = 0.5\n"
        "    if False:\n"
        "        momentum = 0.3\n"
        "    return run(lr=lr, epochs=2)\n"
    )
    found = {(p.name, p.value) for p in python_params(src, "train.py")}
    assert ("lr", "1e-4") in found and ("epochs", "2") in found
    dead = {"wait", "warmup", "active", "record_shapes", "dropout", "momentum"}
    assert not dead & {n for n, _ in found}
    # a switch assigned again (set from the command line later) proves nothing
    again = src + "ENABLE_PROFILER = parse()\n"
    assert ("warmup", "1") in {(p.name, p.value) for p in python_params(again, "train.py")}


def test_a_loop_over_a_literal_range_runs_its_levels_but_a_counting_loop_does_not() -> None:
    from arakit.compiler.reconcile.match import code_numbers

    src = "for width in range(16, 65, 16):\n    run(width)\nfor epoch in range(100):\n    step()\n"
    sweeps = [(p.name, p.value) for p in python_params(src, "sweep.py") if p.kind == "sweep"]
    assert sweeps == [("width", "range(16, 65, 16)")]
    assert code_numbers("range(16, 65, 16)") == (16.0, 32.0, 48.0, 64.0)
    assert code_numbers("range(0, 10**9)") == ()


def test_init_attributes_set_defaults_and_layer_sizes_given_by_position_are_read() -> None:
    from arakit.compiler.repo.params import params_of

    src = (
        "import argparse\n"
        "from keras.layers import Dense, Dropout, LSTM\n"
        "class Model:\n"
        "    def __init__(self):\n"
        "        self.lr = 0.003\n"
        "        self.net = [LSTM(128), Dropout(0.1), Dense(64, activation='relu')]\n"
        "    def step(self):\n"
        "        self.count = 0\n"
        "if __name__ == '__main__':\n"
        "    parser = argparse.ArgumentParser()\n"
        "    parser.add_argument('--scale', dest='scale', action='store_true')\n"
        "    parser.set_defaults(scale=False)\n"
    )
    got = {(p.name, p.value, p.line, p.kind) for p in params_of(src, "task2/model.py")}
    assert ("lr", "0.003", 5, "class") in got
    assert {
        ("units", "128", 6, "call"),
        ("dropout", "0.1", 6, "call"),
        ("units", "64", 6, "call"),
    } <= got
    assert ("scale", "False", 12, "argparse") in got
    assert not any(name == "count" for name, *_ in got)  # a method's running state


def test_numbers_and_lists_with_astropy_units_are_read_as_values() -> None:
    src = (
        "import astropy.units as u\n\n"
        "def velocities():\n"
        "    sun_xyz = [-8.122, 0, 0] * u.kpc\n"
        "    sun_v = [12.9, 245.6, 7.78] * u.km/u.s\n"
        "R_STAR = 0.881*u.Rsun\n"
        "area = 3 * u.m**2\n"
        "speed = v * u.km\n"
    )
    got = {(p.name, p.value, p.line) for p in python_params(src, "m.py")}
    assert {
        ("sun_xyz", "[-8.122, 0, 0] * u.kpc", 4),
        ("sun_v", "[12.9, 245.6, 7.78] * u.km/u.s", 5),
        ("R_STAR", "0.881*u.Rsun", 6),
        ("area", "3 * u.m**2", 7),
    } <= got
    assert not any(name == "speed" for name, _, _ in got)  # a variable times a unit


def test_a_quantitys_number_is_compared_in_the_unit_it_is_written_in() -> None:
    from arakit.compiler.reconcile.match import code_numbers

    assert code_numbers("0.5*u.km/u.s") == (0.5,)
    assert code_numbers("[-8.122, 0, 0] * u.kpc") == (-8.122, 0.0, 0.0)
    assert code_numbers("x * u.m") == ()
