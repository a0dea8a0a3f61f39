"""Which part of a model a paper's setting is about: the kind of layer or the role that
qualifies it (`dense layers`, `encoder hidden size`, `The LSTM has 2 layers`), and values
that count parts rather than set the key's value (`2 dropout layers` is no dropout rate)."""

from __future__ import annotations

import re

from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.settings.model import PaperSetting
from arakit.compiler.settings.names import QUALIFIERS

# kinds of layer or block a paper names a size or count for (`3 dense layers`)
COMPONENTS = frozenset(
    [
        "dense",
        "conv",
        "convolutional",
        "recurrent",
        "lstm",
        "gru",
        "rnn",
        "attention",
        "transformer",
        "embedding",
        "linear",
        "residual",
        "pooling",
        "mlp",
        "cnn",
    ]
)
# plural nouns that count a model's parts: `2 dropout layers per block`, `4 residual blocks`
# (sizes such as `units`, `channels` or `filters` are left out: `512 hidden units` is the
# hidden size itself)
_PARTS = frozenset(["layers", "blocks", "stages", "modules", "levels", "experts", "branches"])
# where a clause ends: what comes before it qualifies another value
_CLAUSE_END = re.compile(r"[,;:()]|\b(?:and|while|whereas|but)\b", re.IGNORECASE)


def counts_parts(s: PaperSetting) -> bool:
    """True when the printed name ends in a plural noun counting model parts that its key
    does not name (`dropout layers` keyed `dropout`): the value is how many such parts
    there are, not the value of the setting the key names (a dropout rate)."""
    words = s.name.lower().split()
    if len(words) < 2 or words[-1] not in _PARTS or words[-1][:-1] in s.key:
        return False
    return len(s.values) == 1 and s.values[0] == int(s.values[0]) and s.values[0] >= 1


def subject_components(s: PaperSetting) -> set[str]:
    """Kinds of layer the clause leading up to the value names as its subject (`The LSTM
    has 2 bidirectional layers`: lstm)."""
    sentence, value = s.where.sentence, s.value.strip()
    if not value:
        return set()
    m = re.search(rf"(?<![\w.]){re.escape(value)}(?![\w.])", sentence)
    if m is None:
        return set()
    clause = _CLAUSE_END.split(sentence[: m.start()])[-1]
    return set(re.findall(r"[a-z]+", clause.lower())) & COMPONENTS


def other_component(s: PaperSetting, p: CodeParam) -> bool:
    """True when the paper's name qualifies the setting by a component or role (`dense
    layers`, `encoder hidden size`) that neither the code's name, its comment, its context
    nor its file mentions: that definition may belong to another part of the code."""
    said = {w for w in re.findall(r"[a-z]+", s.name.lower()) if w not in s.key.split("_")}
    return _unmentioned(said & (COMPONENTS | QUALIFIERS), p)


def other_subject(s: PaperSetting, p: CodeParam) -> bool:
    """True when the sentence makes a kind of layer the subject of the value (`The LSTM has
    2 bidirectional layers`) that the code's definition never mentions (a U-Net's `depth =
    6` in another function): that definition is another part's."""
    return _unmentioned(subject_components(s) - set(s.key.split("_")), p)


def _unmentioned(marks: set[str], p: CodeParam) -> bool:
    if not marks:
        return False
    code = f"{p.name} {p.help} {p.context} {p.file}".lower()
    return not any(m in code for m in marks)
