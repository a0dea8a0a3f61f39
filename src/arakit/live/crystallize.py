"""Settled observations become logic/ entries; existing claims change status by the state machine.

`Logic` reads the artifact through the codec only when something is about to change, edits the
model, and writes back only the files it touched (atomically). Every change is returned as a
(file, id, before, after) record for the day's session record.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from arakit.codec.fields import write_fields
from arakit.codec.fs import atomic_write
from arakit.model.base import MdField
from arakit.model.claim import Claim
from arakit.model.concept import Concept
from arakit.model.document import MarkdownDoc
from arakit.model.heuristic import Heuristic
from arakit.model.ids import next_id, normalize_id
from arakit.model.staging import StagedObservation

PENDING = "[pending]"
CLAIMS, HEURISTICS, CONCEPTS = (
    "logic/claims.md",
    "logic/solution/heuristics.md",
    "logic/concepts.md",
)
PROSE_TARGETS = {
    "constraint": ("logic/solution/constraints.md", "Constraints"),
    "architecture": ("logic/solution/architecture.md", "Architecture"),
}
TERMINAL = ("refuted", "withdrawn")
# ARA-FORMAT.md: hypothesis → testing → supported | weakened; any → refuted | withdrawn;
# a rewrite passes through revised and settles back to testing or hypothesis.
_NEXT = {
    "hypothesis": ("testing",),
    "untested": ("testing",),
    "testing": ("supported", "weakened"),
    "revised": ("testing", "hypothesis"),
    "supported": (),
    "weakened": (),
}


def status_path(current: str | None, target: str) -> list[str] | None:
    """The status moves from `current` to `target` the state machine allows, or None."""
    cur = (current or "hypothesis").strip().lower()
    if cur in TERMINAL:
        return None
    if cur == target:
        return []
    if target in TERMINAL or target == "revised":
        return [target]
    frontier: list[tuple[str, list[str]]] = [(cur, [])]
    seen = {cur}
    while frontier:
        state, path = frontier.pop(0)
        for nxt in _NEXT.get(state, ()):
            if nxt == target:
                return [*path, nxt]
            if nxt not in seen:
                seen.add(nxt)
                frontier.append((nxt, [*path, nxt]))
    return None


def short_title(text: str, words: int = 8) -> str:
    """The first sentence of a text, cut to a few words, for a heading."""
    first = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0].rstrip(".!?")
    parts = first.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _term(text: str) -> str:
    m = re.search(r"(?:we call|we define)\s+([\w\- ]{2,40}?)\s+(?:as|the|a|an)\b", text, re.I)
    if m:
        return m.group(1).strip().capitalize()
    m = re.match(
        r"\s*([\w\- ]{2,40}?)\s+(?:is defined as|refers to|stands for|means)\b", text, re.I
    )
    if m:
        return m.group(1).strip().capitalize()
    return short_title(text, 4)


class Logic:
    """logic/ of one artifact, loaded lazily and written back file by file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._art: Any = None
        self._read: Any = None  # the artifact as read: saving writes only what differs
        self._dirty: set[str] = set()
        self._appends: dict[str, list[str]] = {}  # prose sections to add at a file's end

    @property
    def art(self) -> Any:
        if self._art is None:
            from arakit.codec import read_artifact

            self._art = read_artifact(self.root)
            self._read = self._art.model_copy(deep=True)
        return self._art

    def claim_ids(self) -> list[str]:
        """The claim IDs in use (reads logic/claims.md)."""
        return [c.id for c in self.art.claims or []]

    def claims(self) -> list[Claim]:
        """The claims of the artifact."""
        return list(self.art.claims or [])

    def crystallize(
        self, obs: StagedObservation, *, status: str, stamp: str, proof: list[str] | None = None
    ) -> tuple[str, dict[str, Any]] | None:
        """Turn a staged observation into a logic/ entry; returns (file, change) or None when
        its type has no home in logic/ (`unknown`)."""
        kind = obs.potential_type or "unknown"
        prov = obs.provenance or "user"
        title = short_title(obs.content)
        art = self.art
        if kind == "claim":
            cid = next_id("C", [c.id for c in art.claims or []])
            claim = Claim(
                id=cid,
                title=title,
                statement=obs.content,
                status=status,
                falsification_criteria=PENDING,
                proof=list(proof or []),
                provenance=prov,
                last_revised=stamp,
            )
            if not proof:
                claim.verbatim["proof"] = PENDING
            claim.extra_fields.append(MdField(name="Staged as", value=obs.id))
            art.claims = [*(art.claims or []), claim]
            return self._created(CLAIMS, cid, claim)
        if kind == "heuristic":
            hid = next_id("H", [h.id for h in art.heuristics or []])
            h = Heuristic(
                id=hid,
                title=title,
                rationale=obs.content,
                sensitivity=PENDING,
                bounds=PENDING,
                code_ref=PENDING,
                source=f"staged observation {obs.id} ({prov})",
            )
            art.heuristics = [*(art.heuristics or []), h]
            return self._created(HEURISTICS, hid, h)
        if kind == "concept":
            term = _term(obs.content)
            if art.concept(term) is not None:
                return None
            c = Concept(
                term=term,
                notation=PENDING,
                definition=obs.content,
                boundary_conditions=PENDING,
                related_concepts=PENDING,
            )
            art.concepts = [*(art.concepts or []), c]
            return self._created(CONCEPTS, term, c)
        if kind in PROSE_TARGETS:
            rel, doc_title = PROSE_TARGETS[kind]
            doc = next((d for d in art.solution_docs if d.path == rel), None)
            if doc is None:
                doc = MarkdownDoc(path=rel, title=doc_title, text="")
                art.solution_docs.append(doc)
            section = (
                f"## {title}\n\n{obs.content}\n\n- **Provenance**: {prov}\n"
                f"- **Staged as**: {obs.id}\n"
            )
            doc.text = (doc.text.rstrip("\n") + "\n\n" + section).lstrip("\n")
            self._appends.setdefault(rel, []).append(section)
            self._dirty.add(rel)
            return rel, {"file": rel, "id": title, "before": None, "after": {"text": section}}
        return None

    def _created(self, rel: str, key: str, entity: Any) -> tuple[str, dict[str, Any]]:
        self._dirty.add(rel)
        after = entity.model_dump(
            exclude={"pos", "extra_fields", "notes", "verbatim", "labels"}, exclude_none=True
        )
        return rel, {"file": rel, "id": key, "before": None, "after": after}

    def move_claim(self, claim_id: str, target: str, stamp: str) -> list[dict[str, Any]]:
        """Move a claim's status toward `target` through the allowed steps; one change per step.
        Returns [] when the state machine forbids the move."""
        claim = next((c for c in self.art.claims or [] if c.id == normalize_id(claim_id)), None)
        if claim is None:
            return []
        steps = status_path(claim.status, target)
        changes = []
        for step in steps or []:
            changes.append(
                {
                    "file": CLAIMS,
                    "id": claim.id,
                    "before": {"status": claim.status},
                    "after": {"status": step},
                }
            )
            claim.status = step
        if changes:
            claim.last_revised = stamp
            self._dirty.add(CLAIMS)
        return changes

    def flag_claim(self, claim_id: str, by: str) -> dict[str, Any] | None:
        """Mark a claim as contradicted by an observation (an extra `Contradicted by` field)."""
        claim = next((c for c in self.art.claims or [] if c.id == normalize_id(claim_id)), None)
        if claim is None:
            return None
        field = next((f for f in claim.extra_fields if f.name == "Contradicted by"), None)
        before = field.value if field else None
        if field is None:
            field = MdField(name="Contradicted by", value=by)
            claim.extra_fields.append(field)
        elif by not in field.value:
            field.value = f"{field.value}, {by}"
        self._dirty.add(CLAIMS)
        return {
            "file": CLAIMS,
            "id": claim.id,
            "before": {"contradicted_by": before},
            "after": {"contradicted_by": field.value},
        }

    def save(self) -> list[str]:
        """Write the files that changed, each edited in place (only the entries and fields
        that changed are rewritten); returns their paths."""
        if not self._dirty:
            return []
        from arakit.codec.textfile import TextFile

        out = []
        for rel in sorted(self._dirty):
            current = TextFile.read(self.root / rel, rel)
            if current is None or not current.text.strip():
                text = self._new_file(rel)
                if text is None:
                    continue
                atomic_write(self.root / rel, text)
            else:
                current.write(self._edited(rel, current.text))
            out.append(rel)
        self._dirty.clear()
        self._appends.clear()
        self._read = self.art.model_copy(deep=True)
        return out

    def _new_file(self, rel: str) -> str | None:
        from arakit.codec import render_artifact

        return render_artifact(self.art).get(rel)

    def _edited(self, rel: str, text: str) -> str:
        from arakit.codec import md_update
        from arakit.codec.logic import read_concepts, read_entity_doc

        if rel in self._appends:
            for section in self._appends[rel]:
                text = md_update.append_text(text, section)
            return text
        if rel == CONCEPTS:
            return md_update.update_entity_text(
                text,
                rel,
                lambda t: read_concepts(t, rel)[0],
                lambda c: c.term.strip().lower(),
                lambda p: p.heading.text.strip().lower() if p.heading else None,
                list(self._read.concepts or []),
                list(self.art.concepts or []),
                lambda c: f"## {c.term}\n\n" + write_fields(c),
            )
        kinds: dict[str, tuple[type[Any], str, str]] = {
            CLAIMS: (Claim, "C", "claims"),
            HEURISTICS: (Heuristic, "H", "heuristics"),
        }
        cls, prefix, attr = kinds[rel]
        return md_update.update_entity_text(
            text,
            rel,
            lambda t: read_entity_doc(t, rel, cls, prefix)[0],
            lambda e: e.id,
            md_update.entity_finder(prefix),
            list(getattr(self._read, attr) or []),
            list(getattr(self.art, attr) or []),
            md_update.render_entity,
        )
