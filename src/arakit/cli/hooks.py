"""`ara hooks install|uninstall`: record commits, merges, branch switches and rewrites."""

from __future__ import annotations

import typer

from arakit.cli.run import ARTIFACT_HELP

hooks_app = typer.Typer(help="Git hooks that record commits, merges, checkouts and rewrites.")


@hooks_app.command("install")
def install_cmd(
    repo: str = typer.Option(".", "--repo", help="The git repository (default: here)."),
    artifact: str = typer.Option(None, "--artifact", "-a", help=ARTIFACT_HELP),
) -> None:
    """Install the hooks; a hook already there keeps running first (chained)."""
    from arakit.live.hooks import install
    from arakit.live.workspace import find_artifact

    rep = install(repo, find_artifact(artifact, start=repo))
    typer.echo(f"installed {', '.join(rep.installed)} in {rep.hooks_dir}")
    if rep.chained:
        typer.echo(f"chained the existing {', '.join(rep.chained)} (kept as <hook>.ara-chained)")


@hooks_app.command("uninstall")
def uninstall_cmd(
    repo: str = typer.Option(".", "--repo", help="The git repository (default: here)."),
) -> None:
    """Remove the hooks and restore the ones they chained."""
    from arakit.live.hooks import uninstall

    rep = uninstall(repo)
    typer.echo(f"removed {', '.join(rep.removed) or 'nothing'} from {rep.hooks_dir}")
    if rep.restored:
        typer.echo(f"restored {', '.join(rep.restored)}")


def register(app: typer.Typer) -> None:
    app.add_typer(hooks_app, name="hooks")
