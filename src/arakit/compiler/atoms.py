"""Knowledge atoms: numbers with units, hyperparameter mentions, citations with their
sentences, and negative results, each with the page and section it came from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from arakit.compiler.pdf.document import Document
from arakit.compiler.text import section_roles, sentences

VALUE = r"[-+−]?(?:\d+(?:\.\d+)?(?:[eE][-−+]?\d+)?|\.\d+)(?:\s*×\s*10[-−]?\d+)?"
_UNITS = (
    "%|points?|pp|epochs?|GPUs?|TPUs?|hours?|days?|minutes?|ms|seconds?|s|GB|MB|TB|"
    "M|B|K|k|x|×|layers?|steps?|iterations?|parameters|params|runs?|tokens?|images?|samples?"
)
_NUMBER_RE = re.compile(
    rf"(?<![\w\-.\[/])(?P<value>{VALUE})(?:\s?(?P<unit>{_UNITS}))?(?![\w\]])(?!\.\d)"
)
# canonical name → phrases that name it in prose
HYPERPARAMETERS: dict[str, tuple[str, ...]] = {
    "learning_rate": ("learning rate", "initial learning rate", "base learning rate", "lr"),
    "batch_size": ("batch size", "mini-batch size", "minibatch size"),
    "weight_decay": ("weight decay", "l2 penalty"),
    "momentum": ("momentum",),
    "dropout": ("dropout rate", "dropout probability", "dropout"),
    "label_smoothing": ("label smoothing",),
    "gradient_clipping": ("gradient clipping", "gradient norm clipping", "max gradient norm"),
    "temperature": ("temperature",),
    "hidden_size": ("hidden size", "hidden dimension", "embedding dimension", "model dimension"),
    "seed": ("random seed", "seed"),
    "warmup": ("warmup", "warm-up", "linear warmup"),
    "beta1": ("β1", "beta1"),
    "beta2": ("β2", "beta2"),
    "epsilon": ("epsilon", "ε"),
}
# value-first mentions: "for 90 epochs", "500 warmup steps", "12 layers"
_VALUE_FIRST = (
    ("epochs", re.compile(rf"(?:for|over)\s+(?P<value>{VALUE})\s+(?:training\s+)?epochs\b")),
    ("warmup_steps", re.compile(rf"(?P<value>{VALUE})\s+warm-?up\s+steps\b")),
    ("num_layers", re.compile(rf"(?P<value>{VALUE})\s+(?:transformer\s+)?layers\b")),
    ("num_heads", re.compile(rf"(?P<value>{VALUE})\s+(?:attention\s+)?heads\b")),
)
_FILLER = (
    r"(?:\s+(?:of|to|=|:|is|was|were|set|at|equal|value|rate|parameter|we|use|used|a|an|the|with))*"
)
_NAME_RE = {
    name: re.compile(
        r"(?<![\w-])(?P<name>"
        + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
        + rf")\b{_FILLER}\s*[=:]?\s*(?P<value>{VALUE})(?:\s?(?P<unit>epochs?|steps?|iterations?|%))?(?![\w.]\d)",
        re.IGNORECASE,
    )
    for name, phrases in HYPERPARAMETERS.items()
}
NEGATIVE_CUES = (
    "does not improve",
    "do not improve",
    "did not improve",
    "no improvement",
    "does not help",
    "did not help",
    "degrades",
    "degraded",
    "fails to converge",
    "failed to converge",
    "fail to converge",
    "diverges",
    "diverged",
    "hurts",
    "is worse",
    "performs worse",
    "no significant",
    "no gain",
)
_CITE_NUM_RE = re.compile(r"\[(\d+(?:\s*[,–-]\s*\d+)*)\]")
_CITE_AY_RE = re.compile(
    r"\(([A-Z][\w'-]+)(?: et al\.| and [A-Z][\w'-]+)?,? ((?:19|20)\d{2})[a-z]?\)"
)
_LABEL_WORDS = (
    "Table ",
    "Figure ",
    "Fig. ",
    "Section ",
    "Sec. ",
    "Eq. ",
    "Equation ",
    "§",
    "Appendix ",
)
_TABLE_REF_RE = re.compile(r"\b(Table|Figure|Fig\.)\s+(\d+)")


@dataclass
class Where:
    """Where an atom was read: page, section number and the sentence itself."""

    page: int
    section: str
    sentence: str
    role: str = "other"

    @property
    def label(self) -> str:
        """`p. 3, §4.1` (notes, which have no pages, say `notes`)."""
        if self.page <= 0:
            return f"notes, {self.section}" if self.section else "notes"
        return f"p. {self.page}, §{self.section}" if self.section else f"p. {self.page}"


@dataclass
class NumberAtom:
    """A number as printed, with its unit (or "") and where it stands."""

    value: str
    unit: str
    where: Where


@dataclass
class Hyperparameter:
    """`learning rate of 0.1`: canonical name, the words used, exact value, unit, place."""

    name: str
    mention: str
    value: str
    unit: str
    where: Where
    negative: bool = False  # stated in a negative result or an ablation, not as the setting


@dataclass
class Citation:
    """One citing sentence and the reference keys it cites."""

    keys: list[str]
    where: Where


@dataclass
class NegativeResult:
    """A sentence reporting that something did not work, with the tables it points to."""

    cue: str
    where: Where
    objects: list[str] = field(default_factory=list)


@dataclass
class Atoms:
    """Every atom of one document."""

    numbers: list[NumberAtom] = field(default_factory=list)
    hyperparameters: list[Hyperparameter] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    negatives: list[NegativeResult] = field(default_factory=list)

    def setting(self, name: str) -> Hyperparameter | None:
        """The value the paper states as its setting: the first mention outside negative results."""
        found = [h for h in self.hyperparameters if h.name == name]
        primary = [h for h in found if not h.negative]
        pick = primary or found
        return pick[0] if pick else None


def extract_atoms(doc: Document) -> Atoms:
    """Read every paragraph (and the abstract) of the document into atoms."""
    atoms = Atoms()
    surnames = {(r.short.split(",")[0].split()[0], r.year): r.key for r in doc.references}
    blocks = [(doc.abstract, 1, "", "abstract")] if doc.abstract else []
    roles = section_roles(doc.sections)
    for s in doc.sections:
        r = roles[id(s)]
        if r == "references":
            continue
        blocks += [(p.text, p.page, s.number, r) for p in s.paragraphs]
    for text, page, section, r in blocks:
        objects = [
            f"{'Table' if k == 'Table' else 'Figure'} {n}" for k, n in _TABLE_REF_RE.findall(text)
        ]
        for sent in sentences(text):
            where = Where(page, section, sent, r)
            low = sent.lower()
            cue = next((c for c in NEGATIVE_CUES if c in low), None)
            if cue:
                atoms.negatives.append(NegativeResult(cue, where, sorted(set(objects))))
            atoms.hyperparameters += hyperparameters_in(sent, where, negative=cue is not None)
            atoms.numbers += [
                NumberAtom(m.group("value"), m.group("unit") or "", where)
                for m in _NUMBER_RE.finditer(sent)
                if not sent[: m.start()].endswith(_LABEL_WORDS)  # "Table 2" is a name, not a value
            ]
            keys = _citations(sent, surnames)
            if keys:
                atoms.citations.append(Citation(keys, where))
    return atoms


def hyperparameters_in(sentence: str, where: Where, negative: bool = False) -> list[Hyperparameter]:
    """Hyperparameter mentions in one sentence; each value is copied exactly as printed."""
    out: list[Hyperparameter] = []
    taken: list[tuple[int, int]] = []
    for name, rx in _NAME_RE.items():
        for m in rx.finditer(sentence):
            unit = (m.group("unit") or "").lower()
            canon = name
            if name == "warmup":
                canon = "warmup_epochs" if unit.startswith("epoch") else "warmup_steps"
            out.append(
                Hyperparameter(canon, m.group("name"), m.group("value"), unit, where, negative)
            )
            taken.append(m.span())
    for name, rx in _VALUE_FIRST:
        for m in rx.finditer(sentence):
            if any(a <= m.start("value") < b for a, b in taken):
                continue
            unit = "epochs" if name == "epochs" else ""
            out.append(Hyperparameter(name, m.group(0), m.group("value"), unit, where, negative))
    out.sort(key=lambda h: sentence.find(h.mention))
    return out


def _citations(sentence: str, surnames: dict[tuple[str, str], str]) -> list[str]:
    keys: list[str] = []
    for m in _CITE_NUM_RE.finditer(sentence):
        for part in re.split(r"\s*,\s*", m.group(1)):
            if re.fullmatch(r"\d+\s*[–-]\s*\d+", part):
                a, b = (int(x) for x in re.split(r"\s*[–-]\s*", part))
                keys += [str(k) for k in range(a, b + 1)] if 0 < b - a < 50 else [str(a), str(b)]
            else:
                keys.append(part.strip())
    for m in _CITE_AY_RE.finditer(sentence):
        key = surnames.get((m.group(1), m.group(2)))
        if key is not None:
            keys.append(key)
    return list(dict.fromkeys(keys))


def normalize_value(value: str) -> float | None:
    """A printed value as a number for comparison (`1e-4`, `0.0001`, `1 × 10−4`), or None."""
    v = value.strip().replace("−", "-").replace(" ", "").rstrip("%")
    m = re.fullmatch(r"([-+]?\d+(?:\.\d+)?)×10(-?\d+)", v)
    if m:
        return float(m.group(1)) * 10 ** int(m.group(2))
    try:
        return float(v)
    except ValueError:
        return None
