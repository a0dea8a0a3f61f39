"""Level 1 profiles: which rules are errors, warnings or silent for the artifact at hand.

`upstream` (the default) judges an artifact by the rules its writers follow: the upstream
compiler's validation checklist and the research manager's schemas (ARA-Labs, see
docs/format.md#profiles). An error there means the artifact is broken as a document or a
graph: a file that cannot be read, a duplicate ID, a reference that resolves to nothing, a
cycle, a node missing a field its type needs, a manifest entry that points at nothing, no
claims, nothing to judge. Counts are targets (warnings); algorithm, architecture and
heuristics files are optional; trace `evidence:` prose and working-repo paths are notes,
only IDs there must resolve; Code refs may point into the working repository; both pivot
spellings are equivalent; `insight`/`observation` nodes are warnings. For an artifact
recorded live by a research manager, whose seeds hold no front matter and only some
files, those omissions are warnings too, and `support_level` is not expected.

`strict` is the format as arakit writes it (ARA-FORMAT.md): every mandatory file, the
counts as quotas, the canonical spellings. arakit's own compiler output is held to it.

Why upstream is the default: people run a linter on artifacts other tools wrote. Judged by
the strict rules, 116 of 148 errors on upstream's own live artifact were false alarms; a
demanding user wants an error to mean "broken" and gets the targets as warnings.
"""

from __future__ import annotations

from typing import Literal

from arakit.model.artifact import Artifact
from arakit.seal.rules import Rule

ProfileName = Literal["upstream", "strict"]
PROFILES: tuple[str, ...] = ("upstream", "strict")
DEFAULT_PROFILE: ProfileName = "upstream"

# Files that show an artifact is recorded turn by turn (a research manager, `ara run`).
_LIVE_MARKERS = ("trace/sessions/", "trace/pm_reasoning_log.yaml", "trace/events.jsonl")


def check_profile(name: str) -> ProfileName:
    """The profile name, or a UsageError that lists the profiles."""
    if name not in PROFILES:
        from arakit.errors import UsageError

        raise UsageError(f"unknown profile {name!r}", hint="use --profile " + " or ".join(PROFILES))
    return name  # type: ignore[return-value]


def is_live(art: Artifact) -> bool:
    """True when the artifact was recorded live (session records, a reasoning log or a
    journal), not compiled after the fact."""
    return any(f.startswith(m) or f == m for f in art.files for m in _LIVE_MARKERS)


def severity(rule: Rule, profile: str, live: bool) -> str:
    """The severity of a rule for this profile and artifact: error, warning or off."""
    if profile == "strict" or not rule.upstream:
        return rule.severity
    if rule.upstream == "live":
        return "warning" if live else "error"
    return rule.upstream
