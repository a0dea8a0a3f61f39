"""Paper settings: every setting the paper states, against truth/papers/<pair>/settings.yaml.

A truth setting is found when an extracted setting stands on the same page (or the next
or previous one: a paragraph that crosses a page break is dated by the page it starts
on), states the same number (every number, as a set, for a list or a range; a value in
another unit does not count), and has a compatible name: the same normalised key, or a
printed name sharing a word with the truth's printed name (`learning rate λ` and `λ`).
Each truth setting is found at most once (one to one). Recall counts the required truth
settings found; precision counts the extracted settings that match any truth setting,
required or optional (optional ones are statements a reader may or may not call a
setting). Numbers-free truth settings (estimator types) are optional; one whose printed
value is not one number (`Qiskit 2.4.2`) is matched by the extracted value as printed.

A truth file may cover only some pages: `pages: [a, b]` (inclusive) says the truth lists
every setting of pages a to b and nothing beyond, so only the settings extracted from
those pages are scored (a truth file without `pages` covers the whole paper).

Recall is also printed name-blind (`values found`): a required truth setting counts when
an extracted setting states its numbers on its page, whatever its name. The gap between the
two recalls is naming (ours, or the word test above), not reading; on new papers it was a
third of the misses, so both are reported.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from benchmarks.realworld import corpus

TRUTH = corpus.TRUTH / "papers"


def load_truth(pair: str, aspect: str) -> Any:
    """The parsed truth file `truth/papers/<pair>/<aspect>.yaml`, or None when absent."""
    from ruamel.yaml import YAML

    path = TRUTH / pair / f"{aspect}.yaml"
    return YAML(typ="safe").load(path.read_text(encoding="utf-8")) if path.is_file() else None


def _words(text: str) -> set[str]:
    from arakit.compiler.settings.names import snake

    return {w for w in snake(text).split("_") if w and not w.isdigit()}


def _flat(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _numbers(t: dict[str, Any]) -> set[float]:
    if t.get("numbers"):
        return {float(x) for x in t["numbers"]}
    return {float(t["number"])} if t.get("number") is not None else set()


def _rounded(got: float, want: float) -> bool:
    """True when a truth number written rounded (`7.389056` for e², `0.7071068` for 1/√2:
    four decimals or more) is the extracted number rounded to as many decimals."""
    text = repr(want)
    decimals = len(text.split(".")[1]) if "." in text and "e" not in text else 0
    return decimals >= 4 and abs(got - want) <= 0.5 * 10.0**-decimals


def matches(s: Any, t: dict[str, Any], *, named: bool = True) -> bool:
    """True when extracted setting `s` states truth setting `t` (see the module docstring);
    `named=False` leaves out the name test (the name-blind recall)."""
    from arakit.compiler.settings.numbers import same_number

    if abs(s.where.page - int(t["page"])) > 1:
        return False
    want = _numbers(t)
    got = set(s.values)
    if not want and not got:  # a setting without numbers (an estimator type): same text
        return _flat(s.value) == _flat(str(t.get("value", "")))
    if not want and got:  # a truth kept without a number (`Qiskit 2.4.2` is no one float)
        printed = s.value.strip()
        return (
            bool(printed)
            and printed in str(t.get("value", ""))
            and (not named or _named_alike(s, t))
        )
    if not want or not got or len(want) != len(got):
        return False
    if not all(any(same_number(g, w) or _rounded(g, w) for g in got) for w in want):
        return False
    return not named or _named_alike(s, t)


def _named_alike(s: Any, t: dict[str, Any]) -> bool:
    """The same normalised key, or a printed name sharing a word with the truth's."""
    if s.key == t.get("key"):
        return True
    a, b = _words(s.name) | _words(s.meaning), _words(str(t["name"]))
    return bool(a & b) or s.name.strip() == str(t["name"]).strip()


