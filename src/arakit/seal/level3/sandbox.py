"""Run one command in isolation: bubblewrap by default, a limited plain process as fallback.

bwrap sandbox (what the code inside sees):

    /usr, /bin, /lib*, /sbin          read-only (host system)
    /etc                              only ld.so.cache, localtime, passwd, group, nsswitch.conf
    <python prefix>, <venv>           read-only, at their host paths (so shebangs still work)
    /tmp, $HOME=/home/sandbox         fresh tmpfs each run
    /ara/work                         the working copy (no evidence/, no trace/): writable
    /ara/out                          where declared outputs go ({outdir}): writable
    everything else                   absent; no network (own empty net namespace), own PID,
                                      IPC and UTS namespaces, no capabilities, env cleared

When arakit runs as root the command is started as uid/gid 65534 inside the sandbox (via
setpriv), because the kernel never applies RLIMIT_NPROC to root: a fork bomb run as root would
not be contained. Limits (address space, CPU seconds, file size, process count) are set with
prlimit on the outermost process and inherited; the wall-clock timeout kills the whole process
group, and bwrap's --die-with-parent plus the PID namespace take every descendant with it.

`process` runs the same command with the same limits and scrubbed environment but no
filesystem or network isolation: the report marks it as weaker.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from arakit.errors import AraError

SandboxKind = Literal["bwrap", "process"]
WORK, OUT, HOME = "/ara/work", "/ara/out", "/home/sandbox"
NOBODY = 65534

# Names of environment variables that may carry credentials; never passed to a run.
_SECRET = re.compile(
    r"(KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|CREDENTIAL|AUTH|COOKIE|SESSION)"
    r"|^(AWS|AZURE|GOOGLE|GCP|GCLOUD|GH|GITHUB|GITLAB|GIT|SSH|GPG|DOCKER|KUBE|NPM|PYPI|TWINE"
    r"|HF|HUGGING|OPENAI|ANTHROPIC|LLM|CI_JOB|VAULT|NETRC|PIP_INDEX|PIP_EXTRA)_"
    r"|^(KUBECONFIG|NETRC|SSH_AUTH_SOCK|GIT_ASKPASS|SUDO_.*|BOTO_CONFIG|DATABASE_URL)$",
    re.IGNORECASE,
)


class SandboxUnavailableError(AraError):
    """The requested sandbox cannot run on this machine (e.g. bwrap is not installed)."""

    exit_code = 2


@dataclass(frozen=True)
class Limits:
    """Resource limits for one run. `timeout_s` is wall-clock; the others are rlimits."""

    timeout_s: float = 600.0
    memory_bytes: int = 8 * 2**30
    cpu_seconds: int | None = None  # default: twice the timeout, at least 10 s
    file_bytes: int = 2 * 2**30
    processes: int = 256

    def cpu(self) -> int:
        """CPU seconds allowed per process."""
        return self.cpu_seconds or max(10, int(2 * self.timeout_s) + 1)


@dataclass
class Job:
    """One sandboxed execution: a shell command, its working copy and output folder."""

    command: str  # run by /bin/sh -c inside the sandbox; {outdir} already substituted
    workdir: Path
    outdir: Path
    log_dir: Path
    read_only: list[Path] = field(default_factory=list)  # interpreter prefixes, venv
    bin_dirs: list[Path] = field(default_factory=list)  # put first on PATH
    env: dict[str, str] = field(default_factory=dict)


@dataclass
class Outcome:
    """What happened: exit code or signal, whether the timeout fired, and where the logs are."""

    exit_code: int | None
    signal: str | None
    timed_out: bool
    duration_s: float
    stdout: Path
    stderr: Path

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and not self.timed_out


def scrub_env(env: Mapping[str, str]) -> dict[str, str]:
    """A copy of `env` without anything that looks like a credential (keys, tokens, cloud/git)."""
    return {k: v for k, v in env.items() if not _SECRET.search(k)}


def bwrap_path() -> str | None:
    """The bubblewrap executable, or None when it is not installed."""
    return shutil.which("bwrap") or (
        "/usr/bin/bwrap" if os.access("/usr/bin/bwrap", os.X_OK) else None
    )


def outdir_for(kind: SandboxKind, job: Job) -> str:
    """What `{outdir}` means inside the sandbox."""
    return OUT if kind == "bwrap" else str(job.outdir)


def run(job: Job, limits: Limits, kind: SandboxKind = "bwrap") -> Outcome:
    """Execute `job` under `limits`; never raises for a failing command, only for a missing tool."""
    job.log_dir.mkdir(parents=True, exist_ok=True)
    info_r, info_w = os.pipe()  # bwrap reports the host PID of the sandbox's init here
    try:
        if kind == "bwrap":
            argv, env, cwd = _bwrap_argv(job, info_w), {"PATH": "/usr/bin:/bin"}, None
        elif kind == "process":
            argv, env, cwd = ["/bin/sh", "-c", job.command], _process_env(job), str(job.workdir)
        else:
            raise AraError(f"unknown sandbox {kind!r}; expected bwrap or process")
        argv = _with_limits(argv, limits)
        out_path, err_path = job.log_dir / "stdout.log", job.log_dir / "stderr.log"
        start = time.monotonic()
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            proc = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                cwd=cwd,
                env=env,
                start_new_session=True,
                close_fds=True,
                pass_fds=(info_w,) if kind == "bwrap" else (),
            )
            os.close(info_w)
            info_w = -1
            timed_out = _wait(proc, limits.timeout_s)
            rc = proc.returncode
        _await_sandbox_exit(_read_info(info_r))
    finally:
        os.close(info_r)
        if info_w >= 0:
            os.close(info_w)
    duration = time.monotonic() - start
    sig = None
    if rc < 0:
        sig = signal.Signals(-rc).name
    elif kind == "bwrap" and rc > 128 and rc - 128 in signal.valid_signals():
        sig = signal.Signals(rc - 128).name  # bwrap reports a killed child as 128 + signal
    return Outcome(
        exit_code=None if rc < 0 else rc,
        signal=sig,
        timed_out=timed_out,
        duration_s=duration,
        stdout=out_path,
        stderr=err_path,
    )


def _wait(proc: subprocess.Popen[bytes], timeout_s: float) -> bool:
    """Wait for the run; on timeout kill its whole process group. True when it timed out."""
    timed_out = False
    try:
        proc.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        timed_out = True
        _kill_group(proc.pid)
        proc.wait()
    finally:
        _kill_group(proc.pid)  # stragglers left in the group after a normal exit
    return timed_out


def _read_info(fd: int) -> int | None:
    import json

    os.set_blocking(fd, False)
    try:
        data = os.read(fd, 65536)
        obj, _ = json.JSONDecoder().raw_decode(data.decode().strip())
        return int(obj["child-pid"])
    except (OSError, ValueError, KeyError, IndexError):
        return None


def _await_sandbox_exit(init_pid: int | None, limit_s: float = 10.0) -> None:
    """Return once the sandbox's PID namespace is gone: its init exits only after every
    process in it has been killed, so no process of the run outlives the call."""
    if init_pid is None:
        return
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{init_pid}/stat", "rb") as fh:
                state = fh.read().rsplit(b")", 1)[1].split()[0]
        except OSError:
            return
        if state in (b"Z", b"X"):
            return
        time.sleep(0.01)  # never signal it ourselves: the PID may already be reused


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _with_limits(argv: list[str], limits: Limits) -> list[str]:
    prlimit = shutil.which("prlimit")
    if prlimit is None:
        raise SandboxUnavailableError(
            "prlimit (util-linux) is not installed; it sets the resource limits of a run",
            hint="install util-linux",
        )
    return [
        prlimit,
        f"--as={limits.memory_bytes}",
        f"--cpu={limits.cpu()}",
        f"--fsize={limits.file_bytes}",
        f"--nproc={limits.processes}",
        "--core=0",
        "--",
        *argv,
    ]


def _inside_env(job: Job, path_dirs: list[str]) -> dict[str, str]:
    env = {
        "PATH": ":".join([*path_dirs, "/usr/local/bin", "/usr/bin", "/bin"]),
        "HOME": HOME,
        "TMPDIR": "/tmp",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONNOUSERSITE": "1",
    }
    env.update(job.env)
    return scrub_env(env)


def _process_env(job: Job) -> dict[str, str]:
    home = job.log_dir / "home"
    tmp = job.log_dir / "tmp"
    home.mkdir(exist_ok=True)
    tmp.mkdir(exist_ok=True)
    env = scrub_env(os.environ)
    for k in [k for k in env if k.startswith(("PYTHON", "VIRTUAL_ENV", "CONDA", "XDG_"))]:
        del env[k]
    env.update(_inside_env(job, [str(d) for d in job.bin_dirs]))
    env.update({"HOME": str(home), "TMPDIR": str(tmp)})
    env["PATH"] = ":".join([*map(str, job.bin_dirs), os.environ.get("PATH", "/usr/bin:/bin")])
    return env


def require_bwrap() -> str:
    """The bwrap executable; SandboxUnavailableError with what to install when it is missing."""
    bwrap = bwrap_path()
    if bwrap is None:
        raise SandboxUnavailableError(
            "bubblewrap (bwrap) is not installed, so runs cannot be isolated",
            hint="install the `bubblewrap` package, or pass --sandbox process (weaker isolation)",
        )
    return bwrap


def _bwrap_argv(job: Job, info_fd: int | None = None) -> list[str]:
    bwrap = require_bwrap()
    root = os.geteuid() == 0
    if root:
        # Real root without a user namespace: uid 0 would be exempt from RLIMIT_NPROC, so the
        # command drops to nobody through setpriv, which needs these three capabilities.
        ns = ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts"]
        ns += ["--unshare-cgroup-try"]
        ns += [a for c in ("CAP_SETUID", "CAP_SETGID", "CAP_SETPCAP") for a in ("--cap-add", c)]
        _chown_tree(job.workdir, NOBODY)
        _chown_tree(job.outdir, NOBODY)
    else:
        ns = ["--unshare-all"]
    a = [bwrap, *ns, "--die-with-parent", "--new-session", "--ro-bind", "/usr", "/usr"]
    if info_fd is not None:
        a += ["--info-fd", str(info_fd)]
    for d in ("/etc", "/ara", "/home"):  # parents bwrap would otherwise make with the umask
        a += ["--perms", "0755", "--dir", d]
    for top in ("bin", "sbin", "lib", "lib64", "lib32", "libx32"):
        p = Path("/") / top
        if p.is_symlink():
            a += ["--symlink", os.readlink(p), str(p)]
        elif p.is_dir():
            a += ["--ro-bind", str(p), str(p)]
    for name in ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "nsswitch.conf"):
        if (Path("/etc") / name).exists():
            a += ["--ro-bind", f"/etc/{name}", f"/etc/{name}"]
    passwd, group = _identity_files(job.log_dir, NOBODY if root else os.getuid())
    a += ["--ro-bind", str(passwd), "/etc/passwd", "--ro-bind", str(group), "/etc/group"]
    a += ["--proc", "/proc", "--dev", "/dev"]
    a += ["--perms", "1777", "--tmpfs", "/tmp", "--perms", "1777", "--tmpfs", HOME]
    made = {Path(d) for d in ("/", "/tmp", "/etc", "/ara", "/home", HOME)}
    for p in _outermost(job.read_only):
        # bwrap would create missing parents with the host's modes (/root is 0700): make them
        # traversable first, so that the unprivileged command can reach the mount
        for parent in reversed(p.parents):
            if parent not in made:
                a += ["--perms", "0755", "--dir", str(parent)]
                made.add(parent)
        a += ["--ro-bind", str(p), str(p)]
    a += ["--bind", str(job.workdir), WORK, "--bind", str(job.outdir), OUT]
    a += ["--remount-ro", "/", "--chdir", WORK, "--clearenv"]
    for k, v in _inside_env(job, [str(d) for d in job.bin_dirs]).items():
        a += ["--setenv", k, v]
    a += ["--"]
    if root:
        a += [
            "/usr/bin/setpriv",
            f"--reuid={NOBODY}",
            f"--regid={NOBODY}",
            "--clear-groups",
            "--inh-caps=-all",
            "--bounding-set=-all",
            "--no-new-privs",
            "--",
        ]
    return [*a, "/bin/sh", "-c", job.command]


def _identity_files(folder: Path, uid: int) -> tuple[Path, Path]:
    """A two-line /etc/passwd and /etc/group naming the sandbox user (no host accounts)."""
    gid = NOBODY if uid == NOBODY else os.getgid()
    passwd, group = folder / "passwd", folder / "group"
    passwd.write_text(f"root:x:0:0::/root:/bin/sh\nsandbox:x:{uid}:{gid}::{HOME}:/bin/sh\n")
    group.write_text(f"root:x:0:\nsandbox:x:{gid}:\n")
    return passwd, group


def _outermost(paths: list[Path]) -> list[Path]:
    """Drop paths that /usr or another listed path already covers; keep order stable."""
    out: list[Path] = []
    for p in sorted({Path(os.path.realpath(x)) for x in paths}, key=lambda x: len(x.parts)):
        if p.is_relative_to("/usr") or any(p.is_relative_to(q) for q in out):
            continue
        out.append(p)
    return out


def _chown_tree(top: Path, uid: int) -> None:
    os.lchown(top, uid, uid)
    for dirpath, dirnames, filenames in os.walk(top):
        for n in dirnames + filenames:
            os.lchown(os.path.join(dirpath, n), uid, uid)


def python_prefixes() -> list[Path]:
    """The interpreter installation(s) a run's venv points at; mounted read-only."""
    paths = {
        Path(sys.base_prefix),
        Path(os.path.realpath(getattr(sys, "_base_executable", sys.executable))).parent.parent,
    }
    return sorted(paths)
