"""What a run executes with, on a file system of its own: the interpreter and the venv.

A bind mount shows its source path in the run's /proc/self/mountinfo (the `root` field is
the path inside the source's file system), so binding /root/.pyenv/versions/3.11.7 or
~/.cache/arakit/venvs/... tells the run who the caller is and where things live. As root,
`open_runtime` copies both once per reproduction into a tmpfs of their size ("the runtime"),
made read-only, and every run binds `runtime/python` and `runtime/venv` from there: the run
sees `/python` and `/venv` of a tmpfs, no host path.

    python/   the interpreter's installation: its executable, libpython, the standard library
              (no site-packages, test suite, IDLE, tkinter or static library); only when it
              lives outside /usr (a system interpreter is bound with /usr, a system path)
    venv/     the run's venv, self-contained: what it took from the interpreter's own
              site-packages to satisfy the requirements is copied into it (`vendor`), so it
              needs no host site-packages

Without root nothing can be mounted: the copies are made in a plain folder of the
reproduction's work dir (so a run sees that folder's path, never the caller's home), and
`hidden` is False (the report names the folder). A venv whose dependencies cannot all be copied
(a distribution without a file list) keeps the interpreter's site-packages, bound from the
host; `exposed` names it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from arakit.seal.level3 import box
from arakit.seal.level3.isolation import PY, VENV, Mount, interpreter

_SKIP_STDLIB = {"site-packages", "test", "idlelib", "tkinter", "turtledemo", "lib2to3"}
_NAME_RE = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?")


@dataclass
class Runtime:
    """The folders every run binds read-only, and whether their host paths are hidden."""

    root: Path | None  # the folder of the copies (None: host folders are bound)
    mounts: list[Mount] = field(default_factory=list)
    mounted: bool = False  # the folder is a tmpfs of its own
    hidden: bool = False
    exposed: list[str] = field(default_factory=list)  # host paths a run still sees


def _site_packages(prefix: Path) -> Path:
    return _stdlib(prefix) / "site-packages"


def _size(top: Path, skip: frozenset[str] = frozenset()) -> int:
    total = 0
    for dirpath, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if d not in skip]
        for n in files:
            try:
                total += os.lstat(os.path.join(dirpath, n)).st_size + 4096
            except OSError:
                continue
    return total


def _stdlib(prefix: Path) -> Path:
    """The standard library's folder: where `os` was loaded from, when under the prefix."""
    here = Path(os.path.realpath(os.path.dirname(os.__file__)))
    if here.is_relative_to(prefix):
        return here
    return prefix / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}"


def _skipped(std: Path) -> frozenset[str]:
    """What of the standard library folder a run never needs."""
    names = os.listdir(std) if std.is_dir() else []
    return frozenset(n for n in names if n in _SKIP_STDLIB or n.startswith("config-"))


def _interpreter_size(prefix: Path) -> int:
    exe = Path(os.path.realpath(getattr(sys, "_base_executable", sys.executable)))
    libs = sum(p.lstat().st_size for p in (prefix / "lib").glob("libpython*"))
    std = _stdlib(prefix)
    return exe.stat().st_size + libs + _size(std, _skipped(std))


def _copy_interpreter(prefix: Path, dst: Path) -> None:
    exe = Path(os.path.realpath(getattr(sys, "_base_executable", sys.executable)))
    (dst / "bin").mkdir(parents=True)
    shutil.copy2(exe, dst / "bin" / exe.name)
    (dst / "lib").mkdir()
    for p in (prefix / "lib").glob("libpython*"):
        if p.is_symlink():
            os.symlink(os.readlink(p), dst / "lib" / p.name)
        elif p.is_file():
            shutil.copy2(p, dst / "lib" / p.name)
    std = _stdlib(prefix)
    skip = _skipped(std)

    def ignore(folder: str, names: list[str]) -> list[str]:
        return [n for n in names if n in skip] if Path(folder) == std else []

    shutil.copytree(std, dst / std.relative_to(prefix), symlinks=True, ignore=ignore)


def _remount_ro(path: Path) -> None:
    subprocess.run(
        ["mount", "-o", "remount,ro", str(path)], capture_output=True, stdin=subprocess.DEVNULL
    )


