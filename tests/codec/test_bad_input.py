"""Bad input gets a clear error naming file, line and what was expected — never a traceback."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arakit.codec import read_artifact
from arakit.codec.fs import Limits
from arakit.errors import (
    AraError,
    EncodingError,
    NotAnArtifactError,
    ParseError,
    PathEscapeError,
    SizeLimitError,
)
from arakit.seal.level1 import validate
from tests.fixtures.minimal import FILES


def _only_problem(root, **kw):
    art = read_artifact(root, **kw)
    assert len(art.problems) == 1, art.problems
    return art.problems[0]


def test_malformed_yaml_names_line_and_column(minimal):
    root = minimal({"trace/exploration_tree.yaml": "tree:\n  - id: N01\n    title: [unclosed\n"})
    err = _only_problem(root)
    assert isinstance(err, ParseError)
    assert err.file == "trace/exploration_tree.yaml" and err.line == 4 and err.column is not None
    assert "malformed YAML" in err.message


def test_malformed_front_matter_reports_the_line_inside_paper_md(minimal):
    broken = FILES["PAPER.md"].replace("venue: arakit tests", "venue: [arakit tests")
    err = _only_problem(minimal({"PAPER.md": broken}))
    assert isinstance(err, ParseError) and err.file == "PAPER.md"
    assert err.line is not None and err.line > 1


def test_unclosed_front_matter_is_reported(minimal):
    err = _only_problem(minimal({"PAPER.md": "---\ntitle: x\n# no closing line\n"}))
    assert isinstance(err, ParseError) and "never closed" in err.message and err.line == 1


def test_missing_front_matter_is_a_finding_not_a_crash(minimal):
    body = FILES["PAPER.md"].split("---\n", 2)[2]
    report = validate(minimal({"PAPER.md": body}))
    assert [f.code for f in report.findings] == ["L1-PAPER-001"]


def test_front_matter_that_is_not_a_mapping_is_refused(minimal):
    err = _only_problem(minimal({"PAPER.md": "---\n- a\n- b\n---\n# T\n"}))
    assert isinstance(err, ParseError) and "mapping" in err.message


def test_binary_file_is_refused_with_reason(minimal):
    err = _only_problem(minimal({"logic/claims.md": b"# Claims\n\x00\x01\x02"}))
    assert isinstance(err, EncodingError) and "binary" in err.message and err.line == 2


def test_non_utf8_file_is_refused_with_line_and_column(minimal):
    err = _only_problem(minimal({"logic/claims.md": b"# Claims\n\nab" + b"\xff\xfe"}))
    assert isinstance(err, EncodingError)
    assert (err.line, err.column) == (3, 3)
    assert "0xff" in err.message


def test_file_over_the_size_limit_names_the_limit(minimal):
    root = minimal({"logic/concepts.md": "# Concepts\n" + "x" * 5000})
    err = _only_problem(root, limits=Limits(max_text_file_bytes=4096))
    assert isinstance(err, SizeLimitError)
    assert "4,096-byte limit" in err.message and "max_text_file_bytes" in err.message


def test_symlink_leaving_the_artifact_is_refused(minimal, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("# secret\n")
    root = minimal()
    os.symlink(secret, root / "evidence/tables/table9_leak.md")
    err = _only_problem(root)
    assert isinstance(err, PathEscapeError) and "outside the artifact" in err.message
    assert read_artifact(root).evidence.file("tables/table9_leak.md") is None
    with pytest.raises(PathEscapeError):
        read_artifact(root, strict=True)


def test_symlink_inside_the_artifact_is_followed(minimal):
    root = minimal()
    os.symlink(root / "src/execution/train.py", root / "src/execution/alias.py")
    assert read_artifact(root).problems == []


def test_code_ref_outside_the_artifact_is_an_error(minimal):
    h = FILES["logic/solution/heuristics.md"].replace(
        "[src/execution/train.py]", "[../../etc/passwd]"
    )
    report = validate(minimal({"logic/solution/heuristics.md": h}), profile="strict")
    assert [f.code for f in report.findings] == ["L1-REF-005"]


def test_layer_index_path_with_dotdot_is_refused(minimal):
    paper = FILES["PAPER.md"].replace(
        "| src/environment.md | environment |",
        "| src/environment.md | environment |\n| ../outside.md | x |",
    )
    report = validate(minimal({"PAPER.md": paper}))
    assert [(f.code, f.line) for f in report.findings] == [("L1-READ-005", 42)]


def test_empty_folder_is_not_an_artifact(tmp_path):
    with pytest.raises(NotAnArtifactError, match="empty") as info:
        read_artifact(tmp_path)
    assert "ara init" in info.value.hint


def test_missing_path_and_file_path_are_not_artifacts(tmp_path):
    with pytest.raises(NotAnArtifactError, match="no such"):
        read_artifact(tmp_path / "nope")
    (tmp_path / "f.md").write_text("x")
    with pytest.raises(NotAnArtifactError, match="is a file"):
        read_artifact(tmp_path / "f.md")


def test_one_broken_file_does_not_hide_the_rest(minimal):
    root = minimal({"logic/claims.md": b"\xff", "trace/exploration_tree.yaml": "tree: [\n"})
    art = read_artifact(root)
    assert {p.file for p in art.problems} == {"logic/claims.md", "trace/exploration_tree.yaml"}
    assert len(art.concepts) == 5


# -- property tests: no byte string makes the reader raise anything but arakit's own errors ----
READ_FILES = sorted(k for k in FILES if k.endswith((".md", ".yaml")))


def _mutate(text: bytes, data: st.DataObject) -> bytes:
    ops = data.draw(
        st.lists(
            st.tuples(st.integers(0, max(len(text), 1)), st.binary(max_size=8), st.integers(0, 8)),
            max_size=6,
        )
    )
    for pos, insert, cut in ops:
        text = text[:pos] + insert + text[pos + cut :]
    return text


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(rel=st.sampled_from(READ_FILES), data=st.data())
def test_mutated_files_end_in_a_model_or_an_arakit_error(rel, data, tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz")
    from tests.conftest import make_tree

    files = dict(FILES)
    files[rel] = _mutate(FILES[rel].encode(), data)
    make_tree(root, files)
    try:
        art = read_artifact(root, strict=True)
    except AraError:
        return
    validate(art)  # and the checks never crash on whatever the reader accepted


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    rel=st.sampled_from(READ_FILES),
    blob=st.binary(max_size=300) | st.text(max_size=300).map(str.encode),
)
def test_arbitrary_bytes_end_in_a_model_or_an_arakit_error(rel, blob, tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz")
    from tests.conftest import make_tree

    make_tree(root, {**FILES, rel: blob})
    try:
        art = read_artifact(root, strict=True)
    except AraError:
        return
    validate(art)


YAML_ATOMS = st.sampled_from(
    [
        "tree:",
        "- id: N01",
        "  children:",
        "    - id: N02",
        "type: dead_end",
        "also_depends_on: [N01]",
        "source_refs: x",
        "runs:",
        "  - id: R1",
        "expect: [1, 2]",
        "tolerance: {abs: x}",
        "&a [*a]",
        "<<: *a",
        "? [a]",
        "observations:",
        "- 3",
        "seeds: 7",
        "children: {a: 1}",
        "!!binary x",
        "'unterminated",
        "key: |",
        "  - - nested",
        "id: [1]",
    ]
)


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    rel=st.sampled_from(
        ["trace/exploration_tree.yaml", "staging/observations.yaml", "src/reproduce.yaml"]
    ),
    lines=st.lists(st.tuples(st.integers(0, 6), YAML_ATOMS), max_size=12),
)
def test_structured_yaml_garbage_ends_in_a_model_or_an_arakit_error(rel, lines, tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz")
    from tests.conftest import make_tree

    text = "\n".join(" " * ind + atom for ind, atom in lines) + "\n"
    make_tree(root, {**FILES, rel: text})
    try:
        art = read_artifact(root, strict=True)
    except AraError:
        return
    validate(art)
