"""`ara run`'s fast path parses exactly what the typer command accepts, and defers the rest."""

from __future__ import annotations

import pytest

from arakit.cli.entry import parse_run


def test_options_then_double_dash_then_the_command():
    opts = parse_run(
        [
            "--exp",
            "E01",
            "--tag",
            "a",
            "--tag=b",
            "--bind",
            "O3",
            "--expect",
            "acc>=0.9",
            "--no-pty",
            "-a",
            "art",
            "--",
            "python",
            "train.py",
            "--lr",
            "1",
        ]
    )
    assert opts == {
        "exp": "E01",
        "tags": ["a", "b"],
        "bind": ["O3"],
        "expect": ["acc>=0.9"],
        "use_pty": False,
        "artifact": "art",
        "command": ["python", "train.py", "--lr", "1"],
    }


def test_the_command_starts_at_the_first_word_that_is_not_an_option():
    opts = parse_run(["--pty", "make", "-j2"])
    assert opts is not None
    assert opts["command"] == ["make", "-j2"] and opts["use_pty"] is True


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["-h", "--", "x"],
        ["--exp"],
        [
            "--",
        ],
        [],
        ["--frobnicate", "x"],
    ],
)
def test_help_typos_and_missing_values_go_to_the_full_cli(args):
    assert parse_run(args) is None
