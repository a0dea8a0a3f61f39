"""Settings whose value is a choice among named methods, not a number: the optimiser a
run trains with (`the ADAM optimizer`, `RMSProp(lr)`, `torch.optim.SGD(...)`,
`optimizer: adamw`). One vocabulary for the paper side and the code side: each printed or
coded name becomes a normalised member of its family (`adam`, `sgd`, `rmsprop`), so a
paper and its code can be compared only where both name a known member."""

from __future__ import annotations

import re

from arakit.compiler.atoms import Where
from arakit.compiler.pdf.document import Document
from arakit.compiler.text import sentences

OPTIMIZER = "optimizer"

# member -> how papers print it (regex alternatives, matched as whole words, any case)
_PRINTED: dict[str, str] = {
    "adamw": r"adam\s?w|adam with decoupled weight decay|decoupled weight decay adam",
    "adamax": r"adamax",
    "nadam": r"n-?adam",
    "radam": r"r-?adam|rectified adam",
    "amsgrad": r"ams-?grad",
    "adagrad": r"ada-?grad",
    "adadelta": r"ada-?delta",
    "adafactor": r"adafactor",
    "adam": r"adam",
    "rmsprop": r"rms-?\s?prop",
    "sgd": r"sgd|stochastic gradient descent|nesterov(?:'s)? (?:accelerated gradient|momentum)",
    "lbfgs": r"l-?bfgs|limited[- ]memory bfgs",
    "bfgs": r"bfgs",
    "lion": r"lion",
    "lamb": r"lamb",
    "rprop": r"rprop",
}
_PRINTED_RE = re.compile(
    r"(?<![\w-])(" + "|".join(f"(?P<{m}>{p})" for m, p in _PRINTED.items()) + r")(?![\w-])",
    re.IGNORECASE,
)
# words that make a bare name in prose an optimiser: `Adam` may be an author's first name,
# `Lion` and `LAMB` English words
_OPTIMISER_WORDS = re.compile(
    r"\b(?:optimi[sz]\w*|solver|trained|train|training|fine-?tun\w*|updates?|learning rate|"
    r"lr|momentum|decay|steps?|epochs?|iterations?)\b",
    re.IGNORECASE,
)
_AMBIGUOUS = {"lion", "lamb", "adam"}  # also common words or a first name: need an optimiser word

# code spellings: a library's namespace before the constructor (`torch.optim.`, `optax.`,
# `Flux.Optimise.`, `keras.optimizers.`, `tf.train.`), or a bare constructor in its library's
# own capitalisation (Flux exports `ADAM`, `RMSProp`, `Descent`)
_CODE_NAMES: dict[str, str] = {
    "adam": "adam",
    "adamw": "adamw",
    "adamweightdecay": "adamw",
    "decoupledweightdecay": "adamw",
    "adamax": "adamax",
    "nadam": "nadam",
    "radam": "radam",
    "amsgrad": "amsgrad",
    "adagrad": "adagrad",
    "adadelta": "adadelta",
    "adafactor": "adafactor",
    "rmsprop": "rmsprop",
    "sgd": "sgd",
    "descent": "sgd",
    "gradientdescent": "sgd",
    "momentum": "sgd",
    "nesterov": "sgd",
    "lbfgs": "lbfgs",
    "bfgs": "bfgs",
    "lion": "lion",
    "lamb": "lamb",
    "rprop": "rprop",
}
# compatible names: a paper naming the family (`Adam`) says nothing against a variant of it
# the code picks (AdamW, AMSGrad); naming the variant does.
_FAMILY = {"adamw": "adam", "amsgrad": "adam", "lbfgs": "bfgs"}


def printed_optimizers(sentence: str) -> list[tuple[str, str]]:
    """(member, as printed) for each optimiser a sentence names, in order, once each
    (`with the ADAM optimizer ... and subsequently with LBFGS`: adam, lbfgs)."""
    out: list[tuple[str, str]] = []
    for m in _PRINTED_RE.finditer(sentence):
        member = next(k for k, v in m.groupdict().items() if v)
        if member in _AMBIGUOUS and not _OPTIMISER_WORDS.search(sentence):
            continue
        if member in ("lion", "lamb") and not m.group(0).isupper() and m.group(0) != "Lion":
            continue  # `lamb`, `lion` in running text are the animals
        if member not in (x for x, _ in out):
            out.append((member, m.group(0)))
    return out


def code_member(name: str) -> str | None:
    """The member a code name or config value denotes (`torch.optim.AdamW` adamw, `ADAM`
    adam, `RMSPropOptimizer` rmsprop, `'sgd'` sgd, `Flux.Optimise.Descent` sgd), or None."""
    bare = name.strip().strip("'\"").rsplit(".", 1)[-1]
    bare = re.sub(r"\(.*$", "", bare, flags=re.DOTALL)
    flat = re.sub(r"[-_\s]", "", bare).lower()
    flat = flat.removesuffix("optimizer") or flat
    return _CODE_NAMES.get(flat)


def same_choice(paper: str, code: str) -> bool | None:
    """True when the code's member is the paper's (or a variant of the family the paper
    names: paper `adam`, code `adamw`), False when it is another method, None when either
    is unknown."""
    if not paper or not code:
        return None
    return paper == code or _FAMILY.get(code) == paper


# a constructor call with its library's namespace, any capitalisation of the name
_NAMESPACED = re.compile(
    r"(?<![\w.])((?:torch\.)?optim\.|(?:tf\.)?(?:keras\.)?optimizers\.|tf\.train\.|"
    r"tf\.compat\.v1\.train\.|optax\.|Optimisers\.|Flux\.(?:Optimise\.)?|Optim\.|"
    r"torch_optimizer\.|bnb\.optim\.|transformers\.|timm\.optim\.)([A-Za-z]+)\s*\("
)
# a bare constructor in the capitalisation libraries export (`ADAM(0.01)`, `RMSProp(lr)`,
# `AdamW(params)`, `SGD(model.parameters())`, `Descent(0.1)`)
_BARE = re.compile(
    r"(?<![\w.])(ADAM|Adam|ADAMW|AdamW|AdaMax|Adamax|NADAM|NAdam|Nadam|RADAM|RAdam|AMSGrad|"
    r"ADAGrad|Adagrad|ADADelta|Adadelta|Adafactor|RMSProp|RMSprop|SGD|Descent|Nesterov|"
    r"LBFGS|BFGS|Lion|Rprop)\s*\("
)
_NOT_A_CALL = re.compile(r"^\s*(?:def|class|function|struct|import|from|using|export)\b")


def constructed_optimizers(line: str) -> list[tuple[str, str]]:
    """(member, constructor as written) for each optimiser a code line constructs."""
    if _NOT_A_CALL.match(line) or "isinstance(" in line:
        return []
    out: list[tuple[str, str]] = []
    spans: list[tuple[int, int]] = []
    for m in _NAMESPACED.finditer(line):
        member = code_member(m.group(2))
        if member:
            out.append((member, m.group(1) + m.group(2)))
            spans.append(m.span())
    for m in _BARE.finditer(line):
        if any(a <= m.start() < b for a, b in spans):
            continue
        member = code_member(m.group(1))
        if member:
            out.append((member, m.group(1)))
    return out


def paper_sentences(doc: Document) -> list[Where]:
    """Every sentence of the paper's running text, where it stands: the paper side of the
    settings whose value is a named alternative (`the maximally mixed prior`), which the
    code decides by what it offers (reconcile/named.py)."""
    return [
        Where(p.page, p.section, sentence.strip(), "body")
        for p in doc.paragraphs()
        for sentence in sentences(p.text)
        if sentence.strip()
    ]
