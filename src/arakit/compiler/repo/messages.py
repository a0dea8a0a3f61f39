"""What commit messages and notes say in words: that something failed, was reverted,
was replaced for a stated reason, or that the work pivoted."""

from __future__ import annotations

import re

REVERT_RE = re.compile(r"This reverts commit ([0-9a-f]{7,40})")
_REVERTED_SUBJECT_RE = re.compile(r'^Revert "(.+)"$')
UNDO_RE = re.compile(
    r"\b(?:revert(?:s|ed|ing|e)?|undo(?:ne|ing)?|undid|roll(?:ed|ing)?[ -]?back|back(?:ed)? out|"
    r"restor(?:e|es|ed|ing))\b",
    re.I,
)
# "dead end" is a verdict when it ends the phrase ("this was a dead end", "dead end for
# large inputs"); before a noun it names a thing ("dead-end rollout", "dead-end states")
_FAIL_RE = re.compile(
    r"\b(?:does ?n[o']?t (?:work|help|converge|improve|support)|did ?n[o']?t (?:work|help|"
    r"converge|improve|obtain)|not working|no improvement|untrainable|gave up|give up|"
    r"abandon(?:s|ed|ing)?|dead[ -]ends?(?![ -](?!(?:for|with|in|on|here|and|but|so|as)\b)[a-z])|"
    r"unfortunately|(?:was|were) worse|made (?:it|things|results?|performance) worse|"
    r"(?:delet|remov|drop|revert|undo|undid)\w* (?:the |an? |my |this |failed )*at+empts?)\b",
    re.I,
)
# "fails" alone also reports a single failing case; it counts when the line draws a conclusion
_WEAK_FAIL_RE = re.compile(r"\b(?:fail(?:s|ed)?|diverge[sd]?)\b", re.I)
_CONCLUDES_RE = re.compile(
    r"\b(?:showing|shows|because|therefore|hence|so we|due to|since)\b", re.I
)
_FIX_RE = re.compile(r"^\s*(?:\W\s*)?(?:\[?fix(?:es|ed)?\]?|bug|hotfix|typo|ci\b|test)", re.I)
PIVOT_RE = re.compile(r"\bpivot(?:s|ed|ing)?\b", re.I)
BETTER_RE = re.compile(
    r"\b(?:works? (?:much |a lot )?better|much better|better than|instead(?: of)?|switch(?:es|ed)? to|"
    r"replac(?:e|es|ed|ing)\b)",
    re.I,
)
# "Remove some temporary files": the commit clears scratch work, abandons nothing; nor does
# "Removed nop checker (it was a duplicate of id)"
TEMPORARY_RE = re.compile(
    r"\b(?:temporary|temp|tmp|scratch)\b[\w ]{0,20}\bfiles?\b|\b(?:was|were|is|are) "
    r"(?:an? |the )?(?:exact )?(?:duplicates?|cop(?:y|ies)) of\b|\bduplicated? (?:code|files?|"
    r"scripts?|modules?|copy|copies)\b",
    re.I,
)
RENAMING_RE = re.compile(r"\brenam(?:e|es|ed|ing)\b", re.I)
# "restructuring", "refactor", "reorganise the project": files move into a new layout
_RESTRUCTURE_RE = re.compile(r"\b(?:re-?stru\w*tur\w*|refactor\w*|re-?organi[sz]\w*)", re.I)
_NAMES_REMOVAL_RE = re.compile(r"\b(?:remov|delet|drop|discard|abandon|get rid|got rid)\w*", re.I)


# words any commit subject may hold without saying what the commit did
_FILLER = {
    "minor", "small", "tiny", "update", "updates", "updated", "updating", "change", "changes",
    "changed", "fix", "fixes", "fixed", "wip", "stuff", "misc", "commit", "save", "saving",
    "progress", "some", "more", "various", "polish", "polishing", "cleanup", "clean", "up",
    "tweak", "tweaks", "edit", "edits", "work", "working", "temp", "and", "the", "a", "of",
    "to", "on", "in", "files", "file", "code", "zeug", "new", "final", "version", "again",
}  # fmt: skip


