"""Marks that look like a dead end and are none, found on real pairs beyond the corpus: a
"restore" of what was lost from the working tree, a deploy branch with a compressed sitemap,
a publisher's instructions and a bare "unfortunately" in notes, a dependency reimplemented
in the project, a reason quoted from the old wording, "worse" in a diagnosis, and code
restructured into modules under a new naming style; each beside the dead end it must not
hide."""

from __future__ import annotations

from pathlib import Path

from arakit.compiler.repo import messages as msg
from tests.compiler.gitrepo import git_repo
from tests.compiler.histories import history_of, script


def _dead(path: Path) -> list[tuple[str, list[str]]]:
    return [
        (f.pattern, f.commits) for f in history_of(path).findings if f.kind in ("dead_end", "pivot")
    ]


def _options(choices: str) -> str:
    return (
        "import argparse\n\n\ndef parse():\n    p = argparse.ArgumentParser()\n"
        f"    p.add_argument('--psf-model', default='moffat', choices=[{choices}])\n"
        "    p.add_argument('--n-stars', type=int, default=64)\n    return p.parse_args()\n"
    )


def test_a_restore_that_adds_what_was_lost_undoes_nothing_but_a_restored_value_does(
    tmp_path: Path,
) -> None:
    loop = "def check(model):\n    for _ in range({n}):\n        evaluate_step(model)\n"
    repo = git_repo(
        tmp_path,
        [
            {"files": {"simulate.py": _options("'moffat'"), "check.py": loop.format(n=500),
                       "README.md": "x\n"}, "msg": "init"},
            {"files": {"simulate.py": _options("'moffat', 'kolmogorov'")},
             "msg": "sharp-core testbed: --psf-model kolmogorov", "day": 3},
            {"files": {"simulate.py": _options("'moffat', 'kolmogorov', 'realistic'")},
             "msg": "restore --psf-model realistic choice (lost from the working tree)", "day": 4},
            {"key": "fast", "files": {"check.py": loop.format(n=200)},
             "msg": "Speed up the check loop", "day": 6},
            {"key": "back", "files": {"check.py": loop.format(n=500)},
             "msg": "Restore the check count to 500", "day": 7},
        ],
    )  # fmt: skip
    assert _dead(tmp_path) == [("revert", [repo.shas["fast"], repo.shas["back"]])]


def test_a_deploy_branch_holding_a_compressed_sitemap_is_publishing_not_abandoned(
    tmp_path: Path,
) -> None:
    site = {"index.html": "<html>docs</html>\n", "assets/app.min.js": "var a=1;\n",
            "assets/app.min.js.map": "{}\n", "search/search_index.json": "{}\n",
            "sitemap.xml": "<urlset/>\n", "sitemap.xml.gz": b"\x1f\x8b\x08\x00site",
            ".nojekyll": ""}  # fmt: skip
    git_repo(
        tmp_path,
        [
            {"files": {"app.py": script("app"), "docs/index.md": "# Docs\n"}, "msg": "init"},
            {"orphan": "gh-pages", "files": site, "msg": "Deployed 5420263 with MkDocs",
             "day": 5},
            {"on": "main", "files": {"app.py": script("app") + "\nrun_app(load())\n"},
             "msg": "more app", "day": 400},
        ],
    )  # fmt: skip
    assert _dead(tmp_path) == []


def test_instructions_to_authors_and_a_bare_unfortunately_are_no_failure_notes(
    tmp_path: Path,
) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"files": {"fit.py": script("fit"), "README.md": "# Fit\n"}, "msg": "init"},
            {"files": {"paper/guidelines.txt": "Send your sources.\n\n{\\BibTeX} does not work "
                       "by magic. It doesn't get the bibliographic data from thin air but from "
                       ".bib files.\n"}, "msg": "add paper", "day": 2},
            {"files": {"notes.md": "Reading notes on deconvolution.\n\nUnfortunately, these "
                       "issues have not been addressed in this paper in the slightest.\n"},
             "msg": "reading notes", "day": 3},
            {"key": "note", "files": {"README.md": "# Fit\n\nWe also tried a tempered sampler "
                                      "but it did not converge on the real data.\n"},
             "msg": "README: what we tried", "day": 5},
        ],
    )  # fmt: skip
    assert _dead(tmp_path) == [("note", [repo.shas["note"]])]


