"""Work the paper itself says was tried and given up: "Our endeavor to use this embedding
had to be abandoned after several attempts, as the SVM would not finish training even after
24h"; "The general class approach also proved to be inefficient".

Such a dead end often predates the repository (or never reached it), so only the paper can
supply it. A sentence counts when it says, of the authors' own work (we, our, this / the
... approach), that something was abandoned, given up, dropped for a reason, failed after
attempts, or proved too slow, inefficient or infeasible; not in the related work or the
references (other people's dead ends), and not as a plan ("we will abandon").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from arakit.compiler.atoms import text_blocks
from arakit.compiler.pdf.document import Document
from arakit.compiler.text import sentences

_GIVEN_UP = re.compile(
    r"\b(?:had to be abandoned|(?:was|were|is|are|been) (?:then |later |eventually )?"
    r"abandoned|abandon(?:ed|ing)? (?:this|that|the|our|it|these|those)\b|"
    r"gave up\b|g[ai]ve up on\b|(?:was|were) (?:dropped|discarded) (?:because|since|as|due)|"
    r"(?:would|did) not (?:finish|terminate|complete)|never (?:finished|terminated)|"
    r"(?:proved|turned out|was found|were found) (?:to be )?(?:(?:too|very|rather|quite|also) )?"
    r"(?:inefficient|ineffective|infeasible|impractical|intractable|unusable|unstable|"
    r"too slow|too expensive|prohibitive)|"
    r"(?:attempts?|endeavou?rs?|efforts?|tries) (?:to|at) [^.]{3,80}? (?:failed|were "
    r"unsuccessful|was unsuccessful|did not succeed|had to be abandoned))",
    re.I,
)
# the authors' own work: "we", "our", or an approach named as this paper's ("the general
# class approach", "this embedding")
_OWN = re.compile(
    r"\b(?:we|our|us|this|the [\w-]+(?: [\w-]+)? (?:approach|method|model|setup))\b", re.I
)
_PLAN = re.compile(
    r"\b(?:will|would like to|plan to|future work|could be)\b[^.]{0,30}\babandon", re.I
)
_OTHERS = ("related", "references", "background")


@dataclass
class PaperTrial:
    """A sentence of the paper saying the authors tried something and gave it up."""

    sentence: str
    page: int
    section: str

    @property
    def where(self) -> str:
        """`p. 2, §2.2`."""
        return f"p. {self.page}, §{self.section}" if self.section else f"p. {self.page}"


def paper_trials(doc: Document) -> list[PaperTrial]:
    """Every sentence of `doc` (outside related work and references) that says the
    authors' own attempt was given up, in reading order."""
    out: list[PaperTrial] = []
    seen: set[str] = set()
    for s, page, section in own_sentences(doc):
        if s in seen or not _GIVEN_UP.search(s) or not _OWN.search(s) or _PLAN.search(s):
            continue
        seen.add(s)
        out.append(PaperTrial(s, page, section))
    return out


def own_sentences(doc: Document) -> Iterator[tuple[str, int, str]]:
    """(sentence, page, section) of the text that speaks of the authors' own work, in
    reading order, whitespace folded: related work, background and references left out."""
    for text, page, section, role in text_blocks(doc):
        if role in _OTHERS:
            continue
        for sent in sentences(text):
            yield " ".join(sent.split()), page, section
