"""Metrics and error signatures found in a command's output.

A streaming parser: feed it bytes as they arrive; it splits lines on `\\n` and `\\r` (so a
progress bar's redraws are separate lines), strips ANSI escapes, ignores tqdm-style progress
lines, and keeps the last value of each metric it finds in JSON lines (`{"acc": 0.9}`),
`key=value` and `key: value` pairs.
"""

from __future__ import annotations

import json
import re
import signal
from typing import Any

MAX_METRICS = 64
_ANSI = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
_PROGRESS = re.compile(r"(\d+%\|)|(it/s\]|s/it\]|█|▏|▎|▍|▌|▋|▊|▉)|(\[\s*\d+/\d+\s*\])")
_NUM = r"(-?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?)"
_PAIR = re.compile(r"(?<![\w./-])([A-Za-z_][\w./-]{0,63})\s*(=|:)\s*" + _NUM + r"%?(?![\w:./-])")
_EXC = re.compile(
    r"^\s*([A-Za-z_][\w.]*(?:Error|Exception|Interrupt|Exit|Warning|Fault))(?::\s*(.*))?$"
)
_ERRLINE = re.compile(r"^\s*(?:error|fatal|FAILED|Killed|Segmentation fault)\b.*", re.I)
MAX_LINE = 8192


def _number(text: str) -> int | float:
    try:
        return int(text)
    except ValueError:
        return float(text)


def _flat(obj: Any, prefix: str, out: dict[str, Any]) -> None:
    if isinstance(obj, bool):
        return
    if isinstance(obj, (int, float)):
        out[prefix] = obj
    elif isinstance(obj, dict) and prefix.count(".") < 2:
        for k, v in obj.items():
            _flat(v, f"{prefix}.{k}" if prefix else str(k), out)


def parse_line(line: str) -> dict[str, Any]:
    """The metrics one clean line holds (JSON object or key=value / key: value pairs)."""
    s = line.strip()
    if not s or _PROGRESS.search(s):
        return {}
    if s.startswith("{") and s.endswith("}"):
        try:
            data = json.loads(s)
        except ValueError:
            data = None
        if isinstance(data, dict):
            out: dict[str, Any] = {}
            _flat(data, "", out)
            return out
    return {m.group(1): _number(m.group(3)) for m in _PAIR.finditer(s)}


class OutputScanner:
    """Collects metrics and error lines from a stream of output bytes."""

    def __init__(self) -> None:
        self.metrics: dict[str, Any] = {}
        self._partial: dict[int, bytes] = {}
        self.last_exception: str | None = None
        self.last_error_line: str | None = None
        self.last_line: str | None = None

    def feed(self, data: bytes, stream: int = 1) -> None:
        """Scan a chunk of one stream's output; a line cut across chunks is joined first
        (each stream keeps its own unfinished line, so stdout and stderr never mix)."""
        buf = self._partial.get(stream, b"") + data
        parts = re.split(rb"\r\n|\r|\n", buf)
        self._partial[stream] = parts.pop()[-MAX_LINE:]
        for raw in parts:
            self._line(raw[:MAX_LINE])

    def close(self) -> None:
        """Scan whatever is left after the last newline."""
        for rest in self._partial.values():
            if rest:
                self._line(rest)
        self._partial = {}

    def _line(self, raw: bytes) -> None:
        text = _ANSI.sub(b"", raw).decode("utf-8", "replace").rstrip()
        if not text.strip():
            return
        if not _PROGRESS.search(text):
            self.last_line = text.strip()
        if _EXC.match(text):
            self.last_exception = text.strip()
        elif _ERRLINE.match(text):
            self.last_error_line = text.strip()
        found = parse_line(text)
        for k, v in found.items():
            if k in self.metrics or len(self.metrics) < MAX_METRICS:
                self.metrics[k] = v


def error_signature(scanner: OutputScanner, exit_code: int, signum: int | None) -> str:
    """Why a run failed in one line: the signal name, else the last exception or error line."""
    if signum:
        try:
            name = signal.Signals(signum).name
        except ValueError:
            name = f"signal {signum}"
        return f"killed by {name}"
    if scanner.last_exception:
        return scanner.last_exception[:300]
    if scanner.last_error_line:
        return scanner.last_error_line[:300]
    if exit_code == 127:
        return "command not found (exit 127)"
    tail = f": {scanner.last_line[:200]}" if scanner.last_line else ""
    return f"exit code {exit_code}{tail}"
