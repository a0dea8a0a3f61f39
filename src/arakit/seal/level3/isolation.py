"""What a run sees: the command lines that start it in bubblewrap or as a limited process.

bwrap (strong isolation):

    /usr, /bin, /lib*, /sbin          read-only (host system)
    /etc                              only ld.so.cache, localtime, nsswitch.conf, and a
                                      two-line passwd/group naming the sandbox user
    /ara/python                       the interpreter, read-only (unless it lives in /usr)
    /ara/venv                         the run's dependencies, read-only
    /ara/work, /ara/out               the working copy and {outdir}, writable
    /tmp, /home/sandbox, /dev/shm     writable, in the run's box (one disk bound for all)
    everything else                   absent; no network (own empty net namespace), own PID,
                                      IPC and UTS namespaces (host name `sandbox`), no
                                      capabilities, an environment built from an allow-list

No host path appears in the tree, the environment or the working directory. Even
/proc/self/mountinfo, which names every bind by its path inside its source file system,
shows none as root: the box is a tmpfs of its own, and the interpreter and venv are bound
from the runtime (runtime.py), a read-only tmpfs holding copies of them. What it still
shows is system paths (/usr, /etc/ld.so.*, /etc/nsswitch.conf, /dev/null...). Without root
nothing can be mounted, and a bind cannot hide its source: mountinfo names the box's host
folder and the runtime's (both under the reproduction's work dir, by default in $TMPDIR;
never the caller's home, where the interpreter and the venv cache may live), and the report
says so. /dev is read-only (without root the run would own its tmpfs, outside the disk
bound). As root the command drops to the run's own user ID with setpriv (no capabilities,
no_new_privs); the kernel never applies RLIMIT_NPROC to root.

process (weak isolation): the same command as the run's own unprivileged user (as root),
no_new_privs, the same allow-listed environment, cwd, HOME and TMPDIR in the box; but the
host's file system and network stay visible, so evidence/ can be read by absolute path.
A verdict reached this way never counts as a passing seal. As root the command starts in a
mount namespace of its own where the interpreter, the venv and the box are bound under
/run/arakit/ns (an unprivileged user cannot reach an interpreter under /root, and the
venv's paths must not depend on where the box is); nothing else about the host changes.
Without root it keeps the caller's user ID, and starts in a PID namespace of its own where
user namespaces allow it, so nothing it starts (setsid or not) outlives it.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from arakit.seal.level3.box import Box

SandboxKind = Literal["bwrap", "process"]
WORK, OUT, HOME, PY, VENV = "/ara/work", "/ara/out", "/home/sandbox", "/ara/python", "/ara/venv"
NS = "/run/arakit/ns"  # where a process run, as root, sees the interpreter, venv and box
HOSTNAME = "sandbox"
SYSTEM_PATH = ["/usr/local/bin", "/usr/bin", "/bin"]


@dataclass(frozen=True)
class Mount:
    """A host folder bound into the sandbox at `inside`."""

    host: Path
    inside: str
    writable: bool = False


@dataclass
class Job:
    """One sandboxed execution: a shell command and the box it may write."""

    command: str  # run by /bin/sh -c; {outdir} already substituted
    box: Box
    logs: Path  # a host folder for stdout.log and stderr.log (capped), outside the box
    mounts: list[Mount] = field(default_factory=list)
    path: list[str] = field(default_factory=list)  # first on PATH, as the run sees them
    env: dict[str, str] = field(default_factory=dict)  # ARA_* variables of the run


def _own_namespace(kind: SandboxKind) -> bool:
    """True when a `process` run starts in a mount namespace of its own (as root)."""
    return kind == "process" and os.geteuid() == 0


def interpreter(kind: SandboxKind = "bwrap") -> tuple[Path, str]:
    """(host prefix of this Python's installation, where a run sees it)."""
    exe = Path(os.path.realpath(getattr(sys, "_base_executable", sys.executable)))
    prefix = Path(os.path.realpath(sys.base_prefix))
    if not exe.is_relative_to(prefix):
        prefix = exe.parent.parent
    if prefix.is_relative_to("/usr"):
        return prefix, str(prefix)
    if kind == "bwrap":
        return prefix, PY
    return prefix, f"{NS}/python" if _own_namespace(kind) else str(prefix)


def inside_python(kind: SandboxKind = "bwrap") -> str:
    """The interpreter's path as a run sees it."""
    exe = Path(os.path.realpath(getattr(sys, "_base_executable", sys.executable)))
    prefix, inside = interpreter(kind)
    return str(Path(inside) / exe.relative_to(prefix)) if exe.is_relative_to(prefix) else str(exe)


def place(kind: SandboxKind, name: str, host: Path) -> str:
    """Where a run sees a host folder bound in under `name` (venv, pip, wheels): /ara/NAME in
    bwrap, NS/NAME in a process run's own namespace, the host path itself otherwise."""
    if kind == "bwrap":
        return f"/ara/{name}"
    return f"{NS}/{name}" if _own_namespace(kind) else str(host)


def box_inside(kind: SandboxKind, box: Box) -> str:
    """Where a `process` run sees its box."""
    return f"{NS}/box" if _own_namespace(kind) else str(box.root)


def outdir_for(kind: SandboxKind, box: Box) -> str:
    """What `{outdir}` means inside the sandbox."""
    return OUT if kind == "bwrap" else f"{box_inside(kind, box)}/out"


def _library_env(kind: SandboxKind) -> dict[str, str]:
    prefix, inside = interpreter(kind)
    if inside != str(prefix) and (prefix / "lib").is_dir():
        return {"LD_LIBRARY_PATH": f"{inside}/lib"}  # a relocated interpreter's libpython
    return {}


def allowed_env(home: str, tmp: str, path: list[str], extra: dict[str, str]) -> dict[str, str]:
    """The whole environment of a run: built from nothing, never filtered from the caller's
    (a deny-list misses MYSQL_PWD, DB_PASS, SENTRY_DSN, proxy URLs with passwords...)."""
    env = {
        "PATH": ":".join([*path, *SYSTEM_PATH]),
        "HOME": home,
        "TMPDIR": tmp,
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONNOUSERSITE": "1",
    }
    env.update({k: v for k, v in extra.items() if k.startswith("ARA_")})
    return env


def drop_privileges(uid: int) -> list[str]:
    """setpriv to the run's user: no groups, no capabilities, no_new_privs (as root); only
    no_new_privs otherwise (setuid binaries then grant nothing)."""
    if os.geteuid() != 0:
        return ["/usr/bin/setpriv", "--no-new-privs", "--"]
    return [
        "/usr/bin/setpriv",
        f"--reuid={uid}",
        f"--regid={uid}",
        "--clear-groups",
        "--inh-caps=-all",
        "--bounding-set=-all",
        "--no-new-privs",
        "--",
    ]


# As root: a private mount namespace, a tmpfs at NS, each "host inside ro|rw" bound, then
# cd to the working copy and exec the rest (setpriv, the command).
_NS_SCRIPT = """
ns=$1; shift
mount -t tmpfs -o mode=0755,size=1m tmpfs "$ns" || exit 125
while [ "$1" != "--" ]; do
  mkdir -p "$2" && mount --bind "$1" "$2" || exit 125
  if [ "$3" = ro ]; then mount -o remount,bind,ro "$2" || exit 125; fi
  shift 3
done
shift
cd "$1" || exit 125
unset OLDPWD
shift
exec "$@"
"""


# Without root a process run keeps the caller's user ID, so "every process of the run" cannot
# be found by user; in a PID namespace of its own (a user namespace maps the caller to
# itself) the kernel kills every process in it, setsid or not, when its first process dies.
PID_NS = ["--map-current-user", "--pid", "--fork", "--kill-child"]


@functools.cache
def pid_namespace_works() -> bool:
    """True when this machine lets this user start a process in a PID namespace of its own."""
    try:
        done = subprocess.run(["unshare", *PID_NS, "--", "true"], capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def process_argv(job: Job, uid: int) -> tuple[list[str], dict[str, str], str]:
    """(argv, environment, cwd) of a `process` run."""
    box = job.box
    at = box_inside("process", box)
    env = allowed_env(f"{at}/home", f"{at}/tmp", job.path, job.env)
    env.update(_library_env("process"))
    command = [*drop_privileges(uid), "/bin/sh", "-c", job.command]
    if not _own_namespace("process"):
        if pid_namespace_works():  # no user ID of its own: its PID namespace holds it
            command = ["unshare", *PID_NS, "--", *command]
        return command, env, str(box.part("work"))
    Path(NS).mkdir(parents=True, exist_ok=True)
    prefix, inside = interpreter("process")
    binds: list[str] = []
    if inside != str(prefix):
        binds += [str(prefix), inside, "ro"]
    for m in job.mounts:
        binds += [str(m.host), m.inside, "rw" if m.writable else "ro"]
    binds += [str(box.root), at, "rw"]
    unshare = ["unshare", "--mount", "--propagation", "private", "--"]
    argv = [*unshare, "/bin/sh", "-c", _NS_SCRIPT, "sh", NS, *binds, "--", f"{at}/work"]
    return [*argv, *command], env, str(box.root)


def bwrap_argv(bwrap: str, job: Job, uid: int, info_fd: int | None) -> list[str]:
    """The bwrap command line of a run (see the module docstring for what it sees)."""
    root = os.geteuid() == 0
    box = job.box
    if root:  # real root, no user namespace: setpriv needs these three to drop to `uid`
        a = [bwrap, "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts"]
        a += ["--unshare-cgroup-try"]
        a += [x for c in ("CAP_SETUID", "CAP_SETGID", "CAP_SETPCAP") for x in ("--cap-add", c)]
    else:
        a = [bwrap, "--unshare-all"]
    a += ["--hostname", HOSTNAME, "--die-with-parent", "--new-session"]
    if info_fd is not None:
        a += ["--info-fd", str(info_fd)]
    a += ["--ro-bind", "/usr", "/usr"]
    for d in ("/etc", "/ara", "/home"):  # parents bwrap would otherwise make with the umask
        a += ["--perms", "0755", "--dir", d]
    for top in ("bin", "sbin", "lib", "lib64", "lib32", "libx32"):
        p = Path("/") / top
        if p.is_symlink():
            a += ["--symlink", os.readlink(p), str(p)]
        elif p.is_dir():
            a += ["--ro-bind", str(p), str(p)]
    for name in ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "nsswitch.conf"):
        etc = Path("/etc") / name
        if etc.is_symlink() and Path(os.path.realpath(etc)).is_relative_to("/usr"):
            a += ["--symlink", os.path.realpath(etc), str(etc)]  # /usr is there already
        elif etc.exists():
            a += ["--ro-bind", str(etc), str(etc)]
    passwd, group = _identity_files(box, uid if root else os.getuid())
    a += ["--ro-bind", str(passwd), "/etc/passwd", "--ro-bind", str(group), "/etc/group"]
    a += ["--proc", "/proc", "--dev", "/dev"]
    a += ["--bind", str(box.part("tmp")), "/tmp", "--bind", str(box.part("home")), HOME]
    a += ["--bind", str(box.part("shm")), "/dev/shm"]
    a += ["--remount-ro", "/dev"]  # without root the run owns /dev: an unbounded tmpfs
    a += ["--bind", str(box.part("work")), WORK, "--bind", str(box.part("out")), OUT]
    prefix, inside = interpreter("bwrap")
    mounts = list(job.mounts)
    if inside != str(prefix) and not any(m.inside == inside for m in job.mounts):
        mounts.insert(0, Mount(prefix, inside))  # no runtime copy given: the host folder
    for m in mounts:
        a += ["--bind" if m.writable else "--ro-bind", str(m.host), m.inside]
    a += ["--remount-ro", "/", "--chdir", WORK, "--clearenv"]
    env = {**allowed_env(HOME, "/tmp", job.path, job.env), **_library_env("bwrap")}
    for k, v in env.items():
        a += ["--setenv", k, v]
    return [*a, "--", *drop_privileges(uid), "/bin/sh", "-c", job.command]


def _identity_files(box: Box, uid: int) -> tuple[Path, Path]:
    """A two-line /etc/passwd and /etc/group naming the sandbox user (no host accounts)."""
    gid = uid if os.geteuid() == 0 else os.getgid()
    passwd, group = box.root / "passwd", box.root / "group"
    passwd.write_text(f"root:x:0:0::/root:/bin/sh\nsandbox:x:{uid}:{gid}::{HOME}:/bin/sh\n")
    group.write_text(f"root:x:0:\nsandbox:x:{gid}:\n")
    return passwd, group
