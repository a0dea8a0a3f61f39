"""What a run gets: a working copy without the answers, and an offline dependency venv."""

from __future__ import annotations

import base64
import hashlib
import os
import zipfile
from pathlib import Path

import pytest

from arakit.seal.level3 import reproduce
from arakit.seal.level3.deps import DependencyError, ensure_venv, requirements
from arakit.seal.level3.runtime import vendor
from arakit.seal.level3.workcopy import make_working_copy
from tests.seal.level3.conftest import needs_bwrap, tiny_files


def test_working_copy_withholds_evidence_trace_reports_vcs_and_symlinks(tree, tmp_path) -> None:
    files = tiny_files()
    files.update(
        {
            "level3_report.json": "{}",
            "seal.json": "{}",
            "staging/observations.yaml": "observations: []\n",
            ".git/HEAD": "ref: refs/heads/main\n",
        }
    )
    root = tree(files)
    evidence = root / "evidence" / "tables" / "table1_tiny.md"
    os.symlink(evidence, root / "src" / "answer.md")
    os.symlink("/etc", root / "src" / "etc")
    os.link(evidence, root / "src" / "hardlinked.md")
    (root / "src" / "copied.txt").write_bytes(evidence.read_bytes())
    (tmp_path / "copy").mkdir()
    wc = make_working_copy(root, tmp_path / "copy")
    copied = sorted(
        str(p.relative_to(tmp_path / "copy")) for p in (tmp_path / "copy").rglob("*") if p.is_file()
    )
    assert copied == ["PAPER.md", "logic/claims.md", "src/execution/train.py", "src/reproduce.yaml"]
    assert wc.left_out == [
        ".git/", "evidence/", "level3_report.json", "seal.json", "src/answer.md",
        "src/copied.txt", "src/etc", "src/hardlinked.md", "staging/", "trace/",
    ]  # fmt: skip
    assert wc.evidence_copies == {
        "src/copied.txt": "evidence/tables/table1_tiny.md",
        "src/hardlinked.md": "evidence/tables/table1_tiny.md",
    }
    assert set(wc.shipped) == set(copied)


def test_requirements_come_from_requirements_txt_or_a_fenced_block(tree) -> None:
    a = tree({"src/requirements.txt": "# deps\nnumpy>=1.26  # arrays\n\nscipy\n"})
    assert requirements(a) == ["numpy>=1.26", "scipy"]
    env = "# Environment\n\n```requirements\ntorch==2.3\n```\n\n```\nnot this\n```\n"
    assert requirements(tree({"src/environment.md": env})) == ["torch==2.3"]
    assert requirements(tree({"src/environment.md": "- **Dependencies**: none\n"})) == []


def make_wheel(folder: Path, value: float) -> Path:
    """A real, minimal pure-Python wheel built by hand (no network, no build backend)."""
    folder.mkdir(parents=True, exist_ok=True)
    dist = "arakit_l3_probe-1.0.dist-info"
    files = {
        "arakit_l3_probe/__init__.py": f"VALUE = {value}\n",
        f"{dist}/METADATA": "Metadata-Version: 2.1\nName: arakit-l3-probe\nVersion: 1.0\n",
        f"{dist}/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\n"
        "Tag: py3-none-any\n",
    }
    record = []
    for name, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=")
        record.append(f"{name},sha256={digest.decode()},{len(text.encode())}")
    files[f"{dist}/RECORD"] = "\n".join([*record, f"{dist}/RECORD,,"]) + "\n"
    whl = folder / "arakit_l3_probe-1.0-py3-none-any.whl"
    with zipfile.ZipFile(whl, "w") as z:
        for name, text in files.items():
            z.writestr(name, text)
    return whl


