"""Dependencies for runs: installed inside the sandbox, offline, from wheels only.

Requirements come from `src/requirements.txt` (or `requirements.txt` at the root), or else
from a fenced code block tagged `requirements` in src/environment.md. Each line must be a
plain requirement (name, extras, version specifiers, markers). A local path, a URL
(`pkg @ https://...`, which pip fetches even with --no-index), a VCS URL or a pip option is
refused with the line and the reason: pip would download it or build it, and a build runs
the artifact's code.

The venv is built once per (interpreter, requirements, wheelhouse, sandbox) in the cache,
by the same sandbox the runs use: `python -m venv`, then pip (this installation's own,
mounted read-only) with `--no-index --only-binary=:all:`, the wheelhouse as the only source,
and no network. Installing a wheel unpacks files; nothing of the artifact runs outside the
sandbox. The venv sees the interpreter's own site-packages, so what is installed there
already satisfies a requirement; those distributions (with their dependencies) are then
copied into the venv, which is cut off from the host's site-packages (runtime.vendor), so a
run needs no host path. Runs mount the venv read-only.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shlex
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from arakit.errors import AraError
from arakit.seal.level3 import sandbox as sb
from arakit.seal.level3.box import close_box, open_box
from arakit.seal.level3.identity import chown_tree, run_identity
from arakit.seal.level3.isolation import Job, Mount, SandboxKind, inside_python, place
from arakit.seal.level3.runtime import vendor

_FENCE = re.compile(r"^```+\s*requirements[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
_NAME = r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?"
_ONE = r"(?:===|==|!=|<=|>=|~=|<|>)\s*[A-Za-z0-9][A-Za-z0-9.*+!_-]*"
_REQUIREMENT = re.compile(
    rf"^{_NAME}\s*(?:\[\s*{_NAME}(?:\s*,\s*{_NAME})*\s*\])?\s*"
    rf"(?:\(?\s*{_ONE}(?:\s*,\s*{_ONE})*\s*\)?)?"
    r"(?:\s*;\s*[A-Za-z0-9_.\s'\"<>=!~()-]+)?$"
)


class DependencyError(AraError):
    """The run's dependencies cannot be installed offline from wheels, or are refused."""


@dataclass(frozen=True)
class Venv:
    """A built venv: where it is on the host and where a run sees it."""

    host: Path
    inside: str

    @property
    def bin(self) -> str:
        return f"{self.inside}/bin"


def requirements(root: Path) -> list[str]:
    """The artifact's requirement lines (comments and blanks dropped), maybe empty.

    DependencyError naming the file and line for anything that is not a plain requirement."""
    for rel in ("src/requirements.txt", "requirements.txt"):
        p = root / rel
        if p.is_file() and not p.is_symlink():
            return _checked(_read(p, rel), rel, 0)
    env = root / "src" / "environment.md"
    if env.is_file() and not env.is_symlink():
        text = _read(env, "src/environment.md")
        m = _FENCE.search(text)
        if m:
            return _checked(m.group(1), "src/environment.md", text[: m.start(1)].count("\n"))
    return []


def _read(p: Path, rel: str) -> str:
    from arakit.codec.guard import read_regular

    return read_regular(p, rel, 1 << 20).decode("utf-8", errors="replace")


def _checked(text: str, rel: str, offset: int) -> list[str]:
    out = []
    for n, line in enumerate(text.splitlines(), start=1 + offset):
        line = line.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        why = refusal(line)
        if why:
            raise DependencyError(
                f"{rel}:{n}: {line!r} is {why}; Level 3 installs only requirements such as "
                "`numpy>=1.26`, from wheels, offline",
                hint="list packages by name and version; put their wheels in a folder and "
                "pass --wheelhouse DIR",
            )
        out.append(line)
    return out


def refusal(line: str) -> str | None:
    """Why a requirement line is refused, or None for a plain requirement."""
    low = line.lower()
    if line.startswith("-"):
        return "a pip option"
    if "://" in line or "@" in line or low.startswith(("git+", "hg+", "svn+", "bzr+")):
        return "a URL or VCS reference (it would be downloaded or built)"
    if "/" in line or "\\" in line or line.startswith(".") or low.endswith((".whl", ".zip")):
        return "a local path (it would be built on this machine)"
    if not _REQUIREMENT.match(line):
        return "not a requirement (name, extras, versions, markers)"
    return None


