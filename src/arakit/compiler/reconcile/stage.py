"""Which stage of a training pipeline a paper's paragraph and a unit of code belong to.

Papers that pretrain and then fine-tune (or compare with a baseline) state one set of
optimiser values per stage, under headings that name it ("Pretraining the base model",
"Finetuning the pipelines", "Baseline model details"); their code keeps each stage in its
own script or config, named for it (`pretrain_model.py`, `pretraining/`, a launcher's
step `finetune-trf-model`). A value is compared only with the code of its own stage: the
pretraining weight decay says nothing of the fine-tuning optimiser."""

from __future__ import annotations

import re

from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.settings.model import PaperSetting

_STAGES = (
    ("pretrain", re.compile(r"pre[\s_\-]?train", re.IGNORECASE)),
    ("finetune", re.compile(r"fine[\s_\-]?tun", re.IGNORECASE)),
    ("baseline", re.compile(r"baseline", re.IGNORECASE)),
)


def stages_named(text: str) -> set[str]:
    """The stages a heading, a path or a step name names."""
    return {name for name, pattern in _STAGES if pattern.search(text)}


def group_stage(group: list[PaperSetting]) -> str:
    """The one stage the headings of a paragraph's settings name, or "" (none, or
    several). Only headings count: a sentence's words (`initialized using pretrained
    weights`) describe where weights come from as often as the stage it belongs to."""
    titles = {s.extra.get("context", "") or "" for s in group}
    named = set().union(*(stages_named(t) for t in titles)) if titles else set()
    return next(iter(named)) if len(named) == 1 else ""


def unit_stage(main: str, launches: list[CodeParam]) -> str:
    """The one stage a unit's path or the launcher steps that run it name, or ""."""
    named = stages_named(main) | set().union(*(stages_named(ln.help) for ln in launches))
    return next(iter(named)) if len(named) == 1 else ""


def other_stage(stage: str, path: str) -> bool:
    """True when a file's path names a stage and not the paragraph's (`stage`)."""
    if not stage:
        return False
    named = stages_named(path)
    return bool(named) and stage not in named
