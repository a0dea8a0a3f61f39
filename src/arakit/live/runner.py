"""`ara run -- CMD`: run a command exactly as the user would, and record what happened.

The command gets the user's stdin; its stdout and stderr reach the user's stdout and stderr
byte for byte (copied from pipes with raw `os.read`/`os.write`), or, when the user sits at a
terminal, it runs on a pseudo-terminal so progress bars and colours still draw. The exit code
is the command's (128 + N when killed by signal N). A copy of the output goes, gzip-compressed
and cut at a stated cap, to `trace/logs/`; the recorded event carries argv, cwd, times, exit
code, git state, the output tail, the metrics found and the error signature.
"""

from __future__ import annotations

import gzip
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from arakit.live.metrics import OutputScanner, error_signature

LOGS = "trace/logs"
DEFAULT_LOG_CAP = 16 * 1024 * 1024
TAIL_BYTES = 2048


def log_cap() -> int:
    """The log size cap in bytes (uncompressed): $ARA_RUN_LOG_CAP, default 16 MiB."""
    try:
        return int(os.environ.get("ARA_RUN_LOG_CAP", DEFAULT_LOG_CAP))
    except ValueError:
        return DEFAULT_LOG_CAP


class OutputSink:
    """Where a copy of the output goes: a capped gzip log, a tail, the metric scanner.

    It never raises: the copy is ours, the output is the user's. A log that cannot be
    written (disk full, file system gone read-only) is closed and the reason kept in
    `log_error`; the tail and the metrics are still taken from memory.
    """

    def __init__(self, log: BinaryIO | None, cap: int) -> None:
        self.log, self.cap = log, cap
        self.logged = 0
        self.total = 0
        self.truncated = False
        self.tail = bytearray()
        self.scanner = OutputScanner()
        self.log_error: str | None = None
        self._lock = threading.Lock()

    def write(self, data: bytes, stream: int = 1) -> None:
        """Take one chunk of output (thread-safe: stdout and stderr readers share the sink)."""
        with self._lock:
            self.total += len(data)
            if self.log is not None and self.logged < self.cap:
                part = data[: self.cap - self.logged]
                try:
                    self.log.write(part)
                    self.logged += len(part)
                except (OSError, ValueError) as e:
                    self._drop_log(e)
            if self.total > self.logged:
                self.truncated = True
            self.tail += data
            del self.tail[:-TAIL_BYTES]
            try:
                self.scanner.feed(data, stream)
            except Exception:  # a scanner bug must not stop the output
                pass

    def close(self) -> None:
        """Finish the log (the gzip trailer is a write too, and may fail the same way)."""
        with self._lock:
            if self.log is not None:
                try:
                    self.log.close()
                except (OSError, ValueError) as e:
                    self._drop_log(e)
                self.log = None

    def _drop_log(self, e: BaseException) -> None:
        self.log_error = self.log_error or _reason(e)
        log, self.log = self.log, None
        try:
            if log is not None:
                log.close()
        except (OSError, ValueError):
            fileobj = getattr(log, "fileobj", None)
            try:
                if fileobj is not None:
                    fileobj.close()
            except OSError:
                pass


def _reason(e: BaseException) -> str:
    """`No space left on device` for an OSError, else the exception's text."""
    if isinstance(e, OSError) and e.strerror:
        return e.strerror + (f": {e.filename}" if e.filename else "")
    return str(e) or type(e).__name__


@dataclass
class RunResult:
    """What `run_command` observed."""

    exit_code: int
    signum: int | None
    payload: dict[str, Any] = field(default_factory=dict)


def _write_all(fd: int, data: bytes) -> None:
    """Write everything to fd; never raises. A reader gone (`| head`) or a full disk under a
    redirected stdout drops the bytes, as they would be lost without `ara run` too, and the
    child keeps being drained."""
    view = memoryview(data)
    while view:
        try:
            n = os.write(fd, view)
        except InterruptedError:
            continue
        except BlockingIOError:  # a terminal or pipe left non-blocking by someone else
            import select

            select.select([], [fd], [], 1.0)
            continue
        except OSError:
            return
        view = view[n:]


def _pump(src: int, dst: int, sink: OutputSink) -> None:
    while True:
        try:
            data = os.read(src, 65536)
        except InterruptedError:
            continue
        except OSError:
            break
        if not data:
            break
        _write_all(dst, data)
        sink.write(data, dst)


def _ignore_interrupts() -> None:
    # Once the child runs, Ctrl-C is for the child (same process group); we stay to record.
    # Set only after the spawn: an ignored signal would be inherited across exec.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_piped(argv: list[str], sink: OutputSink) -> int:
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    _ignore_interrupts()
    pumps = [
        threading.Thread(target=_pump, args=(proc.stdout.fileno(), 1, sink), daemon=True),
        threading.Thread(target=_pump, args=(proc.stderr.fileno(), 2, sink), daemon=True),
    ]
    for t in pumps:
        t.start()
    for t in pumps:
        t.join()
    return proc.wait()


