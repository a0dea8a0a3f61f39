"""The `ara` console script. `ara run` takes a fast path that imports no CLI framework.

`ara run` wraps every command a researcher types, so its start-up is paid on each one
(DESIGN.md: under 50 ms over the bare command). Typer, rich and pydantic cost far more than
that to import, so a plain `ara run [options] [--] CMD ...` is parsed here with the standard
library; anything else (help, a mistyped option) goes to the full typer app, which owns the
documented interface in cli/run.py.
"""

from __future__ import annotations

import os
import sys

_VALUE_OPTIONS = {
    "--exp": "exp",
    "--tag": "tags",
    "--bind": "bind",
    "--expect": "expect",
    "--artifact": "artifact",
    "-a": "artifact",
}
_REPEATABLE = {"tags", "bind", "expect"}


def parse_run(args: list[str]) -> dict[str, object] | None:
    """Options and command of `ara run ARGS`, or None when typer should handle them."""
    opts: dict[str, object] = {
        "tags": [],
        "bind": [],
        "expect": [],
        "exp": None,
        "artifact": None,
        "use_pty": None,
    }
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            i += 1
            break
        if not arg.startswith("-"):
            break
        name, eq, value = arg.partition("=")
        if name in ("--pty", "--no-pty") and not eq:
            opts["use_pty"] = name == "--pty"
            i += 1
            continue
        key = _VALUE_OPTIONS.get(name)
        if key is None:
            return None  # --help, a typo: typer explains
        if not eq:
            if i + 1 >= len(args):
                return None
            value = args[i + 1]
            i += 1
        if key in _REPEATABLE:
            opts[key].append(value)  # type: ignore[attr-defined]
        else:
            opts[key] = value
        i += 1
    command = args[i:]
    if not command:
        return None
    opts["command"] = command
    return opts


def main() -> None:
    """Console-script entry point."""
    if len(sys.argv) > 2 and sys.argv[1] == "run":
        opts = parse_run(sys.argv[2:])
        if opts is not None:
            sys.exit(_fast_run(opts))
    from arakit.cli.main import run

    run()


def _fast_run(opts: dict[str, object]) -> int:
    from arakit.errors import AraError

    try:
        from arakit.live.capture import locate, run_and_record

        root, why = locate(opts["artifact"])  # type: ignore[arg-type]
        done = run_and_record(
            list(opts["command"]),  # type: ignore[call-overload]
            root,
            exp=opts["exp"],  # type: ignore[arg-type]
            tags=opts["tags"],  # type: ignore[arg-type]
            bind=opts["bind"],  # type: ignore[arg-type]
            expect=opts["expect"],  # type: ignore[arg-type]
            use_pty=opts["use_pty"],  # type: ignore[arg-type]
            no_root_reason=why,
        )
    except AraError as e:
        if os.environ.get("ARA_RAISE_ERRORS"):
            raise
        from arakit.cli.output import print_error

        print_error(e)
        return e.exit_code
    if done.error:
        sys.stderr.write(f"ara run: {done.error}\n")
    return int(done.exit_code)
