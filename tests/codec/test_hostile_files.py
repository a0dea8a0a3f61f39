"""Files built to crash, hang or exhaust a reader end in a clean error naming the file.

Each case is a real file on disk (a FIFO, a character device, a symlink loop, a sparse
20 GB file, YAML nested 100,000 deep, an alias bomb), read by the library and by the `ara`
command in a child process, so that a segfault or a hang fails the test instead of the run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from arakit.codec import read_artifact, yamlio
from arakit.codec.guard import MAX_YAML_NESTING, check_yaml_nesting
from arakit.errors import ArtifactError, ParseError, SizeLimitError

CLAIMS = "logic/claims.md"


def ara(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).parent / "ara"
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=timeout)


def one_line_error(r: subprocess.CompletedProcess[str], rel: str, words: str) -> None:
    """Exit 1, no traceback, and one finding that names `rel` and says `words`."""
    assert r.returncode == 1, r.stdout + r.stderr
    assert "Traceback" not in r.stdout + r.stderr
    lines = [ln for ln in (r.stdout + r.stderr).splitlines() if f"{rel}" in ln and words in ln]
    assert len(lines) == 1, r.stdout + r.stderr


def problem_for(root: Path, rel: str) -> ArtifactError:
    found = [p for p in read_artifact(root).problems if p.file == rel]
    assert len(found) == 1, read_artifact(root).problems
    return found[0]


def test_yaml_nested_100000_deep_in_brackets_is_refused_before_parsing(minimal) -> None:
    deep = "tree: " + "[" * 100_000 + "]" * 100_000 + "\n"
    root = minimal({"trace/exploration_tree.yaml": deep})
    err = problem_for(root, "trace/exploration_tree.yaml")
    assert isinstance(err, ParseError) and "nested more than" in err.message and err.line == 1
    one_line_error(ara("validate", str(root)), "trace/exploration_tree.yaml", "nested more than")


def test_yaml_nested_100000_deep_in_compact_sequences_is_refused(minimal) -> None:
    deep = "---\ntitle: x\nextra:\n  " + "- " * 100_000 + "x\n---\n# T\n"
    root = minimal({"PAPER.md": deep})
    err = problem_for(root, "PAPER.md")
    assert isinstance(err, ParseError) and err.line == 4  # the line inside PAPER.md
    one_line_error(ara("validate", str(root)), "PAPER.md", "nested more than")


def test_yaml_nested_deep_by_indentation_is_refused() -> None:
    text = "".join(" " * i + f"k{i}:\n" for i in range(MAX_YAML_NESTING + 5)) + " " * 2000 + "x\n"
    with pytest.raises(ParseError, match="nested more than"):
        yamlio.load(text, "deep.yaml")


@pytest.mark.parametrize(
    "text",
    [
        'title: "' + "[" * 3000 + '"\n',  # brackets inside a quoted scalar are text
        "title: " + "a [" * 600 + "\n",  # and inside a block plain scalar
        "# " + "{" * 3000 + "\nkey: 1\n",  # and inside a comment
        "note: |\n" + "".join(f"  {'[' * 5} line {i}\n" for i in range(400)),  # block scalar
    ],
    ids=["quoted", "plain", "comment", "block-scalar"],
)
def test_brackets_that_are_text_do_not_count_as_nesting(text: str) -> None:
    check_yaml_nesting(text, "ok.yaml")
    assert yamlio.load(text, "ok.yaml") is not None


def test_brackets_hidden_after_a_quote_in_a_flow_list_still_count() -> None:
    # inside [...] a quote that does not start a value is text, so the brackets nest
    with pytest.raises(ParseError, match="nested more than"):
        check_yaml_nesting('x: [a"' + "[" * 5000 + "\n", "sneaky.yaml")


def alias_bomb(levels: int = 9) -> str:
    text = "observations: []\nlol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for i in range(1, levels + 1):
        text += f"lol{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n"
    return text


def test_yaml_alias_bomb_is_refused_by_the_reader_and_fmt_leaves_the_file(minimal) -> None:
    root = minimal({"staging/observations.yaml": alias_bomb()})
    err = problem_for(root, "staging/observations.yaml")
    assert isinstance(err, ParseError) and "alias bomb" in err.message
    before = (root / "staging/observations.yaml").read_bytes()
    r = ara("fmt", str(root), timeout=60)
    assert r.returncode != 0 and "alias bomb" in r.stderr and "Traceback" not in r.stderr
    assert (root / "staging/observations.yaml").read_bytes() == before


def test_a_few_aliases_still_read_and_share_their_value() -> None:
    data = yamlio.load("base: &b {lr: 0.1}\nrun: {<<: *b, seed: 1}\nsame: *b\n", "a.yaml")
    assert data["run"] == {"lr": 0.1, "seed": 1} and data["same"] == {"lr": 0.1}


def test_symlink_loop_is_one_clean_error_in_the_reader_and_the_cli(minimal) -> None:
    root = minimal()
    (root / CLAIMS).unlink()
    os.symlink("claims2.md", root / CLAIMS)
    os.symlink("claims.md", root / "logic/claims2.md")
    err = problem_for(root, CLAIMS)
    assert "symlink loop" in err.message
    one_line_error(ara("validate", str(root)), CLAIMS, "symlink loop")


def test_a_fifo_named_claims_md_is_never_opened_for_reading(minimal) -> None:
    root = minimal()
    (root / CLAIMS).unlink()
    os.mkfifo(root / CLAIMS)
    err = problem_for(root, CLAIMS)  # returns at once: a blocking open would hang here
    assert "FIFO" in err.message
    one_line_error(ara("validate", str(root), timeout=30), CLAIMS, "FIFO")
    r = ara("show", str(root), timeout=30)
    assert "Traceback" not in r.stderr


def test_a_character_device_named_claims_md_is_not_read(minimal) -> None:
    root = minimal()
    (root / CLAIMS).unlink()
    try:  # what `tar x` as root recreates from an archive: here /dev/zero's numbers
        os.mknod(root / CLAIMS, 0o644 | 0o020000, os.makedev(1, 5))
    except PermissionError:
        pytest.skip("creating a device node needs root (CAP_MKNOD)")
    err = problem_for(root, CLAIMS)
    assert "character device" in err.message
    one_line_error(ara("validate", str(root), timeout=30), CLAIMS, "character device")


def test_a_sparse_20_gb_file_is_refused_by_size_without_reading_it(minimal) -> None:
    root = minimal()
    with open(root / CLAIMS, "r+b") as fh:
        fh.truncate(20 * 2**30)
    err = problem_for(root, CLAIMS)
    assert isinstance(err, SizeLimitError) and "max_text_file_bytes" in err.message
    one_line_error(ara("validate", str(root), timeout=30), CLAIMS, "limit")


def test_the_seal_content_hash_skips_fifos_and_devices(minimal) -> None:
    from arakit.seal.certificate import content_hash

    root = minimal()
    before = content_hash(root)
    os.mkfifo(root / "src" / "pipe.md")
    assert content_hash(root) != before  # named in the hash, never opened


def _hostile(kind: str, path: Path) -> None:
    """Replace the file at `path` with one attack."""
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "loop":
        os.symlink(path.name, path)
    elif kind == "device":
        os.mknod(path, 0o644 | 0o020000, os.makedev(1, 5))
    elif kind == "huge":
        with open(path, "wb") as fh:
            fh.truncate(20 * 2**30)
    elif kind in ("deep-yaml", "alias-bomb"):
        text = "a: " + "[" * 100_000 + "\n" if kind == "deep-yaml" else alias_bomb()
        fence = path.suffix == ".md"  # as the front matter of a Markdown file
        path.write_text(f"---\n{text}---\n# T\n" if fence else text)


def test_every_corpus_artifact_survives_each_hostile_file(real_corpus: Path, tmp_path) -> None:
    """Each attack planted in a real artifact by others ends, within seconds, in one error
    on the planted file while the rest of the artifact still reads."""
    import shutil
    import signal

    kinds = ["fifo", "loop", "huge", "deep-yaml", "alias-bomb"]
    if os.geteuid() == 0:
        kinds.append("device")
    artifacts = sorted(p for p in (real_corpus / "artifacts").iterdir() if p.is_dir())
    assert artifacts

    def hung(*_: object) -> None:
        raise TimeoutError("a reader hung on a hostile file")

    old = signal.signal(signal.SIGALRM, hung)
    try:
        for src in artifacts:
            clean = read_artifact(src)
            yamls = sorted(src.rglob("*.yaml")) or sorted(src.rglob("*.md"))
            target = (src / "PAPER.md") if (src / "PAPER.md").is_file() else yamls[0]
            rel = target.relative_to(src).as_posix()
            for kind in kinds:
                copy = tmp_path / f"{src.name}-{kind}"
                shutil.copytree(src, copy, symlinks=True)
                _hostile(kind, copy / rel)
                signal.alarm(20)
                art = read_artifact(copy)
                signal.alarm(0)
                mine = [p for p in art.problems if p.file == rel]
                assert len(mine) == 1, (src.name, kind, art.problems)
                others = {p.file for p in art.problems} - {rel}
                assert others <= {p.file for p in clean.problems}, (src.name, kind)
                shutil.rmtree(copy)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
