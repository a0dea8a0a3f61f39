"""`ara fmt`: tidy an artifact's files without changing what they say, or migrate them to the
canonical form on request. Every change is checked before it is written, file by file.

Default (`format_artifact(root)`): small edits that keep each file's own dialect — entity IDs
padded where the file pads them (`## C1:` → `## C01:` in a file of `C01`s, `[E2,E3]` →
`[E02, E03]`), trailing whitespace and runs of blank lines outside code and block scalars,
one newline at the end. A file that spells IDs its own way (`E1` throughout) keeps them.

`canonical=True` (`ara fmt --to-canonical`): the whole file as arakit writes it (field order,
field labels, bullets, `tree:` for a `root:` file, key order). That is a migration, and the
one place files are rendered whole.

Either way a file is written only when the result reads back as the same model, keeps every
word of the original (IDs compared in canonical spelling) and keeps each table under the
heading it was under; otherwise the file is refused with the reason and left alone.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from arakit.codec.content import words
from arakit.errors import ArtifactError, WriteRefusedError

_ENTITY_FILES = {
    "logic/claims.md": ("C", "Claim"),
    "logic/experiments.md": ("E", "Experiment"),
    "logic/solution/heuristics.md": ("H", "Heuristic"),
    "logic/related_work.md": ("RW", "RelatedWork"),
}
_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


@dataclass
class FileChange:
    """What formatting does to one file: `changed`, `unchanged` or `refused` (with why)."""

    path: str
    status: str
    before: str = ""
    after: str = ""
    reason: str = ""


@dataclass
class FormatResult:
    """Every file `ara fmt` looked at."""

    root: str
    files: list[FileChange] = field(default_factory=list)

    @property
    def changed(self) -> list[FileChange]:
        return [f for f in self.files if f.status == "changed"]

    @property
    def refused(self) -> list[FileChange]:
        return [f for f in self.files if f.status == "refused"]


def format_artifact(root: str | Path, *, canonical: bool = False) -> FormatResult:
    """What `ara fmt` would write, file by file (nothing is written; see `write_result`)."""
    from arakit.codec import read_artifact, reader_for, render_artifact
    from arakit.codec.textfile import TextFile

    root = Path(root)
    art = read_artifact(root)
    out = FormatResult(root=str(root))
    broken = {p.file: p for p in art.problems if isinstance(p, ArtifactError)}
    renamed: Counter[str] = Counter()
    if canonical and art.trace is not None:
        renamed = canonical_trace(art.trace)
    rendered = render_artifact(art) if canonical else {}
    for rel in art.files:
        if reader_for(rel) is None:
            continue
        if rel in broken:
            out.files.append(FileChange(rel, "refused", reason=f"cannot be read: {broken[rel]}"))
            continue
        current = TextFile.read(root / rel, rel)
        if current is None:
            continue
        before = current.text
        try:
            after = rendered.get(rel, before) if canonical else tidy(before, rel)
            if after != before:
                allowed = renamed_labels(art, rel) if canonical else Counter()
                if canonical and rel == "trace/exploration_tree.yaml":
                    allowed += renamed
                _guard(before, after, rel, allowed, canonical=canonical)
        except WriteRefusedError as e:
            out.files.append(FileChange(rel, "refused", before, before, e.message))
            continue
        out.files.append(
            FileChange(rel, "changed" if after != before else "unchanged", before, after)
        )
    return out


def write_result(root: str | Path, result: FormatResult) -> list[str]:
    """Write the changed files (atomically, keeping their line ends); returns their paths."""
    from arakit.codec.textfile import TextFile

    written = []
    for f in result.changed:
        current = TextFile.read(Path(root) / f.path, f.path)
        if current is not None and current.text == f.before and current.write(f.after):
            written.append(f.path)
    return written


# -- the default: tidy within the file's own dialect ------------------------------------------
def tidy(text: str, rel: str) -> str:
    """The file with its IDs padded where the file pads them and its whitespace tidied."""
    if rel.endswith((".yaml", ".yml")):
        return text.rstrip("\n") + "\n" if text.strip() else text
    if rel in _ENTITY_FILES:
        text = _pad_ids(text, rel)
    return _tidy_whitespace(text)


def _tidy_whitespace(text: str) -> str:
    out: list[str] = []
    fence: str | None = None
    lines = text.split("\n")
    for k, line in enumerate(lines):
        m = _FENCE_RE.match(line)
        if fence is None and m:
            fence = m.group(1)[0] * 3
        elif fence is not None and line.strip().startswith(fence):
            fence = None
            out.append(line)
            continue
        if fence is not None:
            out.append(line)
            continue
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        if line.endswith("  ") and line.strip() and nxt.strip():
            out.append(line.rstrip() + "  ")  # a Markdown hard line break: keep it
            continue
        stripped = line.rstrip()
        if not stripped and out and not out[-1].strip():
            continue  # one blank line separates blocks; more are layout
        out.append(stripped)
    return "\n".join(out).rstrip("\n") + "\n" if "".join(out).strip() else text


_HEAD_ID_RE = re.compile(r"^(#{1,6}\s+(?:[*_`]+)?)(RW|[A-Z])(\d{1,4})\b")


def pads(text: str, prefix: str) -> bool:
    """True when the file pads IDs of this prefix somewhere (`C01`, `N007`): then an
    unpadded `C1` is a slip to fix. A file that never pads (`E1` … `E12`) keeps its style."""
    return re.search(rf"\b{prefix}0\d", text) is not None


def _pad_ids(text: str, rel: str) -> str:

    prefix, _ = _ENTITY_FILES[rel]
    if pads(text, prefix):
        lines = text.split("\n")
        for k, line in enumerate(lines):
            m = _HEAD_ID_RE.match(line)
            if m and m.group(2) == prefix:
                lines[k] = m.group(1) + _padded(m.group(2) + m.group(3)) + line[m.end() :]
        text = "\n".join(lines)
    return _pad_ref_fields(text, rel)


_REF_FIELD_RE = re.compile(
    r"^(?P<head>\s{0,3}[-*+]\s+\*\*(?P<name>[^*\n]+?)\*\*:?\s*)(?P<value>\[[^\]\n]*\]|(?:(?:RW|[A-Z])\d{1,4}\s*,\s*)*(?:RW|[A-Z])\d{1,4})\s*$"
)


def _pad_ref_fields(text: str, rel: str) -> str:
    """`- **Proof**: [E2,E3]` → `- **Proof**: [E02, E03]` for fields holding only IDs."""
    from arakit import model
    from arakit.model.ids import ID_RE

    _, cls_name = _ENTITY_FILES[rel]
    cls = getattr(model, cls_name)
    ref_names = {n.lower() for s in cls.FIELDS if s.kind == "refs" for n in (s.label, *s.aliases)}
    lines = text.split("\n")
    for k, line in enumerate(lines):
        m = _REF_FIELD_RE.match(line)
        if not m or m.group("name").strip().rstrip(":").lower() not in ref_names:
            continue
        value = m.group("value")
        inner = value[1:-1] if value.startswith("[") else value
        ids = [t.strip() for t in inner.split(",") if t.strip()]
        if not ids or not all(ID_RE.fullmatch(i) for i in ids):
            continue
        new = ", ".join(_padded(i) if pads(text, _prefix(i)) else i for i in ids)
        lines[k] = m.group("head") + (f"[{new}]" if value.startswith("[") else new)
    return "\n".join(lines)


def _padded(token: str) -> str:
    """The ID with its canonical zero padding added (never removed: `K05` stays)."""
    from arakit.model.ids import normalize_id

    new = normalize_id(token)
    return new if len(new) > len(token) else token


def _prefix(token: str) -> str:
    return "RW" if token.startswith("RW") else token[:1]


# -- the guard ---------------------------------------------------------------------------------
def canonical_trace(trace: Any) -> Counter[str]:
    """Turn the trace into the format's own spelling in place: another writer's field names
    (`prior_direction`, `reason` on a dead end, `justification`) become the format's, a
    streams document's child-ID lists give way to nesting. Returns the words that go (the
    old key names and the ID lists), which is what the migration is for."""
    from arakit.model.trace import ALIASES

    gone: Counter[str] = Counter()
    if trace.form in ("root", "nodes"):
        gone += words(trace.form)
    gone += words(" ".join(trace.streams))
    for key in trace.streams:  # a stream's banner comment now introduces its first node
        banner = trace.key_comments.pop(f"^{key}", "")
        first = next((n for n in trace.nodes() if n.src_path == (key, 0)), None)
        if banner and first is not None:
            old = first.comments.get("^id", "")
            first.comments["^id"] = f"{banner}\n{old}" if old else banner
    attrs = {"from": "from_"}
    for n in trace.nodes():
        if trace.form == "streams" and isinstance(n.extra.get("children"), list):
            gone += words("children " + " ".join(map(str, n.extra.pop("children"))))
        for key, aliases in ALIASES.items():
            if n.get(key) not in (None, "", []):
                continue
            for alias in aliases:
                value = n.extra.get(alias)
                if value is None or isinstance(value, (dict, list)) or n.field(key) != value:
                    continue
                if key in ("from", "to", "trigger") and n.type != "pivot":
                    continue
                setattr(n, attrs.get(key, key), str(value))
                del n.extra[alias]
                gone += words(alias)
                break
    return gone


def renamed_labels(art: Any, rel: str) -> Counter[str]:
    """Words of the field labels a canonical rewrite of `rel` replaces by the format's own
    (`Evidence output` → `Evidence`): the one loss a migration is for."""
    from pydantic import BaseModel

    from arakit.model.base import FieldEntity

    out: Counter[str] = Counter()
    stack: list[Any] = [art]
    while stack:
        obj = stack.pop()
        if isinstance(obj, FieldEntity) and obj.pos is not None and obj.pos.file == rel:
            for spec in obj.FIELDS:
                written = obj.labels.get(spec.attr)
                if written:
                    out += words(written) - words(spec.label)
        if isinstance(obj, BaseModel):
            stack.extend(getattr(obj, name) for name in type(obj).model_fields)
        elif isinstance(obj, (list, tuple)):
            stack.extend(obj)
        elif isinstance(obj, dict):
            stack.extend(obj.values())
    return out


def _guard(
    before: str,
    after: str,
    rel: str,
    allowed: Counter[str] | None = None,
    *,
    canonical: bool = False,
) -> None:
    """Refuse a change that reads back differently (than the original, or than the original
    migrated to the format's spelling when `canonical`), drops words or moves a table."""
    from arakit.model.artifact import Artifact

    def model_of(text: str) -> Any:
        art = Artifact.build(root=None, files=[rel])
        read_file_into_text(art, rel, text)
        return art

    try:
        again = model_of(after)
    except ArtifactError as e:
        raise WriteRefusedError(
            f"the formatted file would not read back ({e.message})", file=rel
        ) from None
    original = model_of(before)
    if canonical and original.trace is not None:
        canonical_trace(original.trace)
        original.trace.form, original.trace.streams = "tree", []
    if canonical and original.staging is not None:
        original.staging.form = "observations"
    if _loose(original.model_dump()) != _loose(again.model_dump()):
        raise WriteRefusedError(
            "the formatted file would read back as a different artifact "
            f"({_first_difference(original, again)})",
            file=rel,
            hint="run `ara fmt --diff` to see the change; report the file if it looks right",
        )
    lost = words(before) - words(after) - (allowed or Counter())
    if lost:
        from arakit.codec.content import describe_loss

        raise WriteRefusedError(f"formatting would drop {describe_loss(lost)}", file=rel)
    if rel.endswith(".md") and Counter(_table_anchors(before)) != Counter(_table_anchors(after)):
        raise WriteRefusedError(
            "formatting would move a table away from the heading it is under", file=rel
        )


def read_file_into_text(art: Any, rel: str, text: str) -> None:
    """Read one file's text into the model with the reader the artifact reader uses."""
    from arakit.codec import reader_for

    reader = reader_for(rel)
    if reader is not None:
        reader(art, text, rel)


def _loose(v: Any) -> Any:
    """A model dump with its text compared loosely: trailing spaces and blank-line runs are
    layout, not content."""
    if isinstance(v, dict):
        return {k: _loose(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_loose(x) for x in v]
    if isinstance(v, str) and ("\n" in v or v.endswith((" ", "\t"))):
        return re.sub(r"\n{3,}", "\n\n", "\n".join(ln.rstrip() for ln in v.split("\n"))).strip()
    return v


def _first_difference(a: Any, b: Any) -> str:
    da, db = _loose(a.model_dump()), _loose(b.model_dump())
    for key in da:
        if da[key] != db.get(key):
            return f"{key} differs"
    return "a value differs"


def _table_anchors(text: str) -> list[tuple[str, str]]:
    """(the heading above, the header row) of every pipe table, outside code fences."""
    out: list[tuple[str, str]] = []
    heading = ""
    fence = False
    prev_table = False
    for line in text.split("\n"):
        if _FENCE_RE.match(line):
            fence = not fence
        if fence:
            continue
        s = line.strip()
        if s.startswith("#"):  # compared by its words: `C1 — x` and `C01: x` are one heading
            heading = " ".join(words(s).elements())
        is_row = s.startswith("|") and s.endswith("|")
        if is_row and not prev_table:
            out.append((heading, re.sub(r"\s+", "", s)))
        prev_table = is_row
    return out