def _run_pty(argv: list[str], sink: OutputSink) -> int:
    import fcntl
    import pty
    import select
    import termios
    import tty

    pid, master = pty.fork()
    if pid == 0:  # child: exec, or report like a shell would
        try:
            os.execvp(argv[0], argv)
        except OSError as e:
            os.write(2, f"ara run: {argv[0]}: {e.strerror}\n".encode())
            os._exit(127 if isinstance(e, FileNotFoundError) else 126)

    _ignore_interrupts()

    def resize(*_: Any) -> None:
        try:
            size = fcntl.ioctl(1, termios.TIOCGWINSZ, b"\0" * 8)
            fcntl.ioctl(master, termios.TIOCSWINSZ, size)
        except OSError:
            pass

    resize()
    old_winch = signal.signal(signal.SIGWINCH, resize)
    saved = termios.tcgetattr(0)
    tty.setraw(0)
    try:
        fds = [master, 0]
        while master in fds:
            try:
                ready, _, _ = select.select(fds, [], [])
            except InterruptedError:
                continue
            if master in ready:
                try:
                    data = os.read(master, 65536)
                except OSError:
                    data = b""
                if not data:
                    fds.remove(master)
                else:
                    _write_all(1, data)
                    sink.write(data)
            if 0 in ready:
                try:
                    data = os.read(0, 4096)
                except OSError:
                    data = b""
                if data:
                    _write_all(master, data)
                else:
                    fds.remove(0)
    finally:
        termios.tcsetattr(0, termios.TCSAFLUSH, saved)
        signal.signal(signal.SIGWINCH, old_winch)
        os.close(master)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _open_log(root: Path, rel: str) -> tuple[BinaryIO | None, str | None]:
    """The gzip log at root/rel, or None and why (read-only artifact, `trace` a file, disk
    full): the command runs either way."""
    try:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        return gzip.open(root / rel, "wb", compresslevel=3), None  # type: ignore[return-value]
    except OSError as e:
        return None, _reason(e)


def _start(argv: list[str], sink: OutputSink, use_pty: bool) -> int:
    """Run the command; the exit code a shell would give when it cannot be started."""
    try:
        return _run_pty(argv, sink) if use_pty else _run_piped(argv, sink)
    except OSError as e:
        missing = isinstance(e, FileNotFoundError)
        what = "command not found" if missing else (e.strerror or str(e)).lower()
        msg = f"ara run: {argv[0]}: {what}\n".encode()
        _write_all(2, msg)
        sink.write(msg, 2)
        return 127 if missing else 126


def run_command(
    argv: list[str],
    root: Path | None,
    *,
    use_pty: bool | None = None,
    cap: int | None = None,
) -> RunResult:
    """Run argv with the user's streams passed through; returns the exit code and the event
    payload to record (argv, cwd, start, end, duration, exit code, git, tail, metrics, log).

    Nothing about the artifact can stop the command or change its exit code: without an
    artifact (`root` None) nothing is logged; a log that cannot be written is left out and
    the reason is in the payload (`log_error`)."""
    from arakit.live.gitinfo import tree_state

    if use_pty is None:
        use_pty = sys.stdin.isatty() and sys.stdout.isatty()
    cwd = os.getcwd()
    git_state: dict[str, Any] = {}
    probe = None
    if root is not None:
        excl = [root / "trace", root / "staging", root / ".ara-cache", root / "logic"]
        probe = threading.Thread(
            target=lambda: git_state.update(tree_state(cwd, excl) or {}), daemon=True
        )
        probe.start()
    start_wall, start = _stamp(), time.monotonic()
    log_rel: str | None = None
    log, log_error = None, None
    if root is not None:
        log_rel = f"{LOGS}/{start_wall[:19].replace(':', '').replace('-', '')}_{os.getpid()}.log.gz"
        log, log_error = _open_log(root, log_rel)
    limit = log_cap() if cap is None else cap
    signum: int | None = None
    sink = OutputSink(log, limit)
    old_int = signal.getsignal(signal.SIGINT)
    try:
        code = _start(argv, sink, bool(use_pty))
    finally:
        signal.signal(signal.SIGINT, old_int)
        sink.close()
    if sink.log_error and root is not None and log_rel is not None:
        log_error = sink.log_error
        try:  # a cut gzip is no log; on a full disk its space is better given back
            os.unlink(root / log_rel)
        except OSError:
            pass
    duration = time.monotonic() - start
    if code < 0:
        signum, code = -code, 128 - code
    try:
        sink.scanner.close()
    except Exception:  # the metrics are a bonus, the exit code is not
        pass
    if probe is not None:
        probe.join(timeout=10)
    tail = bytes(sink.tail).decode("utf-8", "replace")
    payload: dict[str, Any] = {
        "argv": list(argv),
        "cwd": cwd,
        "start": start_wall,
        "end": _stamp(),
        "duration_s": round(duration, 4),
        "exit_code": code,
        "pty": bool(use_pty),
        "git": git_state or None,
        "tail": tail,
        "tail_line": sink.scanner.last_line,
        "metrics": sink.scanner.metrics,
        "log": None if log_error else log_rel,
        "output_bytes": sink.total,
    }
    if log_error:
        payload["log_error"] = log_error
    if signum:
        payload["signal"] = (
            signal.Signals(signum).name if signum in signal.valid_signals() else signum
        )
    if sink.truncated and not log_error:
        payload["log_truncated"] = {"cap_bytes": limit, "kept_bytes": sink.logged}
    if code != 0:
        payload["error_signature"] = error_signature(sink.scanner, code, signum)
    return RunResult(exit_code=code, signum=signum, payload=payload)