def test_a_dependency_whose_job_is_reimplemented_locally_was_not_tried_and_removed(
    tmp_path: Path,
) -> None:
    uses = "import {lib}\n\n\ndef profile(x):\n    return {lib}.sersic(x, n=4.0)\n"
    mine = "def profile(x):\n    return sersic_profile_local(x, n=4.0)\n"
    repo = git_repo(
        tmp_path,
        [
            {"files": {"galaxy.py": uses.format(lib="astromatch"), "README.md": "x\n"},
             "msg": "galaxy recovery with astromatch"},
            {"files": {"galaxy.py": mine},
             "msg": "galaxy recovery: reimplement Sersic locally, drop astromatch dependency",
             "day": 3},
            {"key": "dyn", "files": {"sample.py": uses.format(lib="dynesty")},
             "msg": "nested sampling", "day": 5},
            {"key": "drop", "files": {"sample.py": mine}, "msg": "remove dynesty dependency",
             "day": 8},
        ],
    )  # fmt: skip
    assert _dead(tmp_path) == [("removed-dependency", [repo.shas["dyn"], repo.shas["drop"]])]


def test_a_reason_quoted_from_the_old_wording_is_not_why_something_was_replaced() -> None:
    quoted = (
        "Corrected, verified result: all three arms recover e1 within 0.01, so the abstract "
        "now says 'on par with PIFF' instead of 'far better'."
    )
    assert msg.reasoned_replacement(quoted) == ""
    said = "Use the L1 loss instead of L2 because it is more stable on outliers."
    assert msg.reasoned_replacement(said) == said


def test_worse_in_a_comparison_is_no_failure_while_a_verdict_on_the_change_is() -> None:
    for diagnosis in (
        "(3) the grid size was NOT the chi2 culprit (size 25 is worse than 17).",
        "v1 started with a large core and plateaued about 1 nat worse than the others.",
    ):
        assert msg.failure_sentence(diagnosis) == ""
    for verdict in (
        "The hierarchical sampler did not converge at 16 cells.",
        "Actually made it worse",
        "Tried a wider filter; the fits were worse.",
    ):
        assert msg.failure_sentence(verdict) == verdict


def test_code_restructured_into_modules_under_a_new_naming_style_is_no_dead_end(
    tmp_path: Path,
) -> None:
    oracle, parser = script("oracle", 20, run=False), script("parse", 20, run=False)
    driver = script("paths", 14)
    traces = {f"data/traces/day-{n:02d}": f"{n} 1 2 3\n" for n in range(32)}
    repo = git_repo(
        tmp_path,
        [
            {"files": {"src/oracleNetwork.cpp": oracle, "src/parser.cpp": parser,
                       "src/onion-path-finder.cpp": driver, "src/approx_search.cpp":
                       script("approx", 16, run=False), "README.md": "x\n"}, "msg": "init"},
            {"files": {"src/oracleNetwork.cpp": None, "src/parser.cpp": None,
                       "src/onion-path-finder.cpp": None, **traces,
                       "src/utils/oracle-network.cpp": oracle + script("timing", 26, run=False),
                       "src/parsers/basic-parser.cpp": parser + script("ids", 26, run=False),
                       "src/main.cpp": script("entry", 6),
                       "src/ui/console.cpp": script("console", 8, run=False),
                       "src/core/log-system.cpp": script("log", 8, run=False),
                       "src/core/factory.cpp": script("factory", 8, run=False)},
             "msg": "updated version with multiple modules + documentation", "day": 30},
            {"key": "drop", "files": {"src/approx_search.cpp": None},
             "msg": "drop the approximate search", "day": 40},
        ],
    )  # fmt: skip
    assert [(p, c[-1]) for p, c in _dead(tmp_path)] == [("deleted", repo.shas["drop"])]
