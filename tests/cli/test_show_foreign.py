"""`ara show` and `ara stats` on artifacts other tools wrote."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from arakit.cli.main import app
from tests.fixtures.dialects import RESEARCH_MANAGER

runner = CliRunner()

NO_FRONT_MATTER = "# A lab notebook\n\nWhat this records, in two sentences. Nothing else.\n"


def test_show_reads_the_manifest_from_a_paper_md_without_front_matter(tree) -> None:
    root = tree({"PAPER.md": NO_FRONT_MATTER, "logic/claims.md": "# Claims\n\n## C01: a\n"})
    out = runner.invoke(app, ["show", str(root)]).output
    assert out.startswith("# A lab notebook\n(PAPER.md has no front matter")
    assert "What this records, in two sentences." in out and "1 claims" in out


def test_show_says_why_claims_count_zero(tree) -> None:
    root = tree({"PAPER.md": NO_FRONT_MATTER, "logic/claims.md": b"\x00binary"})
    out = runner.invoke(app, ["show", str(root)]).output
    assert "logic/claims.md could not be read" in out and "0 claims" not in out
    root2 = tree({"PAPER.md": NO_FRONT_MATTER, "logic/claims.md": "# Claims\n\nprose only\n"})
    assert (
        "0 claims (logic/claims.md has no `## C01: title` entries)"
        in runner.invoke(app, ["show", str(root2)]).output
    )


def test_stats_names_the_dialect(tree) -> None:
    root = tree(RESEARCH_MANAGER)
    human = runner.invoke(app, ["stats", str(root)]).output
    assert "dialect: research-manager" in human
    doc = json.loads(runner.invoke(app, ["stats", "--json", str(root)]).output)
    assert doc["dialect"]["name"] == "research-manager" and doc["dialect"]["live"] is True
