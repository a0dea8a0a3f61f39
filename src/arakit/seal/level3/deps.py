"""Dependencies for runs: a virtual environment built outside the sandbox, cached by its hash.

Requirements come from `src/requirements.txt` (or `requirements.txt` at the root), or else
from a fenced code block tagged `requirements` in src/environment.md. The venv sees the
interpreter's own site-packages, so anything already installed satisfies a requirement;
anything else is installed with `pip --no-index`, from a local wheel folder if one is given.
Nothing is downloaded. The venv is mounted read-only inside the sandbox.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from arakit.errors import AraError

_FENCE = re.compile(r"^```+\s*requirements[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


class DependencyError(AraError):
    """The run's dependencies could not be installed without a network."""


def requirements(root: Path) -> list[str]:
    """The artifact's declared requirement lines (comments and blanks dropped), maybe empty."""
    for rel in ("src/requirements.txt", "requirements.txt"):
        p = root / rel
        if p.is_file() and not p.is_symlink():
            return _lines(p.read_text(encoding="utf-8", errors="replace"))
    env = root / "src" / "environment.md"
    if env.is_file() and not env.is_symlink():
        m = _FENCE.search(env.read_text(encoding="utf-8", errors="replace"))
        if m:
            return _lines(m.group(1))
    return []


def _lines(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        line = line.split(" #", 1)[0].strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def cache_dir() -> Path:
    """Where venvs are kept: $XDG_CACHE_HOME/arakit/venvs (default ~/.cache)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "arakit" / "venvs"


def ensure_venv(reqs: list[str], wheelhouse: Path | None = None) -> Path:
    """A venv with `reqs` installed, built once per (interpreter, requirements, wheelhouse).

    Safe against concurrent callers (a file lock); a half-built venv is never used.
    """
    key = json.dumps(
        {
            "python": os.path.realpath(getattr(sys, "_base_executable", sys.executable)),
            "version": sys.version,
            "requirements": sorted(reqs),
            "wheelhouse": str(wheelhouse) if wheelhouse else None,
        },
        sort_keys=True,
    )
    venv = cache_dir() / hashlib.sha256(key.encode()).hexdigest()[:16]
    done = venv / ".ara-complete"
    if done.exists():
        return venv
    venv.parent.mkdir(parents=True, exist_ok=True)
    with open(venv.parent / f"{venv.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if done.exists():
            return venv
        _build(venv, reqs, wheelhouse)
        done.write_text(key + "\n")
    return venv


def _build(venv: Path, reqs: list[str], wheelhouse: Path | None) -> None:
    cmd = [sys.executable, "-m", "venv", "--clear", "--without-pip"]
    if reqs:
        cmd.append("--system-site-packages")
    _call([*cmd, str(venv)], "create the run's virtual environment")
    if reqs:
        pip = [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install"]
        pip += ["--no-index", "--disable-pip-version-check", "--no-input", "-q"]
        if wheelhouse:
            pip += ["--find-links", str(wheelhouse)]
        _call([*pip, *reqs], "install the run's requirements without a network")


def _call(cmd: list[str], what: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL)
    if r.returncode != 0:
        tail = (r.stderr or r.stdout).strip().splitlines()[-5:]
        raise DependencyError(
            f"could not {what}: " + " / ".join(tail),
            hint="nothing is downloaded: install the packages into this Python, or put their "
            "wheels in a folder and pass --wheelhouse DIR",
        )