def _required(truth: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [t for t in truth if not t.get("optional") and _numbers(t)]


def _unfound(settings: list[Any], required: list[dict[str, Any]], *, named: bool) -> list[int]:
    """The indexes of the required truth settings no extracted setting states, each truth
    setting taken by at most one extracted setting."""
    free = list(range(len(required)))
    for s in settings:
        hit = next((i for i in free if matches(s, required[i], named=named)), None)
        if hit is not None:
            free.remove(hit)
    return free


def values_found(settings: list[Any], truth: list[dict[str, Any]]) -> int:
    """How many required truth settings an extracted setting states by number and page,
    whatever its name (the name-blind recall's numerator)."""
    required = _required(truth)
    return len(required) - len(_unfound(settings, required, named=False))


def score(settings: list[Any], truth: list[dict[str, Any]]) -> tuple[int, int, int, int, list[str]]:
    """(required found, required, extracted correct, extracted, misses) for one paper."""
    required = _required(truth)
    free = _unfound(settings, required, named=True)
    found = len(required) - len(free)
    correct = sum(any(matches(s, t) for t in truth) for s in settings)
    misses = [
        f"p{required[i]['page']} {required[i]['name']} = {required[i]['value']}" for i in free
    ]
    return found, len(required), correct, len(settings), misses


def wrong(settings: list[Any], truth: list[dict[str, Any]]) -> list[str]:
    """The extracted settings that match no truth setting (false positives)."""
    return [
        f"p{s.where.page} {s.name} = {s.value}"
        for s in settings
        if not any(matches(s, t) for t in truth)
    ]


def covered(settings: list[Any], truth: dict[str, Any]) -> list[Any]:
    """The extracted settings on the pages the truth file covers (`pages: [a, b]`, both
    inclusive); every setting when the truth covers the whole paper."""
    pages = truth.get("pages")
    if not pages:
        return settings
    first, last = (int(p) for p in pages)
    return [s for s in settings if first <= s.where.page <= last]


def run() -> dict[str, float]:
    """Print one line per paper and return the totals."""
    from arakit.compiler.pdf import read_document
    from arakit.compiler.settings import paper_settings

    tot = [0, 0, 0, 0]
    blind = 0
    seconds: list[float] = []
    for pair in corpus.papers():
        truth = load_truth(pair.name, "settings")
        if truth is None:
            print(f"{pair.name:22} no truth file")
            continue
        start = time.perf_counter()
        doc = read_document(Path(pair / "paper.pdf"))
        settings = covered(paper_settings(doc), truth)
        seconds.append(time.perf_counter() - start)
        found, required, correct, extracted, misses = score(settings, truth["settings"] or [])
        valued = values_found(settings, truth["settings"] or [])
        blind += valued
        for i, v in enumerate((found, required, correct, extracted)):
            tot[i] += v
        rec = found / required if required else 1.0
        prec = correct / extracted if extracted else 1.0
        print(
            f"{pair.name:22} recall {found:3}/{required:<3} {rec:6.1%}   "
            f"precision {correct:3}/{extracted:<3} {prec:6.1%}   values found {valued:3}/{required:<3}"
        )
        if misses:
            print("    missed: " + "; ".join(misses[:12]) + (" …" if len(misses) > 12 else ""))
        bad = wrong(settings, truth["settings"] or [])
        if bad:
            print("    wrong:  " + "; ".join(bad[:12]) + (" …" if len(bad) > 12 else ""))
    recall = tot[0] / tot[1] if tot[1] else 1.0
    precision = tot[2] / tot[3] if tot[3] else 1.0
    value_recall = blind / tot[1] if tot[1] else 1.0
    print(
        f"{'total':22} recall {tot[0]}/{tot[1]} {recall:.1%}   precision {tot[2]}/{tot[3]} "
        f"{precision:.1%}   values found {blind}/{tot[1]} {value_recall:.1%}   "
        f"max seconds per paper {max(seconds, default=0):.2f}"
    )
    return {
        "settings_recall": round(recall, 4),
        "settings_value_recall": round(value_recall, 4),
        "settings_precision": round(precision, 4),
        "max_seconds_per_paper": round(max(seconds, default=0.0), 2),
    }


if __name__ == "__main__":
    run()
