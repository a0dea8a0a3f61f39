"""Entry point of `ara`. Errors from the library become one clean message and an exit code here,
and nowhere else; set ARA_RAISE_ERRORS=1 to see the traceback instead.
"""

from __future__ import annotations

import os
import sys

import typer

from arakit import __version__
import importlib
import pkgutil

import arakit.cli

HELP = """Make, check and read Agent-Native Research Artifacts (Ara).

Example:

    ara init my-study            # a skeleton to fill in
    ara validate my-study        # Seal Level 1: what is missing or broken
    ara show my-study --depth 2  # read it layer by layer
"""

app = typer.Typer(
    help=HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"arakit {__version__} (Ara protocol 1.0)")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Make, check and read Agent-Native Research Artifacts (Ara)."""


# Every module of arakit.cli that defines `register(app)` adds its commands. Command modules
# import only typer at module level; the library is imported inside each command.
ORDER = ("init", "validate", "show", "stats", "fmt")


def _register_all() -> None:
    names = [m.name for m in pkgutil.iter_modules(arakit.cli.__path__)]
    for name in sorted(names, key=lambda n: (ORDER.index(n) if n in ORDER else len(ORDER), n)):
        module = importlib.import_module(f"arakit.cli.{name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)


_register_all()


def _command_name(info: object) -> str:
    name = getattr(info, "name", None)
    if name:
        return str(name)
    callback = getattr(info, "callback", None) or getattr(
        getattr(info, "typer_instance", None), "info", None
    )
    return getattr(callback, "__name__", "").replace("_", "-")


def only(name: str) -> bool:
    """Keep just the command (or group) called `name`; False when there is no such command.

    Typer turns every registered command into a click command (with a pydantic adapter per
    parameter) before it dispatches; doing that for one command instead of all of them keeps
    `ara run` and `ara validate` fast to start. Help and unknown names keep the full list.
    """
    commands = [c for c in app.registered_commands if _command_name(c) == name]
    groups = [g for g in app.registered_groups if _command_name(g) == name]
    if not commands and not groups:
        return False
    app.registered_commands[:] = commands
    app.registered_groups[:] = groups
    return True


def run() -> None:
    """Console-script entry: run the app, turning arakit errors into messages and exit codes."""
    from arakit.errors import AraError

    if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
        only(sys.argv[1])
    try:
        app()
    except AraError as e:
        if os.environ.get("ARA_RAISE_ERRORS"):
            raise
        from arakit.cli.output import print_error

        print_error(e)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":  # pragma: no cover
    run()
