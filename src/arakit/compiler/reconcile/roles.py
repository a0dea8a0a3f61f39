"""The role a paper's name gives a setting when a phrase qualifies it: "learning rate for
Adam optimizer in encoder-decoder" is a learning rate (the vocabulary's `learning_rate`,
compiler/settings/names.py), set for the encoder and the decoder. The settings reader
keys such a name by all its words (`learning_rate_for_adam_optimizer_in_encoder_decoder`)
because the vocabulary phrase is not its last word; the code spells the role (`lr`,
`learning_rate`) and says which part it sets by where it is written
(`opt_e = Adam(encoder.parameters(), lr=5e-4)`).

A code definition of the role states the setting when the qualifier names no part of
the model or stage of training, or when the definition names one of those it names
(in its name, comment, callee, what its call is bound to or given, or its file)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.settings.model import PaperSetting
from arakit.compiler.settings.names import CACHED, QUALIFIERS, code_aliases, phrase_key, words

# a preposition that opens a qualifying phrase: `learning rate for ...`, `number of
# epochs for the generator` (the head ends before one of them)
_PREPOSITION = re.compile(r"\s+(?:for|of|in|on|used\s+(?:by|for|in))\s+")
# parts of a model and stages of training a qualifier may name
_PARTS = QUALIFIERS | frozenset(
    words(
        """
encoder decoder generator discriminator critic actor embedding embeddings classifier
head backbone adapter lora teacher student pretraining pre-training finetuning
fine-tuning tuning warmup warm-up distillation
"""
    )
)
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")


@dataclass(frozen=True)
class Role:
    """A setting's role (`learning_rate`) and the parts of the model its qualifier names."""

    key: str
    parts: frozenset[str]


def role_of(setting: PaperSetting) -> Role | None:
    """The role of a setting named by a vocabulary phrase and a qualifying phrase after it
    (`learning rate for the encoder`), or None (a name the vocabulary keys whole, or one
    whose head is no vocabulary phrase)."""
    return _role(setting.key, setting.name)


@lru_cache(maxsize=CACHED)
def _role(setting_key: str, printed: str) -> Role | None:
    if code_aliases(setting_key):
        return None  # already keyed by the vocabulary
    name = " ".join(printed.split())
    for m in _PREPOSITION.finditer(name):
        key = phrase_key(name[: m.start()])
        if key is None or not code_aliases(key):
            continue
        said = set(_WORD.findall(name[m.end() :].lower()))
        for w in list(said):
            said.update(w.split("-"))
        return Role(key, frozenset(said & _PARTS))
    return None


def names_part(role: Role, param: CodeParam) -> bool:
    """True when the definition is written for one of the parts the qualifier names, or
    the qualifier names none."""
    if not role.parts:
        return True
    text = f"{param.name} {param.help} {param.context} {param.owner} {param.file}".lower()
    found = set(re.findall(r"[a-z]+", text))
    return any(p in found or p.replace("-", "") in found for p in role.parts)


# what a loop's counter counts, by its name, and the paper's nouns for the same thing
_COUNTED = (
    (re.compile(r"^(?:epoch|epochs|ep|e|n_epoch|epoch_idx|epoch_num)$"), ("epoch",)),
    (
        re.compile(
            r"^(?:step|steps|it|itr|iter|iters|iteration|i|t|global_step|batch|"
            r"batch_idx|batch_i|n_iter|update|updates|k)$"
        ),
        ("step", "iteration", "update", "batch"),
    ),
    (re.compile(r"^(?:episode|episodes|ep_i|i_episode|n_episode)$"), ("episode",)),
)


INTERVALS = frozenset({"log_interval", "eval_interval", "save_interval"})


def counts_alike(setting: PaperSetting, param: CodeParam) -> bool:
    """False when one side is an interval and the other is not (`printed every 100
    epochs` says nothing of `epochs = 100`), or for an interval the code writes as a
    modulo test (`epoch % 5`) whose counter counts something other than the paper's
    interval (epochs, steps, episodes); True otherwise, or when either side does not say."""
    if (setting.key in INTERVALS) != (param.key in INTERVALS):
        return False
    if param.kind != "interval":
        return True
    counter = param.help.split("%")[0].strip().lower()
    noun = (setting.unit or "").lower()
    if not counter or not noun:
        return True
    for pattern, nouns in _COUNTED:
        if pattern.match(counter):
            return any(noun.startswith(n) for n in nouns)
    return False  # a counter of something else (`n_images % 100`)
