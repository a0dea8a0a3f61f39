"""Nothing private leaves the repository: e-mail addresses, access tokens, API keys and
private keys found in anything the compiler writes are replaced by a marker, and the
artifact says what was redacted and where (src/REDACTED.md)."""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

# (kind, pattern); the whole match is redacted
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "private key",
        re.compile(
            r"-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----[\s\S]*?-----END (?:[A-Z]+ )?PRIVATE KEY-----"
        ),
    ),
    (
        "GitHub token",
        re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})\b"),
    ),
    ("AWS access key", re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b")),
    ("Slack token", re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}\b")),
    ("Anthropic key", re.compile(r"\bsk-ant-[A-Za-z0-9_\-]{20,}\b")),
    ("OpenAI key", re.compile(r"\bsk-(?:proj-)?[A-Za-z0-9_\-]{20,}\b")),
    ("Google API key", re.compile(r"\bAIza[0-9A-Za-z_\-]{35}\b")),
    ("Hugging Face token", re.compile(r"\bhf_[A-Za-z0-9]{30,}\b")),
    ("Stripe key", re.compile(r"\b[rs]k_live_[A-Za-z0-9]{20,}\b")),
    (
        # a webhook URL carries its own token: whoever holds it can post as the owner
        "webhook URL",
        re.compile(
            r"https?://(?:(?:ptb|canary)\.)?discord(?:app)?\.com/api/webhooks/\d+/[\w-]{20,}"
            r"|https?://hooks\.slack\.com/(?:services|workflows|triggers)/[\w/-]{20,}"
            r"|https?://[\w.-]+/(?:api/)?webhooks?/[\w/-]*[\w-]{24,}"
        ),
    ),
    ("Telegram bot token", re.compile(r"\b\d{8,10}:AA[A-Za-z0-9_-]{33}\b")),
    # a password written into a URL: `https://user:pass@host/`, `postgres://u:p@db:5432`
    # (not a variable the shell fills in: `https://$USER:$TOKEN@`)
    (
        "password in a URL",
        re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s/:@'\"]+:(?![$<{%])[^\s/@'\"]{3,}@"),
    ),
    (
        "JSON web token",
        re.compile(r"\beyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,}\b"),
    ),
    (
        "secret value",
        re.compile(
            r"(?i)(?<![\w])(?:api[_-]?key|secret(?:[_-]?key)?|access[_-]?token|auth[_-]?token|token|"
            r"password|passwd|wandb[_-]?api[_-]?key|hf[_-]?token)\s*[:=]\s*['\"]?(?P<v>[A-Za-z0-9_\-+/=.]{16,})"
        ),
    ),
    (
        "e-mail address",
        re.compile(
            r"(?<![\w.+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}\b"
        ),
    ),
)
MARK = "[redacted {kind}]"
NOTE_PATH = "src/REDACTED.md"
_TEXT_SUFFIXES = (
    ".md",
    ".yaml",
    ".yml",
    ".json",
    ".jsonl",
    ".txt",
    ".py",
    ".sh",
    ".toml",
    ".ini",
    ".cfg",
    ".csv",
    ".tex",
    ".bib",
    ".r",
    ".jl",
    ".m",
    ".html",
    ".gin",
    ".conf",
    ".log",
)


def find_secrets(text: str) -> list[tuple[str, str]]:
    """(kind, matched text) for every secret in `text`, markers excluded."""
    out: list[tuple[str, str]] = []
    for kind, rx in PATTERNS:
        for m in rx.finditer(text):
            if "v" in rx.groupindex:
                value = m.group("v")
                if re.fullmatch(r"\[redacted [^\]]+\]|[A-Za-z_]+|\$\{?\w+\}?", value or ""):
                    continue  # a placeholder or a variable name, not a value
                out.append((kind, value))
            else:
                out.append((kind, m.group(0)))
    return out


def redact_text(text: str) -> tuple[str, list[str]]:
    """The text with every secret replaced by a marker, and the kinds redacted."""
    kinds: list[str] = []
    for kind, rx in PATTERNS:

        def sub(m: re.Match[str], kind: str = kind) -> str:
            if "v" in m.re.groupindex:
                value = m.group("v")
                if re.fullmatch(r"\[redacted [^\]]+\]|[A-Za-z_]+|\$\{?\w+\}?", value):
                    return m.group(0)
                kinds.append(kind)
                return m.group(0)[: m.start("v") - m.start()] + MARK.format(kind=kind)
            kinds.append(kind)
            return MARK.format(kind=kind)

        text = rx.sub(sub, text)
    return text, kinds


@dataclass
class Redactions:
    """What was redacted, file by file."""

    by_file: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """How many secrets were redacted."""
        return sum(sum(k.values()) for k in self.by_file.values())

    def note(self) -> str:
        """src/REDACTED.md: what was redacted where (never the values)."""
        lines = [
            "# Redacted",
            "",
            "The compiler replaced private values found in the sources by a marker such as "
            "`[redacted e-mail address]`; the values themselves were never written.",
            "",
        ]
        for path, kinds in sorted(self.by_file.items()):
            what = ", ".join(
                f"{n} {k}{'es' if k.endswith('ss') and n > 1 else 's' if n > 1 else ''}"
                for k, n in sorted(kinds.items())
            )
            lines.append(f"- `{path}`: {what}")
        return "\n".join(lines) + "\n"


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def redact_folder(root: Path) -> Redactions:
    """Redact every text file written under `root` in place (atomically) and, when
    anything was redacted, write src/REDACTED.md saying what and where."""
    found = Redactions()
    for path in sorted(root.rglob("*")):
        if (
            not path.is_file()
            or path.is_symlink()
            or not path.name.lower().endswith(_TEXT_SUFFIXES)
        ):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        new, kinds = redact_text(text)
        if kinds:
            _write_atomic(path, new)
            counts: dict[str, int] = {}
            for k in kinds:
                counts[k] = counts.get(k, 0) + 1
            found.by_file[path.relative_to(root).as_posix()] = counts
    if found.total:
        note = root / NOTE_PATH
        note.parent.mkdir(parents=True, exist_ok=True)
        _write_atomic(note, found.note())
    return found
