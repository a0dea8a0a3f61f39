"""Putting the stages' output together into one Artifact with a Layer Index."""

from __future__ import annotations

import re

from arakit import ARA_VERSION, __version__
from arakit.codec import render_artifact
from arakit.compiler.mapping.context import NOT_SPECIFIED
from arakit.compiler.pdf.draft import draft_status
from arakit.compiler.pdf.document import Document
from arakit.model import Artifact, LayerTable, Paper, Table

DESCRIPTIONS = {
    "PAPER.md": "root manifest",
    "logic/problem.md": "observations, gaps, key insight, assumptions",
    "logic/claims.md": "falsifiable claims",
    "logic/concepts.md": "defined terms",
    "logic/experiments.md": "experiment plans",
    "logic/related_work.md": "typed citations",
    "logic/solution/architecture.md": "components",
    "logic/solution/algorithm.md": "equations and procedure",
    "logic/solution/constraints.md": "limitations",
    "logic/solution/heuristics.md": "implementation tricks",
    "src/environment.md": "software, hardware, seeds",
    "src/reconciliation.md": "paper vs code, parameter by parameter",
    "trace/exploration_tree.yaml": "research DAG",
    "evidence/README.md": "index of evidence files",
}


# a status that names where the paper went ("Under review at ICLR", "Preprint submitted to
# Elsevier"); "Draft version May 18, 2022" or "Accepted XXX. Received YYY" names no venue
_NAMES_PLACE = re.compile(r"\b(?:to|at|in|for|by)\s+(?:the\s+)?[A-Z][A-Za-z]")


def year_and_venue(doc: Document | None, commit_dates: list[str]) -> tuple[str, str, str]:
    """(year, venue, where the year came from): what the paper's pages say (citation box,
    venue or status line, running head, arXiv stamp, printed date), then the PDF's
    metadata, then git. The venue is what the page says; a draft says it is a draft."""
    venue = ""
    if doc is not None:
        venue = doc.venue or (doc.status if _NAMES_PLACE.search(doc.status) else "")
        if doc.year:
            return doc.year, venue, "the paper's first page"
        created = doc.metadata.get("creationDate", "")
        m = re.match(r"D:(\d{4})", created)
        if m:
            return m.group(1), venue, "the PDF's creation date"
    if commit_dates:
        return commit_dates[-1][:4], venue, "the last commit's date"
    return "", venue, ""


# what a paper says when its work is machine learning: "model" or "learning" alone is not
# it ("bounded model checking", "learning curve of a tool")
_MACHINE_LEARNING = re.compile(
    r"\b(?:machine[- ]learning|deep[- ]learning|(?:reinforcement|supervised|unsupervised|"
    r"self-supervised|representation|contrastive|federated|transfer|few-shot|zero-shot|"
    r"in-context) learning|neural (?:networks?|nets?|models?|architectures?)|"
    r"(?:large )?language models?|LLMs?|transformers?|fine-tun\w+|pre-?train\w*|"
    r"training (?:data|set|loss|objective)|classifiers?|embeddings?|gradient descent|"
    r"autoencoders?|diffusion models?|attention heads?)\b",
    re.I,
)


def _machine_learning(title: str, abstract: str) -> bool:
    """The paper's own field is machine learning: its title or abstract names it, other than
    as what the paper's product serves (an atmospheric-optics package that makes "datasets
    for machine learning (ML)" is not a machine-learning paper)."""
    text = f"{title}. {abstract}"
    return any(
        not _SERVES.search(text[max(0, m.start() - 40) : m.start()])
        for m in _MACHINE_LEARNING.finditer(text)
    )


# what a product serves, said just before the field's name: "datasets for machine learning",
# "hardware for deep learning"
_SERVES = re.compile(
    r"\b(?:datasets?|data|inputs?|hardware|applications?|workflows?|use) (?:for|in) "
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)


def paper_front(
    doc: Document | None, title: str, claims: list[str], year: str, venue: str
) -> Paper:
    """PAPER.md front matter and overview (the Layer Index is added by `index_layers`)."""
    abstract = doc.abstract if doc and doc.abstract else NOT_SPECIFIED
    first = re.split(r"(?<=[.!?])\s+", abstract)[:2]
    ml = doc is not None and _machine_learning(doc.title, abstract)
    extra: dict[str, object] = {}
    if doc is not None and doc.affiliations:
        extra["affiliations"] = list(doc.affiliations)  # extension: as printed, in order
    draft = draft_status(doc) if doc is not None else ""
    if draft:
        extra["draft"] = f"The PDF is {draft}"  # said, so no reader takes it as finished
    doi = doc.doi if doc else ""
    if doc is not None and not doi and doc.arxiv:
        doi = "10.48550/arXiv." + re.sub(r"v\d+$", "", doc.arxiv)  # arXiv's DOI for every paper
    return Paper(
        title=title,
        authors=(doc.authors if doc and doc.authors else [NOT_SPECIFIED]),
        # a letter or a note may print no date, and its PDF may carry none: said, not guessed
        year=int(year) if year.isdigit() else (year or NOT_SPECIFIED),
        venue=venue or NOT_SPECIFIED,
        doi=doi or None,
        ara_version=ARA_VERSION,
        domain="machine learning" if ml else NOT_SPECIFIED,
        # the keywords the paper prints; none is said, never made up from other words
        keywords=(doc.keywords if doc and doc.keywords else []) or [NOT_SPECIFIED],
        claims_summary=claims or [NOT_SPECIFIED],
        abstract=abstract,
        created_with=f"arakit {__version__} (ara compile, rules)",
        extra=extra,
        heading=title,
        overview=(f"The PDF is {draft}. " if draft else "")
        + " ".join(first)
        + "\n\nCompiled by `ara compile` from the sources listed in the front matter; every "
        "generated entity is `ai-suggested` and says where in the sources it came from.",
    )


def index_layers(art: Artifact) -> None:
    """A Layer Index that lists every file the artifact will hold, layer by layer."""
    assert art.paper is not None
    art.paper.layer_index = [LayerTable(name="logic", table=Table(header=["File", "Description"]))]
    files = sorted(set(render_artifact(art)) | set(art.attachments) | {"PAPER.md"})
    layers: dict[str, list[list[str]]] = {"logic": [], "src": [], "trace": [], "evidence": []}
    for f in files:
        top = f.split("/", 1)[0]
        if top in layers:
            layers[top].append([f"`{f}`", DESCRIPTIONS.get(f, _describe(f))])
    art.paper.layer_index = [
        LayerTable(name=name, table=Table(header=["File", "Description"], rows=rows))
        for name, rows in layers.items()
        if rows
    ]


def _describe(f: str) -> str:
    """What a generated file holds, by where it lives (every Layer Index row says something)."""
    if f.startswith("src/execution/"):
        return "code copied from the repository (" + f.removeprefix("src/execution/") + ")"
    if f.startswith("src/configs/") and not f.endswith(".md"):
        return "configuration file copied byte for byte from the repository"
    for prefix, what in _BY_PREFIX:
        if f.startswith(prefix):
            return what
    return ""


_BY_PREFIX = (
    ("src/configs/", "parameters with exact values and sources"),
    ("src/settings/code.md", "other settings of the paper's code, quoted by file and line"),
    ("src/settings/", "settings defined elsewhere in the repository, quoted by file and line"),
    ("evidence/tables/", "raw table transcription"),
    ("evidence/figures/", "figure caption and page, with axes where readable"),
    ("evidence/results/", "result files copied from the repository"),
    ("evidence/logs/git_history", "the repository's history: commits, refs, changed settings"),
    ("evidence/logs/", "experiment log"),
)