def says_nothing(subject: str) -> bool:
    """True when a subject holds no word beyond filler ("Minor update", "more changes",
    "wip"): a dead end titled by it would tell the reader nothing."""
    words = re.findall(r"[a-z]+", subject.lower())
    return not [w for w in words if w not in _FILLER]


_KEEP_RE = re.compile(
    r"\b(?:unchanged|untouched|kept|keeps?|keeping|retain(?:s|ed)?|remains?|preserved?)\b", re.I
)
_STOP = {"the", "and", "with", "from", "into", "that", "this", "for", "are", "is", "was", "all"}
KEPT_WORDS = 2  # words of the undone subject a keeping clause must name


def _stems(text: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-z][a-z0-9_]{2,}", text.lower()) if w not in _STOP}


def keeps(message: str, undone: str) -> bool:
    """True when a clause of `message` says that the work of the commit `undone` (its
    subject) is kept: "Real results and the physical-device validation are unchanged"
    after "Add physical-device validation to the paper" names it by at least KEPT_WORDS
    words; "keep batching" after "batch single-step eval" names one and keeps a detail."""
    target = _stems(undone)
    for clause in re.split(r"[.;,\n]+", message):
        if _KEEP_RE.search(clause) and len(_stems(clause) & target) >= KEPT_WORDS:
            return True
    return False


def restructuring(subject: str) -> bool:
    """True when a subject says the commit restructures the code and names nothing it
    removes ("restructuring", not "huge refactor - removing banded solves"): what it
    deletes went into the new layout."""
    return bool(_RESTRUCTURE_RE.search(subject)) and not _NAMES_REMOVAL_RE.search(subject)


MOVED_AWAY_RE = re.compile(
    r"\bmov(?:e|ed|es|ing)\b[^.\n]{0,40}\b(?:elsewhere|another repo|separate repo|new repo|"
    r"own repo|out of (?:the|this) repo)|"
    # "remove file and move drawing function to draw.jl": the code lives on in another file
    r"\bmov(?:e|ed|es|ing) (?:the |its |all )?(?:[\w-]+ )?(?:functions?|code|class(?:es)?|"
    r"methods?|routines?) (?:to|into)\b",
    re.I,
)
REPLACE_RE = re.compile(
    r"\b(?:instead of|rather than|replac(?:e|es|ed|ing)\b|switch(?:es|ed|ing)? (?:to|from))", re.I
)
REASON_RE = re.compile(
    r"\b(?:avoid(?:s|ing)?|because|since|due to|so that|to prevent|works? better|better|"
    r"faster|more stable|dilution|too slow|too noisy)\b",
    re.I,
)
# "changing to EEP ... removing PGM": the message names what came in and what went out
_SWITCH_TO_RE = re.compile(
    r"\b(?:chang(?:ed|ing)|switch(?:ed|es|ing)?|migrat(?:e|ed|es|ing)|port(?:ed|ing))"
    r" (?:over |back )?to (?:the |a |an )?(?P<to>[\w.+-]+(?: [\w.+-]+)?)",
    re.I,
)
_REMOVING_RE = re.compile(
    r"\b(?:remov(?:e|es|ed|ing)|drop(?:s|ped|ping)?|delet(?:e|es|ed|ing)|"
    r"get(?:ting)? rid of) (?:the |all |old )?(?P<gone>[\w.+-]+(?: [\w.+-]+)?)",
    re.I,
)
_PHRASE_END = re.compile(r"\s+(?:and|with|in|from|for|to|as|,).*$", re.I)
# a commit that says it tries something out: what it adds is on trial
TRIED_RE = re.compile(
    r"\b(?:(?:try|tries|trying|tried) (?:out|a|an)|experiment(?:s|ing|al)? with|test(?:ing)? out)\b",
    re.I,
)
WRONG_RE = re.compile(r"\b(?:bug|wrong|incorrect|mistake|error|fix(?:es|ed)?|corrected)\b", re.I)


def reverted_subject(subject: str) -> str:
    """The subject `git revert` quoted in `Revert "..."`, or ""."""
    m = _REVERTED_SUBJECT_RE.match(subject.strip())
    return m.group(1) if m else ""


