"""The tuning pool rebuilds each pair's corpus layout from a fetched snapshot."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from benchmarks.realworld import pool

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]


def _snapshot(root: Path) -> tuple[Path, list[str]]:
    """A bare mirror at root/owner+name/repo with two commits; returns it and the shas."""
    work = root / "work"
    work.mkdir()
    subprocess.run([*GIT, "init", "-q", "-b", "main", str(work)], check=True)
    shas = []
    for n in (1, 2):
        (work / "paper").mkdir(exist_ok=True)
        (work / "paper" / "paper.pdf").write_bytes(f"%PDF-1.4 version {n}".encode())
        (work / "train.py").write_text(f"lr = 0.{n}\n")
        subprocess.run([*GIT, "-C", str(work), "add", "-A"], check=True)
        subprocess.run([*GIT, "-C", str(work), "commit", "-qm", f"v{n}"], check=True)
        out = subprocess.run([*GIT, "-C", str(work), "rev-parse", "HEAD"], capture_output=True)
        shas.append(out.stdout.decode().strip())
    mirror = root / "mirror" / "owner+name" / "repo"
    subprocess.run(["git", "clone", "-q", "--mirror", str(work), str(mirror)], check=True)
    return mirror, shas


@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ARA_MIRROR", str(tmp_path / "mirror"))
    monkeypatch.setenv("ARA_POOL", str(tmp_path / "built"))
    monkeypatch.setattr(pool, "POOL_TRUTH", tmp_path / "truth")
    return tmp_path


def test_add_records_the_snapshot_head_and_builds_pdf_and_bundle(places: Path) -> None:
    _, shas = _snapshot(places)
    dest = pool.add("demo", "owner/name", "paper/paper.pdf", "tester", None)
    source = pool.read_source(places / "truth" / "papers" / "demo")
    assert source.commit == shas[1]
    assert (dest / "paper.pdf").read_bytes() == b"%PDF-1.4 version 2"
    clone = places / "clone"
    subprocess.run(["git", "clone", "-q", str(dest / "repo.bundle"), str(clone)], check=True)
    assert (clone / "train.py").read_text() == "lr = 0.2\n"


def test_a_pinned_older_commit_is_what_the_bundle_checks_out(places: Path) -> None:
    _, shas = _snapshot(places)
    dest = pool.add("demo", "owner/name", "paper/paper.pdf", "tester", shas[0])
    assert (dest / "paper.pdf").read_bytes() == b"%PDF-1.4 version 1"
    clone = places / "clone"
    subprocess.run(["git", "clone", "-q", str(dest / "repo.bundle"), str(clone)], check=True)
    assert (clone / "train.py").read_text() == "lr = 0.1\n"


def test_a_missing_snapshot_names_the_fetch_that_brings_it(places: Path) -> None:
    with pytest.raises(pool.PoolError, match="fetch github:owner/absent"):
        pool.add("demo", "owner/absent", "paper.pdf", "tester", None)


def test_a_source_file_without_its_commit_is_named_with_what_is_missing(places: Path) -> None:
    folder = places / "truth" / "papers" / "broken"
    folder.mkdir(parents=True)
    (folder / "SOURCE.yaml").write_text("repo: owner/name\npdf: paper.pdf\n")
    with pytest.raises(pool.PoolError, match=r"broken/SOURCE.yaml: missing commit"):
        pool.read_source(folder)


def test_blobs_absent_from_the_snapshot_become_placeholders_and_the_bundle_clones(
    places: Path,
) -> None:
    mirror, _ = _snapshot(places)
    big = subprocess.run(
        ["git", "--git-dir", str(mirror), "rev-parse", "HEAD:train.py"], capture_output=True
    ).stdout.decode()
    big = big.strip()
    # a snapshot leaves out files of 4 MiB and more: take one blob away, as the store does
    # (the mirror of a fresh local repository holds loose objects)
    (mirror / "objects" / big[:2] / big[2:]).unlink()
    dest = pool.add("demo", "owner/name", "paper/paper.pdf", "tester", None)
    assert "1 file versions of 4 MiB or more were absent" in (dest / "SOURCE.md").read_text()
    clone = places / "clone"
    subprocess.run(["git", "clone", "-q", str(dest / "repo.bundle"), str(clone)], check=True)
    assert (clone / "train.py").read_text().startswith("placeholder: this file")
    log = subprocess.run(["git", "-C", str(clone), "log", "--format=%s"], capture_output=True)
    assert log.stdout.decode().split() == ["v2", "v1"]


def test_a_source_written_with_yaml_syntax_in_its_values_reads_back_whole(places: Path) -> None:
    _snapshot(places)
    pool.add("demo", "owner/name", "paper/paper.pdf", "helper: one # two", None)
    text = (places / "truth" / "papers" / "demo" / "SOURCE.yaml").read_text()
    from ruamel.yaml import YAML

    assert YAML(typ="safe").load(text)["by"] == "helper: one # two"


def test_a_git_failure_is_retried_once_and_the_other_pairs_still_build(
    places: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _snapshot(places)
    pool.add("demo", "owner/name", "paper/paper.pdf", "tester", None)
    pool.add("other", "owner/name", "paper/paper.pdf", "tester", None)
    real_build, calls = pool.build, []

    def flaky(src: pool.Source, out_root: Path) -> Path:
        calls.append(src.name)
        if src.name == "demo":  # fails every time: reported, and "other" still builds
            raise subprocess.CalledProcessError(128, ["git", "filter-branch"])
        if calls.count(src.name) == 1:  # fails once: the retry builds it
            raise subprocess.CalledProcessError(128, ["git", "bundle"])
        return real_build(src, out_root)

    monkeypatch.setattr(pool, "build", flaky)
    assert pool._build() == 1
    assert calls == ["demo", "demo", "other", "other"]
    assert "demo: build failed twice" in capsys.readouterr().err
