"""`compile_sources` end to end: a planted paper and repository become an artifact that
passes Level 1 with no error, copies every table and number exactly and keeps the history."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from arakit.codec import read_artifact
from arakit.compiler import CompileReport, InputError, compile_sources
from arakit.compiler.mapping.context import NOT_SPECIFIED
from arakit.compiler.pdf import read_document
from arakit.seal.level1 import validate
from tests.compiler import pdfgen
from tests.compiler.gitrepo import PlantedRepo
from tests.compiler.pdfgen import PaperFile

Compiled = tuple[Path, CompileReport]


def test_compiled_artifact_passes_level1_with_zero_errors(compiled: Compiled) -> None:
    out, report = compiled
    rep = validate(out)
    assert [f.code for f in rep.findings if f.severity == "error"] == []
    assert report.passed and report.level1_errors == 0


def test_every_table_is_transcribed_cell_for_cell(compiled: Compiled) -> None:
    art = read_artifact(compiled[0], strict=True)
    planted = {p[0]: p[2] for k, p in pdfgen.BODY + pdfgen.APPENDIX if k == "table"}  # type: ignore[index]
    files = {
        re.search(r"table(\d+)_", f.path).group(1): f  # type: ignore[union-attr]
        for f in art.evidence.files
        if f.path.startswith("evidence/tables/")
    }
    assert sorted(files) == sorted(planted)
    for n, ev in files.items():
        assert [ev.tables[0].header, *ev.tables[0].rows] == planted[n]
        assert ev.extraction_type == "raw_table" and ev.source.startswith(f"Table {n} in ")


def test_every_number_in_claims_is_copied_from_the_paper(
    compiled: Compiled, paper: PaperFile
) -> None:
    doc = read_document(paper.path)
    text = " ".join([doc.abstract] + [p.text for p in doc.paragraphs()])
    art = read_artifact(compiled[0])
    numbers = [n for c in art.claims for n in re.findall(r"\d+(?:\.\d+)?%?", c.statement)]
    assert numbers, "the planted abstract states numbers"
    for n in numbers:
        assert n in text


def test_generated_entities_say_where_they_came_from(compiled: Compiled) -> None:
    art = read_artifact(compiled[0])
    for c in art.claims:
        assert c.provenance == "ai-suggested"
        assert c.field_value("Source").startswith("rwn.pdf p. ")
    for e in [*art.experiments, *art.concepts, *art.related_work]:
        assert e.field_value("Provenance") == "ai-suggested"
        assert e.field_value("Source")
    assert {e.field_value("Source") for e in art.experiments} >= {"rwn.pdf Table 1, p. 1, §4.2"}


def test_silence_in_the_sources_is_said_not_guessed(compiled: Compiled) -> None:
    art = read_artifact(compiled[0])
    assert all(e.setup.system == NOT_SPECIFIED for e in art.experiments)  # no framework is named
    assert all(c.boundary_conditions == NOT_SPECIFIED for c in art.concepts)


def test_expected_outcomes_quote_no_numbers(compiled: Compiled) -> None:
    art = read_artifact(compiled[0])
    for e in art.experiments:
        assert not re.search(r"\d+\.\d+|\d+\s*%", e.expected_outcome), e.expected_outcome


def test_at_least_five_concepts_from_definitions(compiled: Compiled) -> None:
    terms = [c.term for c in read_artifact(compiled[0]).concepts]
    assert {
        "Gated residual block",
        "Warmup ratio",
        "Gate schedule",
        "Effective depth",
        "Label smoothing",
    } <= set(terms)


def test_related_work_is_typed_from_citation_context(compiled: Compiled) -> None:
    types = {rw.title: rw.type for rw in read_artifact(compiled[0]).related_work}
    assert types == {
        "He et al., 2016": "imports",
        "Goyal et al., 2017": "baseline",
        "Ioffe and Szegedy, 2015": "refutes",
        "Huang et al., 2017": "baseline",
        "Loshchilov and Hutter, 2017": "bounds",
    }


def test_trace_keeps_revert_and_abandoned_branch_as_inferred_dead_ends(
    compiled: Compiled, repo: PlantedRepo
) -> None:
    nodes = read_artifact(compiled[0]).trace.nodes()
    revert = next(n for n in nodes if n.type == "dead_end" and n.title.startswith("Reverted:"))
    assert revert.support_level == "inferred"
    assert revert.source_refs == [repo.shas["cosine"], repo.shas["revert"]]
    branch = next(n for n in nodes if n.type == "dead_end" and "exp/no-norm" in n.title)
    assert branch.support_level == "inferred" and branch.source_refs == [repo.shas["no_norm"]]
    parent = next(n for n in nodes if any(ch.id == revert.id for ch in n.children))
    assert parent.source_refs == [repo.shas["cosine"]]


def test_trace_opens_the_history_with_a_summary_that_counts_every_ref_and_commit(
    compiled: Compiled, repo: PlantedRepo
) -> None:
    nodes = read_artifact(compiled[0]).trace.nodes()
    summary = next(n for n in nodes if (n.title or "").startswith("Version history:"))
    counts = summary.extra["history"]
    assert (counts["commits_read"], counts["commits_main"], counts["refs_read"]) == (8, 7, 2)
    assert {r["ref"]: r["status"] for r in counts["refs"]} == {
        "main": "head",
        "exp/no-norm": "stale",
    }
    assert counts["commit_nodes"] + counts["commits_folded"] == counts["commits_main"]
    assert "exp/no-norm 6 (stale, 1 own)" in summary.result


def test_trace_turns_config_value_changes_into_decisions(
    compiled: Compiled, repo: PlantedRepo
) -> None:
    nodes = read_artifact(compiled[0]).trace.nodes()
    decisions = {
        n.choice: n for n in nodes if n.type == "decision" and n.support_level == "inferred"
    }
    lr = decisions[f"--lr = 0.1 (since {repo.shas['lr'][:7]})"]
    assert lr.alternatives == [f"--lr = 0.05 ({repo.shas['initial'][:7]})"]
    assert f"regularization.dropout = 0.3 (since {repo.shas['dropout'][:7]})" in decisions


def test_commits_are_explicit_experiment_nodes_citing_their_hash(
    compiled: Compiled, repo: PlantedRepo
) -> None:
    nodes = read_artifact(compiled[0]).trace.nodes()
    commits = {
        n.source_refs[0]: n
        for n in nodes
        if n.type == "experiment" and n.source_refs and len(n.source_refs[0]) == 40
    }
    assert commits[repo.shas["lr"]].title == "Raise learning rate to 0.1"
    assert commits[repo.shas["lr"]].support_level == "explicit"
    assert repo.shas["revert"] not in commits  # shown as the dead end of what it undid


def test_paper_ablation_becomes_explicit_dead_ends_citing_the_table(compiled: Compiled) -> None:
    nodes = read_artifact(compiled[0]).trace.nodes()
    dead = [n for n in nodes if n.type == "dead_end" and n.support_level == "explicit"]
    assert len(dead) == 3
    assert all("rwn.pdf: Table 2" in n.source_refs for n in dead)
    choice = next(n for n in nodes if n.type == "decision" and n.support_level == "explicit")
    assert choice.choice == "Full model" and "w/o residual" in choice.alternatives


def test_reconciliation_file_lists_mismatches_with_both_sides(compiled: Compiled) -> None:
    text = (compiled[0] / "src/reconciliation.md").read_text()
    assert "| batch_size | mismatch | 256 | p. 1, §4.1 | 128 | train.py:14 |" in text
    assert "| dropout | mismatch | 0.2 | p. 1, §4.1 | 0.3 | config.yaml:4 |" in text
    assert "2 mismatch" in text


def test_configs_copy_code_values_and_flag_mismatches(compiled: Compiled) -> None:
    art = read_artifact(compiled[0])
    params = {p.name: p for cfg in art.configs for p in cfg.params}
    assert params["weight_decay"].value == "0.0001"
    assert params["batch_size"].value == "128" and params["batch_size"].rationale.startswith(
        "MISMATCH"
    )
    assert params["learning_rate"].search_range.startswith("earlier values in git history: 0.05")
    assert (
        params["label_smoothing"].value == "0.1"
        and "rwn.pdf p. 2, §A" in params["label_smoothing"].source
    )


def test_core_modules_are_copied_and_heuristics_point_at_them(
    compiled: Compiled, repo: PlantedRepo
) -> None:
    out = compiled[0]
    for rel in ("train.py", "model.py", "settings.py"):
        assert (out / "src/execution" / rel).read_text() == (repo.path / rel).read_text()
    h = read_artifact(out).heuristics
    assert h and all(p.startswith("src/execution/") for x in h for p in x.code_paths())


def test_every_figure_is_listed_in_the_evidence_index(compiled: Compiled) -> None:
    readme = (compiled[0] / "evidence/README.md").read_text()
    assert (
        "- Figure 1 (p. 1): Architecture of a gated residual block with its scalar gate." in readme
    )
    assert "- Figure 2 (p. 2):" in readme


def test_compiling_into_a_folder_that_holds_files_is_refused(
    paper: PaperFile, tmp_path: Path
) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(InputError, match="not an empty folder"):
        compile_sources([str(paper.path)], tmp_path)
    assert (tmp_path / "keep.txt").read_text() == "mine"


def test_unknown_inputs_are_refused_with_what_was_expected(tmp_path: Path) -> None:
    odd = tmp_path / "slides.pptx"
    odd.write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError) as e:
        compile_sources([str(odd)], tmp_path / "out")
    assert "slides.pptx: unknown kind of input" in str(e.value) and "PDF" in (e.value.hint or "")
    assert not (tmp_path / "out").exists()


def test_pdf_alone_passes_level1_and_reports_what_is_missing(
    paper: PaperFile, tmp_path: Path
) -> None:
    report = compile_sources([str(paper.path)], tmp_path / "out")
    assert report.coverage["src"]["missing"] == [
        "no repository: no code, no parameters from code, no history"
    ]
    # the upstream checklist lets a paper without code pass; the strict quota stays visible
    assert report.profile == "upstream" and report.passed
    assert {f["code"] for f in report.strict_errors} == {"L1-COUNT-006"}
    strict = compile_sources([str(paper.path)], tmp_path / "strict", profile="strict")
    assert {f["code"] for f in strict.findings if f["severity"] == "error"} == {"L1-COUNT-006"}
    assert not strict.passed and strict.strict_errors == []
    assert {v.verdict for v in report.reconciliation} == {"paper-only"}


def test_notes_and_logs_join_the_artifact(
    paper: PaperFile, repo: PlantedRepo, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(
        "# Lab notes\n\nWe tried a gate temperature of 2.0 but it degrades accuracy.\n"
    )
    log = tmp_path / "metrics.jsonl"
    log.write_text('{"epoch": 1, "loss": 2.31}\n{"epoch": 2, "loss": 1.87}\n')
    report = compile_sources(
        [str(paper.path), str(repo.path), str(notes), str(log)], tmp_path / "out"
    )
    assert report.passed
    art = read_artifact(tmp_path / "out")
    ev = art.evidence.file("logs/metrics.md")
    assert ev is not None and ev.tables[0].rows == [["1", "2.31"], ["2", "1.87"]]
    assert any(v.key == "temperature" and v.paper_value == "2.0" for v in report.reconciliation)


REAL_PDFS = sorted(Path("/usr/share/doc").glob("**/*.pdf"))[:3]


@pytest.mark.skipif(not REAL_PDFS, reason="no PDF ships with this machine's packages")
@pytest.mark.parametrize("pdf", REAL_PDFS, ids=lambda p: p.name)
def test_real_pdfs_on_this_machine_compile_without_crashing(pdf: Path, tmp_path: Path) -> None:
    report = compile_sources([str(pdf)], tmp_path / "out")
    art = read_artifact(tmp_path / "out", strict=True)  # everything written reads back
    assert art.paper is not None and art.paper.title
    assert report.coverage["src"]["missing"]  # no repository: said, not hidden


def test_claim_views_are_derived_subsets_naming_their_raw_table(compiled: Compiled) -> None:
    art = read_artifact(compiled[0])
    views = [f for f in art.evidence.files if "derived_" in f.path]
    assert views
    for v in views:
        assert v.extraction_type == "derived_subset"
        raw = art.evidence.file(v.derived_from)
        assert raw is not None and raw.extraction_type == "raw_table"
        assert all(row in raw.tables[0].rows for row in v.tables[0].rows)
    claim = next(c for c in art.claims if "76.4%" in c.statement)  # the headline result
    view = next(v for v in views if f"derived_{claim.id.lower()}_" in v.path)
    assert [r[0] for r in view.tables[0].rows] == ["ResNet-50", "RWN-50 (ours)"]


def test_a_file_url_repository_and_a_csv_log_are_taken(
    paper: PaperFile, repo: PlantedRepo, tmp_path: Path
) -> None:
    log = tmp_path / "curve.csv"
    log.write_text("epoch,top1\n1,12.5\n90,76.4\n")
    report = compile_sources([str(paper.path), f"file://{repo.path}", str(log)], tmp_path / "out")
    assert report.passed
    art = read_artifact(tmp_path / "out")
    assert art.evidence.file("logs/curve.md").tables[0].rows == [["1", "12.5"], ["90", "76.4"]]
    assert any(n.type == "dead_end" and "exp/no-norm" in n.title for n in art.trace.nodes())


def test_a_damaged_pdf_that_mupdf_repairs_is_reported_in_the_warnings(
    paper: PaperFile, tmp_path: Path
) -> None:
    data = bytearray(paper.path.read_bytes())
    data[347] = 1  # breaks an object reference of the page tree
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(bytes(data))
    report = compile_sources([str(damaged)], tmp_path / "out")
    assert any(
        w.startswith(f"{damaged}: the PDF is damaged and was repaired") for w in report.warnings
    )


def test_code_without_history_still_compiles_and_says_the_trace_is_paper_only(
    paper: PaperFile, repo: PlantedRepo, tmp_path: Path
) -> None:
    import shutil

    plain = tmp_path / "code"
    shutil.copytree(repo.path, plain, ignore=shutil.ignore_patterns(".git"))
    report = compile_sources([str(paper.path), str(plain)], tmp_path / "out")
    assert report.passed
    assert report.coverage["trace"]["missing"] == [
        "no git history: the trace holds only what the paper states"
    ]
    verdicts = {v.key: v.verdict for v in report.reconciliation if not v.negative}
    assert verdicts["batch_size"] == "mismatch"


def test_a_subfolder_of_a_repository_follows_its_config_history(tmp_path: Path) -> None:
    from tests.compiler.gitrepo import _git

    root = tmp_path / "mono"
    (root / "exp").mkdir(parents=True)
    _git(root, "init", "--quiet", "--initial-branch=main")
    for day, lr in ((1, "0.5"), (2, "0.25")):
        (root / "exp" / "cfg.yaml").write_text(f"lr: {lr}\n")
        _git(root, "add", "exp/cfg.yaml")
        _git(root, "commit", "--quiet", "-m", f"lr {lr}", when=day)
    from arakit.compiler.ground import ground_repo

    g = ground_repo(root / "exp")
    assert [[v for v, _, _ in c.values] for c in g.history.changes] == [["0.5", "0.25"]]


def test_compiled_falsification_criteria_are_measurable_and_in_scope():
    from arakit.compiler.mapping.claims import falsification

    with_numbers = falsification(
        "RWN-50 reaches 76.4% top-1 accuracy, 1.1 points above ResNet-50.", ["E01"]
    )
    assert "top-1 accuracy differs from the reported 76.4%" in with_numbers
    assert "reported 1.1 points" in with_numbers and "reported -50" not in with_numbers
    assert "no better than its baseline" in with_numbers
    plain = falsification("Gating stabilises training of deep residual networks.", ["E02"])
    assert plain.startswith("Re-running E02 with the same setup")
    assert "Gating, stabilises, training, deep, residual" in plain and "spread" in plain


def test_a_repository_compiled_without_a_paper_is_titled_by_its_name_never_its_path(
    repo: PlantedRepo, tmp_path: Path
) -> None:
    compile_sources([str(repo.path)], tmp_path / "out")
    paper = read_artifact(tmp_path / "out").paper
    assert paper is not None
    assert paper.title == repo.path.name == "rwn"
    assert str(tmp_path) not in (tmp_path / "out" / "PAPER.md").read_text(encoding="utf-8")
