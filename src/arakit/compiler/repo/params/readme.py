"""Settings a project's README states in prose about its own procedure (`100d FastText
word embedding trained on WSJ corpus. ( window size=3, train for 300 epochs)`): read with
the paper's own settings reader, one sentence at a time, as parameters of kind `readme`;
a sentence that quotes results (`accuracy falls from 0.81 at N2q=2 to 0.56`) states no
procedure and is left out. They are documentation, never a default the code sets:
reconciliation consults them only where the code itself is silent, and says "the README
states"."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from arakit.compiler.atoms import Where
from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.settings import settings_in

_README = re.compile(r"^readme(?:\.(?:md|markdown|rst|txt))?$", re.IGNORECASE)
_FENCE = re.compile(r"^\s*(?:```|~~~)")
MAX_LINE = 600
MAX_LINES = 2000


def is_readme(rel: str) -> bool:
    """`README.md`, `readme.rst`, `README` in any folder."""
    return _README.match(PurePosixPath(rel).name) is not None


def readme_params(text: str, rel: str) -> list[CodeParam]:
    """The settings each prose line of a README states (code blocks, tables and headings
    are left out: commands and result tables are not the README's own statements).
    `context` holds the setting's normalised key, `help` the line as written."""
    out: list[CodeParam] = []
    fenced = False
    for n, line in enumerate(text.splitlines()[:MAX_LINES], start=1):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        bare = line.strip()
        code = line.startswith(("    ", "\t")) or bare.startswith(("$ ", ">>> ", "python "))
        if fenced or code or not bare or bare.startswith(("#", "|", "<")) or len(bare) > MAX_LINE:
            continue
        if not re.search(r"\d", bare):
            continue
        for sentence in _SENTENCE.split(bare):
            if quotes_results(sentence):
                continue  # `accuracy falls (0.81 at N2q=2,6 → 0.56 ...)`: outcomes, not procedure
            where = Where(0, "", sentence, "readme")
            for s in settings_in(sentence, where):
                if s.number is None and not s.numbers:
                    continue
                out.append(CodeParam(s.name, s.value, rel, n, "readme", help=bare, context=s.key))
    return out


# a sentence break inside one README line (a Markdown paragraph is often one long line)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z*_`])")
# what a sentence that quotes results says: a measured outcome, a change from one value to
# another, a comparison of methods
_RESULT_WORDS = re.compile(
    r"→|⇒|\s->\s|\b(?:accuracy|accuracies|f1|auc|auroc|bleu|rouge|perplexity|rmse|mae|mse|"
    r"precision|recall|speed-?ups?|outperform\w*|achiev\w*|reach(?:es|ed)|falls?|fell|"
    r"drops?|dropped|improv\w*|scor(?:e|es|ed|ing)|results?|holds? at|collapses?)\b",
    re.IGNORECASE,
)


def quotes_results(sentence: str) -> bool:
    """True when a README sentence reports outcomes (what the runs gave), not how the
    project runs: a setting's value there is an operating point of a result, not the
    procedure's."""
    return _RESULT_WORDS.search(sentence) is not None