def message_lines(text: str) -> list[str]:
    """The lines of a commit message with wrapped lines joined back to their sentence."""
    out: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        starts_item = bool(re.match(r"^(?:[-*\u2022+]|\d+[.)]|#)\s", line))
        if out and line and out[-1] and not starts_item and not out[-1].endswith((".", ":")):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def line_with_all(text: str, *patterns: re.Pattern[str]) -> str:
    """The first message line every pattern matches (fix and typo lines aside), or ""."""
    for line in message_lines(text):
        line = line.strip(" -*\t")
        if all(rx.search(line) for rx in patterns) and not _FIX_RE.match(line):
            return line[:240]
    return ""


def sentence_with(text: str, rx: re.Pattern[str]) -> str:
    """The first message line `rx` matches (fix and typo lines aside), or ""."""
    return line_with_all(text, rx)


# "not working yet", "still not working": work in progress reports its state, gives up nothing
_IN_PROGRESS_RE = re.compile(r"\b(?:yet|still|wip|work in progress|for now)\b", re.I)


# "Show that multiplying a runif doesn't help stability either": a control that supports
# the work's finding, reported as a result, not an approach given up
_SHOWS_RE = re.compile(
    r"^\W*(?:show(?:s|ed|ing)?|demonstrat\w*|confirm\w*|verif\w*|check(?:s|ed)?)\s+that\b",
    re.I,
)


def failure_sentence(text: str) -> str:
    """The line of `text` that says an approach failed (and not that it does not work yet),
    or ""."""
    line = line_with_all(text, _FAIL_RE) or line_with_all(text, _WEAK_FAIL_RE, _CONCLUDES_RE)
    return "" if in_progress(line) or _SHOWS_RE.match(line) else line


# "reverted ... for now, to see if tests are running": set aside to come back to, not given up
_DEFERRED_RE = re.compile(
    r"\b(?:for now|for the time being|temporar(?:il)?y|until (?:we|i|the|it)\b|"
    r"will (?:update|redo|re-?add|restore|bring (?:it )?back|come back)|to see (?:if|whether))",
    re.I,
)


_RESTORE_RE = re.compile(r"\b(?:restor\w*|br(?:ing|ought) back|re-?add\w*)\b", re.I)
_REMOVAL_RE = re.compile(r"\b(?:remov|delet|drop)\w*", re.I)


def restores_removal(subject: str, undone: str) -> bool:
    """True when `subject` restores what the commit it undoes (`undone`, a subject) removed
    ("restored plot morph." after "some comments removed"): the removal was taken back,
    the work it removed lives on."""
    return bool(_RESTORE_RE.search(subject) and _REMOVAL_RE.search(undone))


def deferred(message: str) -> bool:
    """True when a message sets work aside to come back to ("reverted for now")."""
    return bool(_DEFERRED_RE.search(message))


def in_progress(line: str) -> bool:
    """True when the line reports work not finished yet, not work given up."""
    return bool(_IN_PROGRESS_RE.search(line))


# "replace no_grad by detach to avoid nan issues": a replacement made to fix a fault
_FAULT_RE = re.compile(
    r"\b(?:nan|nans|bug|issues?|errors?|crash(?:es)?|warnings?|exceptions?)\b", re.I
)


# a replacement that changes names or tidies, or the fix of a reported issue ("fixes #68")
_RENAME_OR_ISSUE = re.compile(r"\brenam\w*|\bconsisten\w*|\bnaming\b|#\d+", re.I)


# a quotation: "now say 'on par with PIFF' instead of 'far better'" cites the old wording
_QUOTED = re.compile(
    r"(?<!\w)(?:'[^'\n]{1,120}'|\"[^\"\n]{1,120}\"|\u2018[^\u2019]{1,120}\u2019|"
    r"\u201c[^\u201d]{1,120}\u201d)(?!\w)"
)


def reasoned_replacement(text: str) -> str:
    """A sentence saying one thing replaced another and why ("X instead of Y; avoids Z"),
    or ""; not when the reason is a fault avoided (a fix, not a change of approach), nor a
    rename or a tidying ("for consistency"). Both must be in one sentence: a pull request's
    description runs many sentences together on one line."""
    for line in message_lines(text):
        line = line.strip(" -*\t")
        if _FIX_RE.match(line):
            continue
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z(])", line):
            said = _QUOTED.sub(" ", sentence)  # quoted words are cited, not the reason
            if (
                REPLACE_RE.search(said)
                and REASON_RE.search(said)
                and not _FAULT_RE.search(sentence)
                and not _RENAME_OR_ISSUE.search(sentence)
            ):
                return sentence[:240]
    return ""


