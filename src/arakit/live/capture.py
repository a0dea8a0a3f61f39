"""The capture verbs a researcher calls: run a command and record it, say something (a note)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from arakit.errors import UsageError
from arakit.live.classify import NOTE_TYPES
from arakit.live.manager import ProcessResult, record

# The model package loads pydantic; `ara run` imports it only when it needs an ID checked.


@dataclass
class Captured:
    """A run's exit code, the event recorded (None if recording failed) and why it failed."""

    exit_code: int
    event: dict[str, Any] | None
    result: ProcessResult | None
    error: str | None = None


def _ids(values: list[str], prefixes: tuple[str, ...], option: str) -> list[str]:
    from arakit.model.ids import is_id, normalize_id

    out = []
    for v in values:
        for tok in str(v).replace(",", " ").split():
            if not any(is_id(tok, p) for p in prefixes):
                raise UsageError(
                    f"{option} {tok!r} is not an ID of kind " + "/".join(prefixes),
                    hint=f"write e.g. {option} {prefixes[0]}3",
                )
            out.append(normalize_id(tok))
    return out


def run_and_record(
    argv: list[str],
    root: Path,
    *,
    exp: str | None = None,
    tags: list[str] | None = None,
    bind: list[str] | None = None,
    expect: list[str] | None = None,
    use_pty: bool | None = None,
) -> Captured:
    """Run the command (streams passed through) and journal it; the journal is processed in
    the background (see `process_soon`). A failure to record never changes the command's exit
    code; it is returned in `error`."""
    from arakit.live.journal import Journal
    from arakit.live.manager import process_soon
    from arakit.live.runner import run_command

    if not argv:
        raise UsageError("no command given", hint="write `ara run -- python train.py`")
    binds = _ids(bind, ("O", "C"), "--bind") if bind else []
    result = run_command(argv, root, use_pty=use_pty)
    payload = dict(result.payload)
    if exp:
        payload["exp"] = _ids([exp], ("E",), "--exp")[0]
    if tags:
        payload["tags"] = list(tags)
    if binds:
        payload["bind"] = binds
    if expect:
        payload["expect"] = list(expect)
    try:
        event = Journal(root).append("command", payload, source="ara run")
        process_soon(root)
    except Exception as e:  # the user's command already ran: report, keep its exit code
        return Captured(result.exit_code, None, None, f"{type(e).__name__}: {e}")
    return Captured(result.exit_code, event, None)


def add_note(
    root: Path,
    text: str,
    *,
    note_type: str | None = None,
    choice: str | None = None,
    alts: list[str] | None = None,
    bind: list[str] | None = None,
    affirm: list[str] | None = None,
    lesson_for: str | None = None,
    model: str | None = None,
) -> tuple[dict[str, Any], ProcessResult]:
    """Record what the researcher says (provenance user) and route it."""
    if note_type is not None:
        note_type = note_type.strip().lower().replace("_", "-")
        if note_type not in NOTE_TYPES:
            raise UsageError(
                f"--type {note_type!r} is not a note type", hint="types: " + ", ".join(NOTE_TYPES)
            )
    if not text.strip() and not affirm:
        raise UsageError("the note is empty", hint='write `ara note "what you found"`')
    payload: dict[str, Any] = {"text": text}
    if note_type:
        payload["type"] = note_type
    if choice:
        payload["choice"] = choice
    if alts:
        payload["alts"] = list(alts)
    if bind:
        payload["bind"] = _ids(bind, ("N", "O"), "--bind")
    if affirm:
        payload["affirm"] = _ids(affirm, ("O",), "--affirm")
    if lesson_for:
        if not text.strip():
            raise UsageError(
                "--lesson needs the lesson as TEXT", hint='ara note --lesson N04 "..."'
            )
        payload["lesson_for"] = _ids([lesson_for], ("N",), "--lesson")[0]
    return record(root, "note", payload, source="ara note", model=model)
