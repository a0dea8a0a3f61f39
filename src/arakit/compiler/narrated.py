"""Approaches the paper names as tried and not kept, tied to the commits that built them.

Papers that report a search often list what they tried ("we experimented with ConvLSTM,
convBiLSTM, and VPTR") and say which they kept ("Ultimately, we chose VPTR-NAR", "ResNet
AutoEncoders outperformed them") or which failed ("ConvLSTM and ConvBiLSTM were not
effective"). A name tried and never kept is a dead end the paper narrates while the code
may still hold it; the commits whose messages name it ("ConvLSTM implem", "Tried
SegformerModel") show where it was built. A name counts when it is written as a method name
is (an inner capital or digit: ConvLSTM, VPTR, Segformer after a list comma), outside the
related work and the references; a narrated trial with no commit naming it gives no node
here (paper_trials.py reads the sentences that say "abandoned" in words).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from arakit.compiler.mapping.context import PROVENANCE
from arakit.compiler.paper_trials import own_sentences
from arakit.compiler.pdf.document import Document
from arakit.compiler.repo.gitlog import Commit
from arakit.compiler.repo.paths import is_code
from arakit.compiler.text import clip
from arakit.model import TraceNode

MAX_COMMITS = 12  # commits cited per narrated trial
# "we experimented with", "we tried", "explored several approaches, including", "we tested",
# "we attempted to use" (not "compared with" or "evaluated": baselines are not trials)
_TRIED = re.compile(
    r"\b(?:we|authors?)\b[^.]{0,40}?(?<![-\w])(?:experimented with|tried|explored|tested|"
    r"attempted)\b(?!\s+(?:our|the|a|an|this|it|its|whether|how|if)\b)",
    re.I,
)
# what was kept: "chose X", "settled/settling on X", "X outperformed", "X achieved the best"
_KEPT_AFTER = re.compile(
    r"\b(?:cho(?:se|sen)|select(?:ed)?|settl(?:ed|ing) on|opt(?:ed)? for|went with|adopted|"
    r"decided (?:on|to use)|kept)\s+(?P<rest>[^.;]{1,80})",
    re.I,
)
_KEPT_BEFORE = re.compile(
    r"(?P<rest>[^.;,]{1,80}?)\s+(?:outperformed|achieved the best|performed (?:the )?best|"
    r"gave the best|worked best|showed promising)",
    re.I,
)
# a method name: an inner capital or digit (ConvLSTM, convBiLSTM, VPTR, ResNet, T5), or a
# capitalised word inside a list
_NAME = re.compile(r"\b[A-Za-z][a-z]*(?:[A-Z0-9][A-Za-z0-9]*)+\b|\b[A-Z][a-z]{3,}[a-z]*\b")
_NOT_NAMES = {
    "The", "This", "These", "Those", "However", "Both", "Our", "We", "Figure", "Table",
    "Section", "Ultimately", "Finally", "First", "Then", "Although", "While", "Most",
    "In", "For", "To", "With", "As", "Since", "After", "Before", "Also", "Moreover",
}  # fmt: skip
# a list of trials names what kind of thing was tried
_KINDS = re.compile(
    r"\b(?:approach|method|model|architecture|technique|network|algorithm|variant|strateg|"
    r"optimi[sz]er|loss|encoder|backbone|classifier|regulari[sz])",
    re.I,
)
# programming languages: a port, not an approach
_LANGUAGES = {"python", "julia", "matlab", "fortran", "rust", "java", "javascript", "cython"}
# the machinery a run uses (several GPUs, a cluster, a logger), not an approach of the research
_TOOLING = re.compile(
    r"parallel|gpu|cuda|docker|slurm|distributed|multiprocess|wandb|tensorboard", re.I
)


@dataclass
class Narrated:
    """A method the paper says was tried and not kept, with where it says so."""

    name: str
    sentence: str
    page: int
    section: str
    commits: list[Commit] = field(default_factory=list)

    @property
    def where(self) -> str:
        """`p. 3, §5`."""
        return f"p. {self.page}, §{self.section}" if self.section else f"p. {self.page}"

    @property
    def files(self) -> list[str]:
        """The code files the commits naming it changed."""
        return list(
            dict.fromkeys(ch.path for c in self.commits for ch in c.changes if is_code(ch.path))
        )


def _names(text: str) -> list[str]:
    out = []
    for m in _NAME.finditer(text):
        word = m.group(0)
        if (
            word in _NOT_NAMES
            or word.lower() in _LANGUAGES
            or _TOOLING.search(word)
            or (word[0].isupper() and word[1:].islower() and m.start() == 0)
        ):
            continue
        out.append(word)
    return out


def narrated_trials(doc: Document) -> list[Narrated]:
    """Names the paper lists as tried, less those it says were kept, each with the first
    sentence that lists it."""
    tried: dict[str, Narrated] = {}
    kept: set[str] = set()
    for s, page, section in own_sentences(doc):
        for m in _KEPT_AFTER.finditer(s):
            kept |= {n.lower() for n in _names(m.group("rest"))}
        for m in _KEPT_BEFORE.finditer(s):
            kept |= {n.lower() for n in _names(m.group("rest"))}
        t = _TRIED.search(s)
        if not t or not _KINDS.search(s):
            continue
        names = _names(s[t.end() :])
        if len(names) < 2:
            continue  # a list of trials names several
        for n in names:
            tried.setdefault(n.lower(), Narrated(n, s, page, section))
    return [t for key, t in tried.items() if key not in kept and not _kept_variant(key, kept)]


def _kept_variant(key: str, kept: set[str]) -> bool:
    """`vptr` when `vptr-nar` was kept (the name written with a suffix)."""
    return any(k.startswith(key) or key.startswith(k) for k in kept if min(len(k), len(key)) >= 4)


def tie_to_commits(trials: list[Narrated], commits: list[Commit]) -> list[Narrated]:
    """The trials some commit names in its subject (as a word or a word's start: "Tried
    SegformerModel") and that changed code, each with those commits, oldest first; the
    others are left out."""
    out = []
    for t in trials:
        word = re.compile(rf"\b{re.escape(t.name)}", re.I)
        t.commits = [c for c in commits if word.search(c.subject)][:MAX_COMMITS]
        if t.files:  # commits that built it in code
            out.append(t)
    return out


def narrated_nodes(
    doc: Document, commits: list[Commit], next_id: Callable[[], str], paper: str
) -> list[TraceNode]:
    """A dead end for each trial the paper narrates and commits name, citing both."""
    out = []
    for t in tie_to_commits(narrated_trials(doc), commits):
        subjects = "; ".join(f"{c.short} {c.subject}" for c in t.commits[:6])
        out.append(
            TraceNode(
                id=next_id(),
                type="dead_end",
                title=clip(f"{t.name} tried and not kept (the paper, {t.where})", 100),
                support_level="explicit",
                source_refs=[f"{paper}: {t.where}", *(c.sha for c in t.commits)],
                provenance=PROVENANCE,
                timestamp=t.commits[-1].date[:16] or None,
                hypothesis=f"Worth pursuing: {t.name}, built in {subjects}"[:400],
                failure_mode=clip(
                    f"The paper lists {t.name} among what was tried and keeps another: "
                    f"{t.sentence}",
                    400,
                ),
                lesson=clip(t.sentence, 300),
                extra={"from": f"the paper, {t.where}", "files": t.files[:20]},
            )
        )
    return out
