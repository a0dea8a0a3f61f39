"""Changes too small to be an approach: debug output, comments, and values set to another
value under the same name.

A commit whose code change is one of these and that a later commit sets back exactly (a
print added to look at shapes, three hyperparameters tried, a misspelt attribute, a comment
line) is a developer trying a setting, not research given up: the undo abandons no approach.
A version number set and set back is the exception: a release was withdrawn.
"""

from __future__ import annotations

import difflib
import re

MAX_VALUE_LINES = 12  # more changed lines than this is more than a tweak of values
# debug output in the common languages: print/println/printf/fprintf/disp/cat/message,
# loggers, console.log, C++ streams, Julia's @show/@info
_OUTPUT = re.compile(
    r"^(?:print(?:ln|f)?\s*\(|print\s+\S|fprintf\s*\(|disp\s*\(|cat\s*\(|message\s*\(|"
    r"console\.\w+\s*\(|(?:logging|logger|log)\.\w+\s*\(|(?:std::)?(?:cout|cerr)\s*<<|"
    r"@(?:show|info|debug|warn)\b|pprint\s*\(|tqdm\.write\s*\()"
)
_COMMENT = ("#", "//", "%", "--", ";", "/*", "*", "'''", '"""')
# the name a line sets: `x = …`, `"key": …`, `key=…,`, `self.x = …` (not `==`, `<=`, `>=`)
_KEY = re.compile(r"^(?P<key>[^=:]*?[\w\"'\])]\s*)(?:(?<![=!<>])=(?!=)|:(?!:))")
_VERSION = re.compile(r"^\W*(?:__version__|version|VERSION)\b\W*[=:]")


def _meaningful(lines: list[str]) -> list[str]:
    out = []
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith(_COMMENT) or _OUTPUT.match(line):
            continue
        out.append(line)
    return out


def changed(old: str, new: str) -> tuple[list[str], list[str]]:
    """The lines `new` removed from `old` and added, in order."""
    removed: list[str] = []
    added: list[str] = []
    for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0):
        if line.startswith(("---", "+++", "@@")):
            continue
        if line.startswith("-"):
            removed.append(line[1:])
        elif line.startswith("+"):
            added.append(line[1:])
    return removed, added


def routine(versions: list[tuple[str, str]]) -> bool:
    """True when the change from each (old, new) text to the next is routine: only debug
    output and comments, or only values set under the same names (at most MAX_VALUE_LINES);
    never when a version number changes (a release made and withdrawn)."""
    if not versions:
        return False
    removed: list[str] = []
    added: list[str] = []
    for old, new in versions:
        r, a = changed(old, new)
        removed += r
        added += a
    if any(_VERSION.match(x.strip()) for x in removed + added):
        return False
    removed, added = _meaningful(removed), _meaningful(added)
    if not removed and not added:
        return True  # output and comments only
    if len(removed) != len(added) or len(removed) + len(added) > MAX_VALUE_LINES:
        return False
    return all(_same_name(r, a) for r, a in zip(removed, added, strict=True))


def _same_name(old: str, new: str) -> bool:
    mo, mn = _KEY.match(old), _KEY.match(new)
    if mo is None or mn is None:
        return False
    return mo.group("key").strip() == mn.group("key").strip()
