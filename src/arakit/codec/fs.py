"""Safe file access inside an artifact: size limits, UTF-8, no escape from the root, atomic writes."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from arakit.codec.guard import read_regular, symlink_problem
from arakit.errors import ArtifactError, EncodingError, PathEscapeError, SizeLimitError

# Folders that are never part of an artifact's content.
SKIP_DIRS = frozenset({".git", "__pycache__", ".ara-cache", ".pytest_cache", ".hypothesis"})


@dataclass(frozen=True)
class Limits:
    """Limits the reader enforces; each error names the limit it hit."""

    max_text_file_bytes: int = 8 * 1024 * 1024
    max_files: int = 20_000


DEFAULT_LIMITS = Limits()


def inside(root: Path, path: Path) -> bool:
    """True when `path`, with symlinks resolved, stays inside `root` (False for a loop)."""
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop
        return False
    return True


def resolve_ref(root: Path, ref: str) -> Path | None:
    """The path a reference names, or None when it would leave the artifact folder."""
    candidate = root / ref
    return candidate if inside(root, candidate) else None


def inventory(root: Path, limits: Limits = DEFAULT_LIMITS) -> tuple[list[str], list[ArtifactError]]:
    """Every file under root (POSIX relative paths, sorted) and the symlinks that escape it
    or loop."""
    files: list[str] = []
    escapes: list[ArtifactError] = []
    root_resolved = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
        here = Path(dirpath)
        for name in list(dirnames):
            p = here / name
            if p.is_symlink() and not inside(root_resolved, p):
                escapes.append(symlink_problem(p, p.relative_to(root).as_posix()))
                dirnames.remove(name)
        for name in sorted(filenames):
            p = here / name
            rel = p.relative_to(root).as_posix()
            if p.is_symlink() and not inside(root_resolved, p):
                escapes.append(symlink_problem(p, rel))
                continue
            files.append(rel)
            if len(files) > limits.max_files:
                raise SizeLimitError(
                    f"more than {limits.max_files} files (limit max_files)",
                    file=".",
                    hint="an artifact holds code and results, not data sets; move bulk data out",
                )
    return files, escapes


def read_text(
    root: Path, rel: str, limits: Limits = DEFAULT_LIMITS, *, checked: bool = False
) -> str:
    """A text file as str with `\\n` line endings; refuses escapes, binaries, bad UTF-8, huge files.

    `checked`: the path comes from `inventory`, which already refused every symlink that
    leaves the root, so resolving it again is skipped.
    """
    path = root / rel
    if not checked and not inside(root, path):
        raise PathEscapeError(
            f"{rel} resolves outside the artifact folder",
            file=rel,
            hint="keep every file of the artifact inside its folder",
        )
    data = read_regular(path, rel, limits.max_text_file_bytes)
    return decode(data, rel)


def decode(data: bytes, rel: str) -> str:
    """Bytes → text, with the reason and position when they are not UTF-8 text."""
    if b"\x00" in data[:8192]:
        raise EncodingError(
            "file is binary (contains NUL bytes), expected UTF-8 text",
            file=rel,
            line=data[: data.index(b"\x00")].count(b"\n") + 1,
            hint="artifact text files must be UTF-8 Markdown or YAML",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise EncodingError(
            f"not valid UTF-8: byte 0x{data[e.start]:02x} cannot start or continue a character",
            file=rel,
            line=line,
            column=col,
            hint="re-save the file as UTF-8",
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def atomic_write(path: Path, text: str) -> bool:
    """Write text through a temp file in the same folder, fsync, rename. False if unchanged."""
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return True