def lesson(message: str) -> str:
    """A sentence of the message that states a reason, when there is one."""
    return failure_sentence(message) or sentence_with(message, BETTER_RE)


def switched(text: str) -> tuple[str, str, str]:
    """A line saying the work switched to one thing and removed another ("changing to EEP
    and removing PGM"), as (line, what came in, what went out); empty strings when none.
    Moves to a folder are file moves, not a change of approach."""
    for line in message_lines(text):
        to, gone = _SWITCH_TO_RE.search(line), _REMOVING_RE.search(line)
        if not to or not gone or _FIX_RE.match(line.strip(" -*\t")):
            continue
        new, old = _phrase(to.group("to")), _phrase(gone.group("gone"))
        if not new or not old or new.lower() == old.lower() or _FILEISH.search(new):
            continue
        return line.strip(" -*\t")[:240], new, old
    return "", "", ""


_FILEISH = re.compile(r"\.(?:py|ipynb|txt|md|csv|json|ya?ml|tex|sh)$|^(?:folder|dir)", re.I)


def _phrase(raw: str) -> str:
    return _PHRASE_END.sub("", raw).strip(" .,;:")


# "Remove the analytical stuff and add a cascade model": one approach out, another in
_OUT_AND_IN_RE = re.compile(
    r"^\W*(?:remov|delet|drop)\w* (?:the |all |old )?(?P<old>[^,;:]{2,40}?) and "
    r"(?:add|introduc|implement)\w* (?:a |an |the )?(?P<new>[^,;:.]{2,60})",
    re.I,
)
# what such a subject removes when it tidies rather than changes approach
_TIDY_RE = re.compile(
    r"\b(?:unused|unnecessary|redundant|obsolete|old files?|cache|pycache|folders?|director"
    r"(?:y|ies)|comments?|prints?|debug\w*|typos?|whitespace|imports?|warnings?|tests?|"
    r"allocations?|files?|gitignore|logs?|outputs?|todos?)\b|__",
    re.I,
)


# "CO removed in pertinent lines and added the generalization for ... a linear molecule":
# the same, said in the passive
_OUT_AND_IN_PASSIVE_RE = re.compile(
    r"^\W*(?:the |all |old )?(?P<old>[\w.+-]+(?: [\w.+-]+)?) (?:was |were |is |are )?"
    r"(?:removed|deleted|dropped)\b[^,;:.]{0,40}?,? and (?:(?:was |were |is |are )?"
    r"(?:replaced (?:by|with))|add(?:ed)?|introduc\w*|implement\w*) "
    r"(?:a |an |the )?(?P<new>[^,;:.]{2,80})",
    re.I,
)
# "Switch from RLInterface (depr) to CommonRLInterface": what went and what came, named
_FROM_TO_RE = re.compile(
    r"\b(?:switch(?:es|ed|ing)?|migrat(?:e|es|ed|ing)|port(?:s|ed|ing)?|mov(?:e|es|ed|ing)|"
    r"chang(?:e|es|ed|ing)) from (?:the |a |an )?(?P<old>[A-Za-z][\w.+-]*(?: [A-Za-z][\w.+-]*)?)"
    r"(?: \([^)]{1,30}\))? (?:to|for) (?:the |a |an )?(?P<new>[A-Za-z][\w.+-]*(?: [\w.+-]+)?)",
    re.I,
)


# "dot product instead of concat": the whole subject names the new design and the old one
_INSTEAD_RE = re.compile(
    r"^(?:use |using )?(?P<new>[A-Za-z][\w+-]*(?: [A-Za-z][\w+-]*){0,2}) instead of "
    r"(?P<old>[A-Za-z][\w+-]{2,})\W*$",
    re.I,
)
# how the project is installed or built, not what it does: "switched from pip requirements to
# conda environment" changes tooling
_TOOLING_RE = re.compile(
    r"\b(?:pip|conda|mamba|micromamba|poetry|pipenv|uv|requirements?|environments?|venv|"
    r"virtualenv|setuptools|pyproject|docker\w*|travis|appveyor|circleci|github actions|tox|"
    r"nox|pypi|cran|npm|yarn)\b",
    re.I,
)


