"""The capture verbs a researcher calls: run a command and record it, say something (a note)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from arakit.errors import AraError, UsageError
from arakit.live.classify import NOTE_TYPES
from arakit.live.manager import ProcessResult, process

# The model package loads pydantic; `ara run` imports it only when it needs an ID checked.


@dataclass
class Captured:
    """A run's exit code, the event recorded (None if it was not) and the one line to say on
    stderr about recording (None when all went well)."""

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


def locate(explicit: str | Path | None) -> tuple[Path | None, str | None]:
    """The artifact to record into, or None and why there is none (never raises: a run
    without an artifact still runs)."""
    from arakit.live.locate import find_artifact

    try:
        return find_artifact(explicit), None
    except UsageError as e:
        return None, e.message


def run_and_record(
    argv: list[str],
    root: Path | None,
    *,
    exp: str | None = None,
    tags: list[str] | None = None,
    bind: list[str] | None = None,
    expect: list[str] | None = None,
    use_pty: bool | None = None,
    no_root_reason: str | None = None,
) -> Captured:
    """Run the command (streams passed through) and journal it; the journal is processed in
    the background (see `process_soon`).

    Nothing stops the command or changes its exit code. Without an artifact (`root` None)
    it runs unrecorded and `error` says why. An event the journal cannot take (read-only
    artifact, disk full, a broken journal) goes to the spool outside the artifact and is
    recorded by the next run that can write (`arakit.live.spool`). An option that is not a
    valid ID is left out of the record, not in the way of the run."""
    from arakit.live.runner import run_command

    if not argv:
        raise UsageError("no command given", hint="write `ara run -- python train.py`")
    notes: list[str] = []
    extra: dict[str, Any] = {}
    if root is not None:
        for key, values, prefixes, option in (
            ("exp", [exp] if exp else [], ("E",), "--exp"),
            ("bind", bind or [], ("O", "C"), "--bind"),
        ):
            ids = []
            for tok in (t for v in values for t in str(v).replace(",", " ").split()):
                try:
                    ids += _ids([tok], prefixes, option)
                except UsageError as e:
                    notes.append(f"{e.message}, left out of the record")
            if ids:
                extra[key] = ids[0] if key == "exp" else ids
    result = run_command(argv, root, use_pty=use_pty)
    if root is None:
        why = no_root_reason or "no artifact"
        return Captured(result.exit_code, None, None, f"the run was not recorded: {why}")
    payload = dict(result.payload)
    payload.update(extra)
    if tags:
        payload["tags"] = list(tags)
    if expect:
        payload["expect"] = list(expect)
    if payload.get("log_error"):
        notes.append(f"the output log was not kept: {payload['log_error']}")
    event, problem = _record(root, payload)
    if event is not None:
        notes += [m for m in (problem, _process(root, event)) if m]
    elif problem:
        notes.append(problem)
    return Captured(result.exit_code, event, None, "; ".join(notes) or None)


def _record(root: Path, payload: dict[str, Any]) -> tuple[dict[str, Any] | None, str | None]:
    """Append the run (after any spooled ones); on failure spool it. (event, what went wrong)."""
    from arakit.live import spool
    from arakit.live.journal import Journal, now_iso

    late = ""
    try:
        if spool.pending(root):
            n = spool.replay(root)
            late = f"; {n} earlier run(s) kept outside the artifact were recorded now" if n else ""
        return Journal(root).append("command", payload, source="ara run"), (late[2:] or None)
    except Exception as e:  # whatever it is, the run must not be lost
        reason = _why(e)
    event = {"kind": "command", "source": "ara run", "provenance": "user", "ts": now_iso()}
    try:
        where = spool.keep(root, {**event, "payload": payload}, reason)
    except OSError as e:
        return None, f"the run was not recorded: {reason}; it could not be kept either ({_why(e)})"
    return None, (
        f"the run was not recorded: {reason}; kept in {where} and recorded by the next "
        "`ara run` that can write the artifact"
    )


def _process(root: Path, event: dict[str, Any]) -> str | None:
    from arakit.live.manager import process_soon

    try:
        process_soon(root)
    except Exception as e:  # recorded is recorded; the tree can catch up
        return (
            f"recorded as event {event.get('seq')}, but the trace was not updated: {_why(e)} "
            "(`ara status` retries)"
        )
    return None


def _why(e: BaseException) -> str:
    from arakit.errors import ArtifactError

    if isinstance(e, OSError) and e.strerror:
        return e.strerror + (f": {e.filename}" if e.filename else "")
    if isinstance(e, ArtifactError):
        return str(e)
    return str(e) or type(e).__name__


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
    return _note_event(root, payload), process(root, model=model)


def _note_event(root: Path, payload: dict[str, Any]) -> dict[str, Any]:
    """Append the note; when the artifact cannot take it, keep it in the spool (it is the
    researcher's own words) and say so in one clean error."""
    from arakit.live import spool
    from arakit.live.journal import Journal, now_iso

    try:
        return Journal(root).append("note", payload, source="ara note")
    except OSError as e:
        reason = _why(e)
    event = {"kind": "note", "source": "ara note", "provenance": "user", "ts": now_iso()}
    hint = "make the artifact writable (and trace/ a folder), then `ara journal recover`"
    try:
        where = spool.keep(root, {**event, "payload": payload}, reason)
    except OSError as e:
        raise AraError(
            f"the note was not recorded: {reason}; it could not be kept either ({_why(e)})",
            hint="make the artifact writable and run the same `ara note` again",
        ) from None
    raise AraError(
        f"the note was not recorded: {reason}; kept in {where} and recorded by the next "
        "`ara run` or `ara journal recover` that can write the artifact",
        hint=hint,
    ) from None