def cache_dir() -> Path:
    """Where venvs are kept: $XDG_CACHE_HOME/arakit/venvs (default ~/.cache)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "arakit" / "venvs"


def ensure_venv(
    reqs: list[str],
    wheelhouse: Path | None = None,
    kind: SandboxKind = "bwrap",
    limits: sb.Limits | None = None,
) -> Venv:
    """A venv with `reqs` installed, built once (in the sandbox) and cached.

    Safe against concurrent callers (a file lock); a half-built venv is never used."""
    key = json.dumps(
        {
            "python": os.path.realpath(getattr(sys, "_base_executable", sys.executable)),
            "version": sys.version,
            "requirements": sorted(reqs),
            "wheelhouse": str(wheelhouse) if wheelhouse else None,
            "sandbox": kind,
            "layout": 2,  # 2: what came from the interpreter's site-packages is vendored
        },
        sort_keys=True,
    )
    host = cache_dir() / hashlib.sha256(key.encode()).hexdigest()[:16]
    venv = Venv(host, place(kind, "venv", host))
    done = host / ".ara-complete"
    if done.exists():
        return venv
    host.parent.mkdir(parents=True, exist_ok=True)
    with open(host.parent / f"{host.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if done.exists():
            return venv
        shutil.rmtree(host, ignore_errors=True)
        host.mkdir()
        try:
            _build(venv, reqs, wheelhouse, kind, limits or sb.Limits())
        except BaseException:
            shutil.rmtree(host, ignore_errors=True)
            raise
        done.write_text(key + "\n")
    return venv


def _build(
    venv: Venv, reqs: list[str], wheelhouse: Path | None, kind: SandboxKind, limits: sb.Limits
) -> None:
    cmd = [inside_python(kind), "-m", "venv", "--without-pip"]
    cmd += ["--system-site-packages"] if reqs else []
    steps = [shlex.join([*cmd, venv.inside])]
    mounts = [Mount(venv.host, venv.inside, writable=True)]
    if reqs:
        pip_dir = _pip_folder()
        pip_at = place(kind, "pip", pip_dir)
        mounts.append(Mount(pip_dir, pip_at))
        pip = [f"{venv.inside}/bin/python", "-m", "pip", "install", "--no-index"]
        pip += ["--only-binary=:all:", "--no-build-isolation", "--no-cache-dir"]
        pip += ["--disable-pip-version-check", "--no-input", "-q"]
        if wheelhouse:
            wheels_at = place(kind, "wheels", wheelhouse.resolve())
            mounts.append(Mount(wheelhouse.resolve(), wheels_at))
            pip += ["--find-links", wheels_at]
        steps.append(f"PYTHONPATH={shlex.quote(pip_at)} " + shlex.join([*pip, "--", *reqs]))
    with run_identity() as uid:
        if os.geteuid() == 0:
            chown_tree(venv.host, uid)
        box = open_box(venv.host.parent / f".{venv.host.name}.box", limits.disk_bytes, uid)
        logs = venv.host.parent / f".{venv.host.name}.logs"
        try:
            job = Job(command=" && ".join(steps), box=box, logs=logs, mounts=mounts)
            outcome = sb.run(job, limits, kind, uid)
            tail = _tail(outcome.stderr) or _tail(outcome.stdout)
        finally:
            close_box(box, None)
            shutil.rmtree(logs, ignore_errors=True)
            if os.geteuid() == 0:
                chown_tree(venv.host, 0)
    if outcome.ok and reqs:
        vendor(venv.host, reqs)  # self-contained: a run needs no host site-packages
    if not outcome.ok:
        raise DependencyError(
            "could not install the run's requirements from wheels without a network: "
            + (" / ".join(tail.splitlines()[-4:]) or f"exit {outcome.exit_code}"),
            hint="nothing is downloaded or built: install the packages into this Python, or "
            "put their wheels in a folder and pass --wheelhouse DIR",
        )


def _pip_folder() -> Path:
    try:
        import pip
    except ImportError:
        raise DependencyError(
            "pip is not installed in this Python; it is needed to install the run's "
            "requirements from wheels",
            hint="install pip, or remove the requirements the interpreter already satisfies",
        ) from None
    return Path(pip.__file__).resolve().parent.parent


def _tail(path: Path, max_bytes: int = 4096) -> str:
    try:
        with open(path, "rb") as fh:
            fh.seek(0, 2)
            fh.seek(max(0, fh.tell() - max_bytes))
            return fh.read().decode("utf-8", "replace").strip()
    except OSError:
        return ""
