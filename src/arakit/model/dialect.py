"""Which dialect of the format an artifact is written in, and the features that say so."""

from __future__ import annotations

from pydantic import Field

from arakit.model.base import AraModel

# Writers whose output arakit recognises (docs/format.md#dialects):
#   arakit            this project's own writers (ARA-FORMAT.md): events journal, `turns:` log
#   research-manager  the upstream live research manager (2.x): turn-numbered session records
#                     with routing, an `entries:` reasoning log, session_index.yaml
#   live-pm           the first live recorder (Orchestra v0.1 "Live PM", and v1 of the
#                     research manager): session records {id, timestamp, summary}, no turns
#   compiler          the upstream compiler/ingestor: front matter with ara_version, Layer
#                     Index tables, support_level/source_refs on nodes, no session records
#   ara-2.0-streams   an `ara-2.0` document of `*_stream` lists (RE-Bench compilations)
#   hand-written      none of the above
DIALECTS = (
    "arakit",
    "research-manager",
    "live-pm",
    "compiler",
    "ara-2.0-streams",
    "hand-written",
)


class Dialect(AraModel):
    """The dialect detected for one artifact: a name from DIALECTS, the trace form, and every
    feature seen that differs from the format as arakit writes it (docs/format.md)."""

    name: str = "hand-written"
    trace_form: str | None = None
    live: bool = False  # recorded turn by turn (session records, a journal or a log)
    features: list[str] = Field(default_factory=list)