@pytest.mark.sandbox
@needs_bwrap
def test_requirements_install_offline_from_a_wheelhouse_and_are_importable_in_the_sandbox(
    tree, tmp_path: Path
) -> None:
    wheels = tmp_path / "wheels"
    make_wheel(wheels, 0.51)
    files = tiny_files()
    files["src/requirements.txt"] = "arakit-l3-probe==1.0\n"
    files["src/execution/train.py"] = (
        "import json, sys, arakit_l3_probe\n"
        "out = sys.argv[sys.argv.index('--out') + 1]\n"
        "json.dump({'score': arakit_l3_probe.VALUE, 'nested': {'loss': 1.25}}, open(out, 'w'))\n"
    )
    rep = reproduce(tree(files), seeds=[0], wheelhouse=wheels, work_dir=tmp_path / "w")
    assert rep.passed, rep.expectations[0].reason
    venv = ensure_venv(["arakit-l3-probe==1.0"], wheels)  # the same, cached
    complete = venv.host / ".ara-complete"
    stamp = complete.stat().st_mtime_ns
    assert ensure_venv(["arakit-l3-probe==1.0"], wheels) == venv
    assert complete.stat().st_mtime_ns == stamp


@pytest.mark.sandbox
@needs_bwrap
def test_a_requirement_that_is_nowhere_local_is_a_clear_error_not_a_download() -> None:
    with pytest.raises(DependencyError, match="could not install") as e:
        ensure_venv(["arakit-surely-not-installed-anywhere==9.9"])
    assert e.value.hint is not None and "--wheelhouse" in e.value.hint


def _installed(site: Path, name: str, requires: list[str], module: str) -> None:
    """A distribution as pip leaves it in a site-packages: module, METADATA, RECORD."""
    dist = f"{name.replace('-', '_')}-1.0.dist-info"
    files = {
        f"{module}/__init__.py": f"NAME = {name!r}\n",
        f"{dist}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n"
        + "".join(f"Requires-Dist: {r}\n" for r in requires),
        "../../../bin/" + module: "#!/bin/sh\n",  # a script outside site-packages
    }
    for rel, text in files.items():
        if not rel.startswith(".."):
            (site / rel).parent.mkdir(parents=True, exist_ok=True)
            (site / rel).write_text(text)
    record = [f"{rel},," for rel in files] + [f"{dist}/RECORD,,"]
    (site / dist / "RECORD").write_text("\n".join(record) + "\n")


def test_vendoring_copies_what_the_requirements_need_and_cuts_the_venv_off(tmp_path) -> None:
    """A venv whose requirements the interpreter's own site-packages satisfied gets those
    distributions and their dependencies (extras only when asked), and no longer reads the
    host's site-packages, so a run binds no host folder for it."""
    site = tmp_path / "py" / "lib" / "python3.11" / "site-packages"
    _installed(site, "top-pkg", ["dep_one>=1", 'extra-only; extra == "fancy"'], "top_pkg")
    _installed(site, "dep-one", [], "dep_one")
    _installed(site, "extra-only", [], "extra_only")
    _installed(site, "unrelated", [], "unrelated")
    venv = tmp_path / "venv"
    (venv / "lib" / "python3.11" / "site-packages").mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text("home = /x\ninclude-system-site-packages = true\n")
    assert vendor(venv, ["Top_Pkg>=0.5"], site)
    got = venv / "lib" / "python3.11" / "site-packages"
    assert sorted(p.name for p in got.iterdir() if not p.name.endswith("dist-info")) == [
        "dep_one",
        "top_pkg",
    ]
    assert (got / "top_pkg-1.0.dist-info" / "RECORD").is_file()
    assert "include-system-site-packages = false" in (venv / "pyvenv.cfg").read_text()
    assert not (venv / "bin").exists()
    assert vendor(venv, ["top-pkg[fancy]"], site) and (got / "extra_only").is_dir()


def test_vendoring_leaves_the_venv_alone_when_a_distribution_has_no_file_list(tmp_path) -> None:
    site = tmp_path / "site-packages"
    _installed(site, "top-pkg", [], "top_pkg")
    (site / "top_pkg-1.0.dist-info" / "RECORD").unlink()
    venv = tmp_path / "venv"
    (venv / "lib" / "site-packages").mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text("include-system-site-packages = true\n")
    assert not vendor(venv, ["top-pkg"], site)
    assert "= true" in (venv / "pyvenv.cfg").read_text()
