"""`ara status [--json]`: the briefing of a live artifact."""

from __future__ import annotations

import typer

from arakit.cli.run import ARTIFACT_HELP


def status_cmd(
    artifact: str = typer.Option(None, "--artifact", "-a", help=ARTIFACT_HELP),
    json_out: bool = typer.Option(False, "--json", help="Print the briefing as JSON."),
) -> None:
    """Open questions, staged and stale observations, pending bindings, dead ends, claims."""
    from arakit.cli.output import print_json
    from arakit.live.status import briefing
    from arakit.live.workspace import find_artifact

    b = briefing(find_artifact(artifact))
    if json_out:
        print_json(b)
        return
    out: list[str] = []
    j = b["journal"]
    health = "intact" if j["ok"] else f"BROKEN at line {j['broken_line']}: {j['reason']}"
    out.append(f"journal: {j['events']} events, chain {health}, {j['processed']} processed")
    if j["quarantined_lines"]:
        out.append(f"  {j['quarantined_lines']} torn line(s) in quarantine")
    sections = (
        ("open questions", b["open_questions"], lambda x: f"{x['id']}  {x['title']}"),
        ("staged observations", b["staged"], lambda x: f"{x['id']}  [{x['type']}] {x['content']}"),
        ("stale observations", b["stale"], lambda x: f"{x['id']}  {x['content']}"),
        ("unresolved contradictions", b["unresolved"], lambda x: f"{x['id']}  {x['title']}"),
        ("pending bindings", b["pending"], lambda x: f"{x['id']}  {', '.join(x['fields'])}"),
        (
            "recent dead ends",
            b["recent_dead_ends"],
            lambda x: f"{x['id']}  {x['title']} — {x['failure_mode']}",
        ),
    )
    for title, items, fmt in sections:
        out.append(f"{title}: {len(items)}")
        out += [f"  {fmt(x)}" for x in items]
    claims = ", ".join(f"{k} {v}" for k, v in b["claims_by_status"].items()) or "none"
    out.append(f"claims: {claims}")
    typer.echo("\n".join(out))


def register(app: typer.Typer) -> None:
    app.command("status")(status_cmd)