def out_and_in(subject: str) -> tuple[str, str]:
    """(what went, what came) when a subject says it removed one thing and added another
    in its place, switched from one to the other, or is "<new> instead of <old>"; empty
    strings when it does not, or when what went is tidying, a file or folder (a move, not a
    change of approach) or tooling (how the project is installed, built or tested)."""
    line = subject.strip()
    m = _OUT_AND_IN_RE.match(line) or _OUT_AND_IN_PASSIVE_RE.match(line)
    m = m or _FROM_TO_RE.search(line) or _INSTEAD_RE.match(line)
    if m is None or _TIDY_RE.search(m.group("old")) or _FIX_RE.match(line):
        return "", ""
    old, new = _phrase(m.group("old")), _phrase(m.group("new")) or m.group("new").strip(" .")
    if not old or not new or _FILEISH.search(old) or _FILEISH.search(new):
        return "", ""
    if _TOOLING_RE.search(old) or _TOOLING_RE.search(new):
        return "", ""
    if _PRESENTATION_RE.search(old) or _PRESENTATION_RE.search(new):
        return "", ""
    return old, new


# how results are drawn or shown, not how they are made: "plotting with histogram instead
# of step", "store predicted plots instead of showing" change a figure, not the method
_PRESENTATION_RE = re.compile(
    r"\b(?:plot(?:s|ting|ted)?|figures?|fig|show(?:s|ing|n)?|display(?:s|ing|ed)?|"
    r"legends?|colou?r(?:s|map)?|cmap|axis|axes|ticks?|fonts?|markers?|line ?styles?)\b",
    re.I,
)


# results a commit says were wrong, or old: "running this simulation block was an error"
RESULTS_WRONG_RE = re.compile(
    r"\b(?:(?:was|were|is|are) (?:an? )?(?:error|mistake|wrong|incorrect|buggy|invalid)|"
    r"(?:wrong|incorrect|erroneous|invalid|buggy) (?:results?|runs?|values?|numbers?|rows?|"
    r"data|simulations?))\b",
    re.I,
)
RESULTS_OLD_RE = re.compile(
    r"\b(?:old|previous|earlier|outdated|obsolete|superseded|wrong|incorrect) (?:\w+ )?"
    r"(?:results|runs|outputs|simulations)\b|\b(?:delet|remov)\w* (?:the |all )?(?:\w+ )?results\b",
    re.I,
)


# "remove memory benchmarking", "drop the timing table": results taken out of what the work
# reports (not old or duplicate ones: those are superseded, or tidying; sections cut from
# the LaTeX source are read from the source itself, in cuts.py)
_RESULTS_CUT_RE = re.compile(
    r"\b(?:remov(?:e|es|ed|ing)|drop(?:s|ped|ping)?|delet(?:e|es|ed|ing)|cut(?:s|ting)?|"
    r"omit(?:s|ted|ting)?|took out|tak(?:e|es|ing) out|get(?:ting)? rid of)\s+(?:the\s+|all\s+)?"
    r"(?P<what>(?:[\w-]+\s+){0,2}?(?:benchmark(?:s|ing)?|results?|analys[ie]s|experiments?|"
    r"ablations?|comparisons?|evaluations?|tables?))\b(?! of contents)",
    re.I,
)
# old, duplicate or broken results taken out: superseded, tidying or a fix
_NOT_A_CUT = re.compile(
    r"\b(?:old|previous|outdated|obsolete|duplicated?|unused|temporary|wrong|empty|extra|"
    r"broken|redundant|buggy|incorrect)\b",
    re.I,
)


def results_cut(message: str) -> str:
    """What results a message says it takes out ("memory benchmarking"), or ""."""
    for line in message_lines(message):
        m = _RESULTS_CUT_RE.search(line)
        if m and not _NOT_A_CUT.search(m.group("what")) and not _FIX_RE.match(line):
            return m.group("what")
    return ""