def open_runtime(path: Path, venv_host: Path) -> Runtime:
    """The runtime of a bwrap reproduction at `path` (a new folder): copies in a tmpfs as
    root, host binds otherwise. `close_runtime` removes it."""
    prefix, inside = interpreter("bwrap")
    own_python = inside != str(prefix)
    if own_python and not _stdlib(prefix).is_dir():  # a layout not understood: bind it whole
        mounts = [Mount(prefix, PY), Mount(venv_host, VENV)]
        return Runtime(None, mounts, exposed=[str(prefix), str(venv_host)])
    path.mkdir(parents=True)
    size = _size(venv_host) + (_interpreter_size(prefix) if own_python else 0) + (16 << 20)
    mounted = box.mount_tmpfs(path, size)
    rt = Runtime(path, mounted=mounted, hidden=mounted)
    if not mounted:  # copies all the same, so the run sees this folder, not the caller's home
        rt.exposed.append(str(path))
    try:
        (path / box.OWNER).write_text(str(os.getpid()))  # box.sweep_stale finds it if we die
        if own_python:
            _copy_interpreter(prefix, path / "python")
            rt.mounts.append(Mount(path / "python", PY))
        shutil.copytree(venv_host, path / "venv", symlinks=True)
        rt.mounts.append(Mount(path / "venv", VENV))
        if own_python and _uses_system_site(path / "venv"):  # vendoring was not possible
            site = _site_packages(prefix)
            rt.mounts.append(Mount(site, f"{PY}/{site.relative_to(prefix)}"))
            rt.exposed.append(str(site))
            rt.hidden = False
    except BaseException:
        close_runtime(rt)
        raise
    if mounted:
        _remount_ro(path)
    return rt


def close_runtime(rt: Runtime) -> None:
    """Unmount (when a tmpfs) and remove the runtime's copies."""
    if rt.root is None:
        return
    if rt.mounted:
        box.unmount(rt.root)
    shutil.rmtree(rt.root, ignore_errors=True)


def _uses_system_site(venv: Path) -> bool:
    try:
        cfg = (venv / "pyvenv.cfg").read_text()
    except OSError:
        return False
    return re.search(r"^include-system-site-packages\s*=\s*true", cfg, re.M | re.I) is not None


def vendor(venv: Path, reqs: list[str], site: Path | None = None) -> bool:
    """Copy into `venv` every distribution of the interpreter's own site-packages that its
    requirements need (their dependencies too), then cut the venv off from that
    site-packages. False (the venv unchanged) when a needed distribution has no file list."""
    from importlib import metadata

    site = site or _site_packages(interpreter("bwrap")[0])
    target = venv / "lib" / site.parent.name / "site-packages"
    if not site.is_dir() or not target.is_dir():
        return False
    installed = {
        _norm(d.metadata["Name"] or ""): d for d in metadata.distributions(path=[str(site)])
    }
    present = {
        _norm(d.metadata["Name"] or ""): d for d in metadata.distributions(path=[str(target)])
    }
    todo = [_parse(r) for r in reqs]
    seen: set[tuple[str, frozenset[str]]] = set()
    needed: dict[str, metadata.Distribution] = {}
    while todo:
        name, extras = todo.pop()
        dist = present.get(name) or installed.get(name)
        if dist is None or (name, frozenset(extras)) in seen:
            continue  # not installed anywhere: pip said so already, or a marker excludes it
        seen.add((name, frozenset(extras)))
        if name not in present:
            needed[name] = dist
        for req in dist.requires or []:
            spec, _, marker = req.partition(";")
            wanted = re.search(r"extra\s*==\s*['\"]([^'\"]+)['\"]", marker)
            if wanted is None or _norm(wanted.group(1)) in extras:
                todo.append(_parse(spec))
    if any(d.files is None for d in needed.values()):
        return False
    for dist in needed.values():
        for rel in dist.files or []:
            if str(rel).startswith(".."):
                continue  # scripts and data outside site-packages
            src, dst = site / rel, target / rel
            if src.is_file() and not dst.exists():
                dst.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dst, follow_symlinks=False)
    cfg = venv / "pyvenv.cfg"
    text = cfg.read_text()
    cfg.write_text(
        re.sub(r"^(include-system-site-packages\s*=\s*)true", r"\1false", text, flags=re.M | re.I)
    )
    return True


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _parse(spec: str) -> tuple[str, set[str]]:
    m = _NAME_RE.match(spec.split(";", 1)[0])
    if not m:
        return "", set()
    extras = {_norm(e) for e in (m.group(2) or "[]")[1:-1].split(",") if e.strip()}
    return _norm(m.group(1)), extras
