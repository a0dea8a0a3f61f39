"""The Level 3 attacks of the red-team pass (issue 13), each against the real sandbox.

A hostile artifact tries to run code on the host before the sandbox (its requirements), to
make reproduce delete or collide folders (run IDs and seeds), to pass without computing
(shipped outputs, evidence copied into src/, tolerances that cannot fail), to exhaust the
machine (disk), and to get a passing seal from the weak sandbox. Each must be contained,
end in a clean verdict or error, and leave the machine as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import tempfile
from pathlib import Path

import pytest

from arakit.seal.certificate import seal
from arakit.seal.level3 import reproduce
from arakit.seal.level3.deps import DependencyError, requirements
from tests.seal.level3.conftest import digest, needs_bwrap, tiny_files
from tests.seal.level3.test_deps_workcopy import make_wheel

pytestmark = [pytest.mark.sandbox, needs_bwrap]

ONE_EXPECT = (
    "    expect:\n"
    "      - {metric: score, claim: C01, evidence: tables/table1_tiny.md, row: tiny,"
    " column: score (mean)%s}\n"
)


def plan(command: str, *, run_id: str = "R01", seeds: str = "", tol: str = "") -> str:
    seeds_line = f"    seeds: {seeds}\n" if seeds else ""
    return (
        f"runs:\n  - id: {json.dumps(run_id)}\n    command: {command}\n{seeds_line}"
        "    timeout_s: 60\n    outputs: metrics.json\n" + ONE_EXPECT % tol
    )


def artifact(tree, files: dict[str, str] | None = None) -> Path:  # type: ignore[no-untyped-def]
    base = tiny_files()
    base.update(files or {})
    return tree(base)


# -- requirements never run anything on the host ------------------------------------------
SETUP_PY = "import pathlib\npathlib.Path({marker!r}).write_text('ran on the host')\n"


@pytest.mark.parametrize(
    "line",
    [
        "./evil",
        "evil @ file:///tmp/evil",
        "evil @ http://127.0.0.1:{port}/evil-1.0.tar.gz",
        "git+https://127.0.0.1:{port}/evil.git",
        "-e .",
        "--index-url http://127.0.0.1:{port}/simple",
        "-r other.txt",
        "numpy --hash=sha256:00",
        "/abs/path/evil-1.0.tar.gz",
    ],
)
def test_a_requirement_that_pip_would_fetch_or_build_is_refused_naming_the_line(
    tree, tmp_path: Path, line: str
) -> None:
    marker = tmp_path / "pwned"
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        server.setblocking(False)
        port = server.getsockname()[1]
        art = artifact(
            tree,
            {
                "src/requirements.txt": "numpy\n" + line.format(port=port) + "\n",
                "setup.py": SETUP_PY.format(marker=str(marker)),
                "evil/setup.py": SETUP_PY.format(marker=str(marker)),
            },
        )
        with pytest.raises(DependencyError) as e:
            reproduce(art, work_dir=tmp_path / "w")
        with pytest.raises(BlockingIOError):
            server.accept()  # nothing was fetched
    assert "src/requirements.txt:2:" in str(e.value) and "offline" in str(e.value)
    assert not marker.exists()


def test_requirement_files_are_read_as_plain_requirements(tree) -> None:
    text = "numpy>=1.26,<3\nscipy[sparse] ~= 1.11 ; python_version >= '3.10'\nrich\n"
    assert requirements(tree({"src/requirements.txt": text})) == [
        "numpy>=1.26,<3",
        "scipy[sparse] ~= 1.11 ; python_version >= '3.10'",
        "rich",
    ]


def test_an_sdist_in_the_wheelhouse_is_never_built(tree, tmp_path: Path) -> None:
    """Only wheels install: a source archive whose setup.py would run is refused by pip,
    inside the sandbox; the host never runs it."""
    import tarfile

    marker = tmp_path / "built"
    wheels = tmp_path / "wheels"
    src = tmp_path / "sdist" / "evilpkg-1.0"
    src.mkdir(parents=True)
    (src / "setup.py").write_text(
        SETUP_PY.format(marker=str(marker)) + "from setuptools import setup\n"
        "setup(name='evilpkg', version='1.0')\n"
    )
    (src / "PKG-INFO").write_text("Metadata-Version: 2.1\nName: evilpkg\nVersion: 1.0\n")
    wheels.mkdir()
    with tarfile.open(wheels / "evilpkg-1.0.tar.gz", "w:gz") as tar:
        tar.add(src, arcname="evilpkg-1.0")
    make_wheel(wheels, 0.51)
    art = artifact(tree, {"src/requirements.txt": "evilpkg==1.0\n"})
    with pytest.raises(DependencyError, match="could not install"):
        reproduce(art, wheelhouse=wheels, work_dir=tmp_path / "w")
    assert not marker.exists()


# -- run IDs and seeds cannot steer folders ----------------------------------------------
@pytest.mark.parametrize("run_id", ["..", "../..", "/", ".", "a/../../b"])
def test_a_run_id_of_dotdot_never_escapes_or_deletes_anything(
    tree, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_id: str
) -> None:
    tmpdir = tmp_path / "TMPDIR"
    tmpdir.mkdir()
    (tmpdir / "someone-elses-file").write_text("keep me")
    monkeypatch.setenv("TMPDIR", str(tmpdir))
    monkeypatch.setattr(tempfile, "tempdir", None)
    (tmp_path / "keep.txt").write_text("keep me too")
    cmd = "python src/execution/train.py --seed {seed} --out {outdir}/metrics.json"
    art = artifact(tree, {"src/reproduce.yaml": plan(cmd, run_id=run_id)})
    before = digest(art)
    rep = reproduce(art)  # a temporary work dir in $TMPDIR, removed afterwards
    assert rep.runs[0].status == "ok"
    assert (tmpdir / "someone-elses-file").read_text() == "keep me"
    assert (tmp_path / "keep.txt").exists() and digest(art) == before
    assert sorted(p.name for p in tmpdir.iterdir()) == ["someone-elses-file"]
    rep = reproduce(art, work_dir=tmp_path / "w" / "inner")
    assert (tmp_path / "keep.txt").exists() and (tmp_path / "w" / "inner").is_dir()


def test_seeds_that_look_alike_run_in_parallel_in_folders_of_their_own(tree, tmp_path) -> None:
    code = (
        "import json, sys\njson.dump({'score': 0.51, 'seed': sys.argv[1]},"
        " open(sys.argv[2] + '/metrics.json', 'w'))\n"
    )
    art = artifact(
        tree,
        {
            "src/execution/train.py": code,
            "src/reproduce.yaml": plan(
                "python src/execution/train.py {seed} {outdir}", seeds='["a/b", "a_b", "a b", ".."]'
            ),
        },
    )
    rep = reproduce(art, jobs=2, work_dir=tmp_path / "w")
    assert [r.status for r in rep.runs] == ["ok"] * 4
    assert rep.passed
    assert len({r.log_dir for r in rep.runs}) == 4


# -- only what the run wrote is its output -------------------------------------------------
def test_an_output_shipped_in_src_is_not_the_runs_output(tree, tmp_path: Path) -> None:
    art = artifact(
        tree,
        {
            "src/metrics.json": '{"score": 0.51}',
            "src/reproduce.yaml": plan("true").replace(
                "outputs: metrics.json", "outputs: src/metrics.json"
            ),
        },
    )
    rep = reproduce(art, work_dir=tmp_path / "w")
    run = rep.runs[0]
    assert run.status == "failed" and run.metrics == {}
    assert "shipped with the artifact" in run.output_problems[0]
    assert rep.expectations[0].verdict == "failed_to_run" and not rep.passed


def test_an_output_the_run_rewrote_in_place_is_read(tree, tmp_path: Path) -> None:
    code = "import json\njson.dump({'score': 0.51}, open('src/metrics.json', 'w'))\n"
    art = artifact(
        tree,
        {
            "src/metrics.json": '{"score": 0.0}',
            "src/execution/train.py": code,
            "src/reproduce.yaml": plan("python src/execution/train.py").replace(
                "outputs: metrics.json", "outputs: src/metrics.json"
            ),
        },
    )
    rep = reproduce(art, work_dir=tmp_path / "w")
    assert rep.runs[0].metrics == {"score": 0.51} and rep.passed


@pytest.mark.parametrize("how", ["hardlink", "copy"])
def test_evidence_linked_or_copied_under_src_never_reaches_the_run(
    tree, tmp_path: Path, how: str
) -> None:
    cheat = (
        "import json, re, sys\n"
        "text = open('src/answer.md').read()\n"
        "v = float(re.search(r'\\| tiny \\| ([0-9.]+) \\|', text).group(1))\n"
        "json.dump({'score': v}, open(sys.argv[1] + '/metrics.json', 'w'))\n"
    )
    art = artifact(
        tree,
        {
            "src/execution/cheat.py": cheat,
            "src/reproduce.yaml": plan("python src/execution/cheat.py {outdir}"),
        },
    )
    evidence = art / "evidence" / "tables" / "table1_tiny.md"
    if how == "hardlink":
        os.link(evidence, art / "src" / "answer.md")
    else:
        (art / "src" / "answer.md").write_bytes(evidence.read_bytes())
    rep = reproduce(art, work_dir=tmp_path / "w")
    assert rep.runs[0].status == "failed" and "answer.md" in rep.runs[0].error_tail
    assert rep.evidence_copies == {"src/answer.md": "evidence/tables/table1_tiny.md"}
    assert not rep.passed


# -- tolerances that cannot fail are no check ---------------------------------------------
@pytest.mark.parametrize(
    ("tol", "words"),
    [
        (", tolerance: {abs: .inf}", "finite"),
        (", tolerance: {rel: .nan}", "finite"),
        (", tolerance: {abs: -0.1}", "finite number ≥ 0"),
        (", tolerance: {abs: 0.6}", "as wide as the expected value"),
        (", tolerance: {rel: 1.5}", "100% or more"),
    ],
)
def test_a_tolerance_that_would_pass_anything_is_not_checkable(
    tree, tmp_path: Path, tol: str, words: str
) -> None:
    code = "import json, sys\njson.dump({'score': 0.0}, open(sys.argv[1] + '/metrics.json', 'w'))\n"
    art = artifact(
        tree,
        {
            "src/execution/train.py": code,
            "src/reproduce.yaml": plan("python src/execution/train.py {outdir}", tol=tol),
        },
    )
    rep = reproduce(art, work_dir=tmp_path / "w")
    e = rep.expectations[0]
    assert e.verdict == "not_checkable" and words in e.reason
    assert not rep.passed


# -- the machine is bounded and left clean -------------------------------------------------
def test_a_run_writing_gigabytes_is_stopped_at_the_disk_bound_and_leaves_nothing(
    tree, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from arakit.seal.level3.sandbox import Limits

    tmpdir = tmp_path / "TMPDIR"
    tmpdir.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmpdir))
    monkeypatch.setattr(tempfile, "tempdir", None)
    code = (
        "import os\nfor i in range(5000):\n    open(f'blob{i}', 'wb').write(os.urandom(1 << 20))\n"
    )
    art = artifact(
        tree,
        {
            "src/execution/train.py": code,
            "src/reproduce.yaml": plan("python src/execution/train.py"),
        },
    )
    rep = reproduce(art, limits=Limits(disk_bytes=64 << 20, timeout_s=120))
    run = rep.runs[0]
    assert run.status == "failed"
    assert "No space left on device" in run.error_tail or run.stopped_by == "disk bound"
    assert run.duration_s < 60
    assert list(tmpdir.iterdir()) == []  # the failed run's folder is gone too


def test_the_process_sandbox_never_yields_a_passing_seal_even_when_it_reads_evidence(
    tree, tmp_path: Path
) -> None:
    readable = Path(tempfile.mkdtemp(prefix="ara-weak-"))  # readable by any user, as homes are
    readable.chmod(0o755)
    art = readable / "artifact"
    shutil.copytree(artifact(tree), art)
    for dirpath, _, _ in os.walk(art):
        os.chmod(dirpath, 0o755)
    real = art / "evidence" / "tables" / "table1_tiny.md"
    cheat = (
        "import json, re, sys\n"
        f"text = open({str(real)!r}).read()\n"
        "v = float(re.search(r'\\| tiny \\| ([0-9.]+) \\|', text).group(1))\n"
        "json.dump({'score': v}, open(sys.argv[1] + '/metrics.json', 'w'))\n"
    )
    (art / "src" / "execution" / "cheat.py").write_text(cheat)
    (art / "src" / "reproduce.yaml").write_text(plan("python src/execution/cheat.py {outdir}"))
    try:
        rep = reproduce(art, sandbox="process", work_dir=tmp_path / "w")
        assert rep.all_reproduced  # the weak sandbox did let it read the answer...
        assert not rep.passed  # ...which is why its verdicts never pass
        cert = seal(art, [3], level3={"sandbox": "process", "work_dir": tmp_path / "w2"})
    finally:
        shutil.rmtree(readable)
    level3 = cert.levels[0]
    assert not cert.passed and level3.status == "failed"
    assert level3.details["isolation"] == "weak"
    assert {v["isolation"] for v in level3.details["verdicts"]} == {"weak"}
    assert "no seal" in level3.summary


def _mounts_under(folder: Path) -> list[str]:
    prefix = str(folder)
    return [
        line.split()[4]
        for line in Path("/proc/self/mountinfo").read_text().splitlines()
        if line.split()[4].startswith(prefix)
    ]


@pytest.mark.skipif(os.geteuid() != 0, reason="boxes are mounted only as root")
def test_a_reproduce_killed_mid_run_is_swept_by_the_next_one(tree, tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    from arakit.seal.level3.bounds import _own_cgroups
    from tests.seal.level3.conftest import processes_with

    token = f"ara-killed-{os.getpid()}"
    art = artifact(tree, {"src/reproduce.yaml": plan(f"sleep 60; echo {token}")})
    work = tmp_path / "w"
    code = "import sys\nfrom arakit.seal.level3 import reproduce\nreproduce(sys.argv[1], work_dir=sys.argv[2])"
    child = subprocess.Popen([sys.executable, "-c", code, str(art), str(work)])
    deadline = time.monotonic() + 120
    while not _mounts_under(work) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _mounts_under(work), "the run never started"
    time.sleep(1)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    time.sleep(0.5)
    # its box stays mounted until a reproduce sweeps it (on a shared machine, any one may)
    assert processes_with(f"sleep 60; echo {token}") == []  # its processes died with it
    reproduce(artifact(tree), work_dir=tmp_path / "w2")  # the next run sweeps
    assert _mounts_under(work) == []
    groups = [
        d.name
        for ctrl, path in _own_cgroups().items()
        if ctrl in ("memory", "pids", "")
        for d in (Path("/sys/fs/cgroup") / ctrl / path.lstrip("/")).glob("arakit-*")
    ]
    assert not [g for g in groups if g.startswith(f"arakit-{child.pid}-")]
