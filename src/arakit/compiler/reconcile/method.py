"""The paper's own method by name: which named systems the paper presents as its own
(`we utilize CodeLlama`, `our approach employs X`) and which it runs only for comparison
(`Llama2, used for comparison`, `baselines such as BERT`).

A replication package often keeps one near-identical experiment folder per model
(`RQ3/CodeLlama/train.py` and `RQ3/Llama2/train.py` that differ in the model name only):
when the paper's settings fit both equally, the folder named for the paper's own method
is its experiment, the other a baseline."""

from __future__ import annotations

import re
from collections import Counter

from arakit.compiler.text import sentences

MAX_TEXT = 400_000

_OWN = re.compile(
    r"\b(?:our|the proposed)\s+(?:approach|method|model|system|framework|tool|technique|"
    r"solution|pipeline|implementation)\b|\bwe\s+(?:propose|present|introduce|utili[sz]e|use|"
    r"employ|fine-?tune|build|develop|adopt|implement|train)\w*\b|\b(?:utili[sz]es|employs|"
    r"builds on|is based on)\b",
    re.IGNORECASE,
)
_OTHER = re.compile(
    r"\bbaselines?\b|\bfor comparison\b|\bcompar(?:e|ed|ing|ative|ison)\b|\bcompetitors?\b|"
    r"\bprior (?:work|approach|method)s?\b|\bvs\.?\b|\bversus\b",
    re.IGNORECASE,
)
# a name: a word with a capital inside or a digit (CodeLlama, Llama2, GPT-4, BERT, ResNet50)
_NAME = re.compile(r"\b[A-Za-z][A-Za-z0-9]*(?:[A-Z][A-Za-z0-9]*|\d[A-Za-z0-9]*)\b")


def method_words(text: str) -> dict[str, int]:
    """Lower-cased names with a score: above 0 for the paper's own method, below 0 for
    what it is compared with. In a sentence with both cues, names before the comparison
    cue are the paper's, names after it the compared ones."""
    score: Counter[str] = Counter()
    flat = re.sub(r"-\n(?=[a-z])", "", text[:MAX_TEXT])
    flat = re.sub(r"\s+", " ", flat)
    for sentence in sentences(flat):
        if len(sentence) > 1000:
            continue
        own = _OWN.search(sentence)
        other = _OTHER.search(sentence)
        if not own and not other:
            continue
        cut = other.start() if other else len(sentence)
        for m in _NAME.finditer(sentence):
            name = m.group().lower()
            if len(name) < 3:
                continue
            if m.start() >= cut:
                score[name] -= 1
            elif own and m.start() < cut:
                score[name] += 1
    return {k: v for k, v in score.items() if v}
